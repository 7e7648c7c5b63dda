import type { AlertReading, AlertRuleContext } from "./alert-rule";

// Per organization and integration: a panic mode that is ACTIVE now (outbound to that number or SMS channel is
// on hold). Resolves when the panic is resolved, by a person or by its automatic release.
export async function evaluatePanicMode({ db }: AlertRuleContext): Promise<AlertReading[]> {
  const active = await db.panicMode.findMany({
    where: { status: "ACTIVE" },
    select: { organizationId: true, integration: true, reason: true, triggeredAt: true },
    orderBy: { triggeredAt: "asc" },
  });
  return active.map((panic) => ({
    kind: "panic_mode",
    scope: "ORGANIZATION",
    organizationId: panic.organizationId,
    subject: panic.integration,
    value: 1,
    threshold: 1,
    firing: true,
    title: panic.integration.startsWith("sms:") ? "Envíos por SMS en pausa (modo pánico)" : "Envíos de WhatsApp en pausa (modo pánico)",
    detail: `Los mensajes salientes quedaron retenidos: ${panic.reason.slice(0, 300)}. Se envían cuando se resuelva el modo pánico.`,
  }));
}
