import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, startWebhookReceiver } from "../../integrations/whatsapp/sandbox-harness";

// The assistant through real BullMQ Workers, from the customer's phone (the sandbox) back to it: signed webhook →
// webhook job → message → close-turn job → assistant job → outbound delivery job → the sandbox's Graph API.
// env is parsed once per process, so the sandbox's URL and a short aggregation window are set before any import.
const sandbox = await startTestSandbox();
const receiver = await startWebhookReceiver();
process.env.META_GRAPH_API_URL = `${sandbox.url}/meta`;
process.env.INBOUND_AGGREGATION_WINDOW_MS = "1500";

const { resetDatabase } = await import("../../../database/testing/reset");
const { startWorkers } = await import("../../../apps/workers/src/start-workers");
const { adminDb } = await import("../../lib/db");
const { env } = await import("../../lib/env");
const { metaDelivery, seedOrganization } = await import("../../modules/inbound/inbound-test-kit");
const { DEFAULT_TEMPLATES } = await import("../../modules/templates/default-templates");
const { jobCatalog } = await import("../catalog");
const { closeQueues, enqueue, getQueue } = await import("../enqueue");
const { processJob } = await import("../process-job");
const { PROCESS_WEBHOOK_JOB, webhookJobId } = await import("../payloads/webhook-delivery");

const ORG = "org-assistant";
const CUSTOMER = "5491155550777";
let pool: ReturnType<typeof startWorkers> | undefined;

beforeAll(async () => {
  await sandbox.pointWebhooksAt(receiver.url);
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedOrganization(ORG);
  const admin = adminDb();
  await admin.organization.update({ where: { id: ORG }, data: { name: "Del Sur Plomería y Gas", settings: { assistant: { autoResponseEnabled: true } } } });
  await admin.user.create({ data: { id: "ap-owner", organizationId: ORG, phone: "+5491140000001", name: "Martín Gómez", role: "OWNER" } });
  await admin.waTemplate.createMany({ data: DEFAULT_TEMPLATES.map((t) => ({ organizationId: ORG, name: t.name, language: "es_AR", category: t.category, status: "APPROVED" as const, components: [{ type: "BODY", text: t.body }] })) });
  await admin.priceListItem.create({ data: { organizationId: ORG, code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", priceCents: 3_800_000, keywords: ["destapar", "cloaca"] } });
  for (const name of ["webhooks", "media", "conversations", "outbound", "assistant", "notifications"] as const) await getQueue(name).obliterate({ force: true });
  pool = startWorkers({ catalog: jobCatalog, processor: processJob, concurrency: 4 });
});

afterAll(async () => {
  await pool?.close(5_000);
  await closeQueues();
  await sandbox.close();
  await receiver.close();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

type GraphRequest = { body: { to?: string; type?: string; text?: { body: string }; template?: { name: string } } };
const sentTo = async (to: string) => ((await sandbox.requests("meta", "/messages")) as GraphRequest[]).filter((r) => r.body.to === to);

async function customerWrites(text: string): Promise<void> {
  const sent = (await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { type: "text", text })) as { id: string };
  const hook = await receiver.waitFor((h) => h.body.includes(sent.id));
  const delivery = metaDelivery(hook.body);
  await enqueue(PROCESS_WEBHOOK_JOB, delivery, { jobId: webhookJobId(delivery) });
}

describe("the assistant through real Workers", () => {
  it("answers a gas leak at once (no aggregation wait) and alerts the owner; a price question after the quiet window", async () => {
    await customerWrites("hola tengo olor a gas en la cocina");
    const [safety] = await until(async () => {
      const replies = (await sentTo(CUSTOMER)).filter((r) => r.body.type === "text");
      return replies.length ? replies : null;
    });
    expect(safety!.body.text!.body).toContain("No toques llaves de luz");
    // The turn closed without waiting out the 1.5 s window.
    const message = await adminDb().whatsAppMessage.findFirstOrThrow({ where: { direction: "INBOUND" } });
    const closeTurn = await getQueue("conversations").getJob(`turn-${message.id}`);
    expect(closeTurn?.opts.delay ?? 0).toBe(0);
    // The owner's alert went out on WhatsApp as the staff_alert template.
    const alert = await until(async () => (await sentTo("5491140000001")).find((r) => r.body.template?.name === "staff_alert"));
    expect(alert).toBeDefined();
    expect(await adminDb().job.findFirstOrThrow()).toMatchObject({ urgency: "EMERGENCY", status: "pending" });

    await customerWrites("otra cosa");
    await customerWrites("cuánto sale destapar una cloaca?");
    const price = await until(async () => (await sentTo(CUSTOMER)).find((r) => r.body.text?.body.includes("$38.000")));
    expect(price!.body.text!.body).toBe("Destapación de cloaca tiene un costo de $38.000 + IVA (materiales aparte). ¿Querés que te pase turnos para la visita?");
    // Both messages were one turn: one answer for them.
    expect(await adminDb().assistantRun.count()).toBe(2);
  });

  // The plan matrix (aiAutoResponses from PROFESIONAL) read at the effective tier: FREE and a trial that ended keep
  // the message for the office and the run row says why; back on PROFESIONAL the next turn is answered.
  it("on FREE and on an ended trial the message is stored but not answered; on PROFESIONAL it is", async () => {
    const texts = async () => (await sentTo(CUSTOMER)).filter((r) => r.body.type === "text").length;
    const skipped = () => adminDb().assistantRun.count({ where: { outcome: "skipped:plan_required:aiAutoResponses" } });
    const answeredBefore = await texts();

    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "FREE" } });
    await customerWrites("hola, ¿hacen service de aire acondicionado?");
    await until(async () => ((await skipped()) === 1 ? true : null));
    // The turn's message is in the inbox, for a person to answer.
    const run = await adminDb().assistantRun.findFirstOrThrow({ where: { outcome: "skipped:plan_required:aiAutoResponses" }, select: { turnId: true } });
    const stored = await adminDb().whatsAppMessage.findMany({ where: { turnId: run.turnId, direction: "INBOUND" }, select: { content: true } });
    expect(JSON.stringify(stored.map((m) => m.content))).toContain("hacen service de aire acondicionado");

    await adminDb().organization.update({ where: { id: ORG }, data: { tier: "PROFESIONAL", trialEndsAt: new Date(Date.now() - 60_000) } });
    await customerWrites("¿me pueden pasar un precio?");
    await until(async () => ((await skipped()) === 2 ? true : null));
    expect(await texts()).toBe(answeredBefore);

    await adminDb().organization.update({ where: { id: ORG }, data: { trialEndsAt: null } });
    await customerWrites("cuánto sale destapar una cloaca?");
    await until(async () => ((await texts()) > answeredBefore ? true : null));
    expect(await skipped()).toBe(2);
  });
});
