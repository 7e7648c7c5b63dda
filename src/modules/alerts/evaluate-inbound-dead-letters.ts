import type { AlertReading, AlertRuleContext } from "./alert-rule";

// Per organization: inbound items (messages, statuses) that could not be stored after their retries and wait in the
// dead-letter list (issue 22). Fires while any is open; resolves once every one was replayed. A customer's message
// that never reached the inbox is the business's matter and, as a likely bug, the platform's too.
export async function evaluateInboundDeadLetters({ db }: AlertRuleContext): Promise<AlertReading[]> {
  const open = await db.inboundDeadLetter.groupBy({ by: ["organizationId"], where: { replayedAt: null }, _count: { _all: true } });
  return open.map((row) => ({
    kind: "inbound_dead_letters",
    scope: "ORGANIZATION",
    organizationId: row.organizationId,
    subject: "whatsapp",
    value: row._count._all,
    threshold: 1,
    firing: true,
    title: "Mensajes entrantes sin guardar",
    detail: `${row._count._all === 1 ? "Un mensaje entrante no se pudo guardar" : `${row._count._all} mensajes entrantes no se pudieron guardar`} después de los reintentos. Revisalos y reprocesalos en WhatsApp → Mensajes entrantes sin guardar.`,
  }));
}
