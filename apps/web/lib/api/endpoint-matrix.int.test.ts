import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { encryptJson } from "@campotech/core/lib/crypto";
import { getMediaStorage } from "@campotech/core/modules/media";
import { adminDb, withTenant } from "@campotech/core/lib/db";
import { createArcaCsr, installArcaCertificate } from "@campotech/core/modules/invoicing";
import { connectSandboxSeller } from "@campotech/core/modules/payments";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { can, issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { listAvailableNumbers, reserveNumber, resetProvisioning, sendVerificationCode } from "@campotech/core/modules/number-provisioning"; // issue 19 (provisioning)
import { call, type CallOptions } from "./api-test-kit";
import type { Endpoint } from "./define-endpoint";
import { ALL_ENDPOINTS } from "./endpoints";

// Every authenticated endpoint × the five roles × own and other organization. Expectations come from the one
// permission table (can()), so the matrix and the product can't disagree about who may do what.
const ROLES: UserRole[] = ["OWNER", "ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"];
type Org = "a" | "b";
const orgId = (org: Org) => `mx-${org}`;
const userId = (org: Org, role: UserRole) => `mx-${org}-${role.toLowerCase()}`;
// Anything of organization B that could leak: its ids (all prefixed), its name and its customers' phones.
const B_MARKERS = ["mx-b", "Beta", "5491169"];

let seq = 0;
const fresh = (org: Org, kind: string) => `mx-${org}-${kind}-${++seq}`;

// Rows a mutating call consumes (a dead letter is replayed once, a panic resolved once) are created per call.
async function deadLetter(org: Org): Promise<string> {
  const id = fresh(org, "dead");
  await adminDb().whatsAppMessage.create({
    data: { id, organizationId: orgId(org), conversationId: `mx-${org}-conv`, accountId: `mx-${org}-wa`, direction: "OUTBOUND", type: "TEXT", content: { text: { body: "Hola" } }, status: "FAILED" },
  });
  await adminDb().outboundDelivery.create({
    data: { id: `${id}-d`, organizationId: orgId(org), messageId: id, accountId: `mx-${org}-wa`, recipient: `mx-${org}-recipient`, attempts: 3, deadLetteredAt: new Date(), deadLetterReason: "retries exhausted" },
  });
  return id;
}

async function panic(org: Org): Promise<string> {
  const id = fresh(org, "panic");
  await adminDb().panicMode.create({ data: { id, organizationId: orgId(org), integration: `whatsapp:mx-${org}-wa`, reason: "error 131031" } });
  return id;
}

// An inbound image whose file is in the configured media storage.
async function storedImage(org: Org): Promise<string> {
  const id = `mx-${org}-img`;
  const key = `${orgId(org)}/matrix/${id}.jpg`;
  await getMediaStorage().put(key, Buffer.from(`jpeg-bytes-${org}`), "image/jpeg");
  await adminDb().whatsAppMessage.upsert({
    where: { id },
    create: {
      id, organizationId: orgId(org), conversationId: `mx-${org}-conv`, waMessageId: `wamid.mx-${org}-img`, direction: "INBOUND", type: "IMAGE",
      content: { image: { caption: "foto" } }, status: "RECEIVED", mediaStorageKey: key, mediaMimeType: "image/jpeg", mediaState: "STORED",
    },
    update: {},
  });
  return id;
}

// An inbound image whose download gave up (FAILED), for "Reintentar".
async function failedImage(org: Org): Promise<string> {
  const id = fresh(org, "failed-img");
  await adminDb().whatsAppMessage.create({
    data: {
      id, organizationId: orgId(org), conversationId: `mx-${org}-conv`, waMessageId: `wamid.${id}`, direction: "INBOUND", type: "IMAGE",
      content: { caption: "foto" }, status: "RECEIVED", mediaProviderId: `media-${id}`, mediaMimeType: "image/jpeg", mediaState: "FAILED",
    },
  });
  return id;
}

// An open EMERGENCY job of the conversation's customer (the chat's emergency banner).
async function emergencyJob(org: Org): Promise<string> {
  const id = fresh(org, "emergency");
  const last = await adminDb().job.aggregate({ where: { organizationId: orgId(org) }, _max: { number: true } });
  await adminDb().job.create({
    data: { id, organizationId: orgId(org), number: (last._max.number ?? 0) + 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "GAS", description: "Olor a gas", urgency: "EMERGENCY" },
  });
  return id;
}

// A scheduled job assigned to the organization's technician, so technicians may move it (en_camino) too.
async function scheduledJob(org: Org): Promise<string> {
  const id = fresh(org, "job");
  const start = new Date(Date.now() + 86_400_000);
  const last = await adminDb().job.aggregate({ where: { organizationId: orgId(org) }, _max: { number: true } });
  await adminDb().job.create({
    data: {
      id, organizationId: orgId(org), number: (last._max.number ?? 0) + 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "PLUMBING",
      description: "Pérdida en la cocina", status: "scheduled", technicianId: userId(org, "TECHNICIAN"), scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3600_000),
    },
  });
  return id;
}

// A photo of the organization's job, stored in the configured media storage.
async function storedAttachment(org: Org): Promise<{ id: string; attachmentId: string }> {
  const attachmentId = fresh(org, "photo");
  const storageKey = `${orgId(org)}/jobs/mx-${org}-job/${attachmentId}.png`;
  await getMediaStorage().put(storageKey, Buffer.from(PNG_1X1, "base64"), "image/png");
  await adminDb().jobAttachment.create({ data: { id: attachmentId, organizationId: orgId(org), jobId: `mx-${org}-job`, kind: "PHOTO", storageKey, mimeType: "image/png", size: 68 } });
  return { id: `mx-${org}-job`, attachmentId };
}

// ARCA rows: a completed job to invoice, a draft, an authorized invoice (written as ARCA would have left it).
async function completedJob(org: Org): Promise<string> {
  const id = fresh(org, "done");
  const last = await adminDb().job.aggregate({ where: { organizationId: orgId(org) }, _max: { number: true } });
  await adminDb().job.create({
    data: {
      id, organizationId: orgId(org), number: (last._max.number ?? 0) + 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "PLUMBING",
      description: "Cambio de flexible", status: "completed",
      lineItems: { create: { organizationId: orgId(org), position: 0, description: "Flexible", quantityMilli: 1000, unitPriceCents: 1500000, ivaRateBps: 2100 } },
    },
  });
  return id;
}

async function invoiceRow(org: Org, id: string, status: "DRAFT" | "AUTHORIZED", number: number | null): Promise<string> {
  await adminDb().invoice.create({
    data: {
      id, organizationId: orgId(org), customerId: `mx-${org}-customer`, kind: "INVOICE", letter: "B", voucherType: 6, status, environment: "HOMOLOGACION", pointOfSale: 2, number,
      issueDate: "2026-12-01", serviceFrom: "2026-12-01", serviceTo: "2026-12-01", paymentDueDate: "2026-12-11", receiverName: org === "a" ? "Ana Alfa" : "Bruno Beta",
      receiverDocType: 99, receiverDocNumber: "0", receiverIvaConditionId: 5, netCents: 1500000, ivaCents: 315000, totalCents: 1815000,
      ivaBreakdown: [{ ivaRateBps: 2100, baseCents: 1500000, ivaCents: 315000 }],
      ...(status === "AUTHORIZED" ? { cae: "75238712345678", caeDueDate: "2026-12-11", authorizedAt: new Date() } : {}),
      lines: { create: { organizationId: orgId(org), position: 0, description: "Flexible", quantityMilli: 1000, unitPriceCents: 1500000, ivaRateBps: 2100, netCents: 1500000 } },
    },
  });
  return id;
}
const draftInvoice = (org: Org) => invoiceRow(org, fresh(org, "draft"), "DRAFT", null);
const authorizedInvoice = async (org: Org) => invoiceRow(org, fresh(org, "inv"), "AUTHORIZED", ++invoiceNumbers[org]);
const invoiceNumbers: Record<Org, number> = { a: 100, b: 100 };

// Each organization's MercadoPago account: a seller of the suite's sandbox, linked by OAuth.
const SELLERS: Record<Org, string> = { a: "123456789", b: "223456789" };

async function cashPayment(org: Org): Promise<string> {
  const id = fresh(org, "pay");
  const invoiceId = await authorizedInvoice(org);
  await adminDb().payment.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, invoiceId, method: "CASH", status: "APPROVED", amountCents: 200_000, paidAt: new Date() } });
  return id;
}

async function paymentLink(org: Org): Promise<string> {
  const id = fresh(org, "link");
  await adminDb().paymentLink.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, invoiceId: `mx-${org}-inv`, amountCents: 1_815_000, expiresAt: new Date(Date.now() + 7 * 86_400_000) } });
  return id;
}

// A certificate for the organization's pending CSR, from the suite sandbox's WSASS (the way ARCA issues one).
async function sandboxCertificate(org: Org): Promise<string> {
  const { csrPem } = await withTenant(orgId(org), (tx) => createArcaCsr(tx, orgId(org), {}, { type: "OPERATOR" }));
  const response = await fetch(`${new URL(env.ARCA_WSAA_URL_HOMOLOGACION).origin}/_sandbox/arca/certificates`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr: csrPem }),
  });
  return ((await response.json()) as { certificate: string }).certificate;
}

// Address-book rows and duplicates a call consumes (edited, deleted, merged away) are created per call.
async function customerAddress(org: Org): Promise<string> {
  const id = fresh(org, "addr");
  await adminDb().customerAddress.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, street: `Lavalle ${seq}` } });
  return id;
}

async function duplicateCustomer(org: Org): Promise<string> {
  const id = fresh(org, "dup");
  await adminDb().customer.create({ data: { id, organizationId: orgId(org), name: org === "a" ? "Ana Alfa" : "Bruno Beta" } });
  return id;
}

async function freshViewer(org: Org): Promise<string> {
  const id = fresh(org, "viewer");
  await adminDb().user.create({ data: { id, organizationId: orgId(org), phone: `+549117${org === "a" ? "0" : "9"}${String(++seq).padStart(6, "0")}`, name: `Nuevo ${org === "a" ? "Alfa" : "Beta"}`, role: "VIEWER" } });
  return id;
}

async function timeOff(org: Org): Promise<string> {
  const id = fresh(org, "off");
  const start = new Date(Date.now() + 10 * 86_400_000);
  await adminDb().technicianTimeOff.create({ data: { id, organizationId: orgId(org), userId: userId(org, "TECHNICIAN"), start, end: new Date(start.getTime() + 86_400_000) } });
  return id;
}

async function quickReply(org: Org): Promise<string> {
  const id = fresh(org, "qr");
  await adminDb().quickReply.create({ data: { id, organizationId: orgId(org), shortcut: id, title: "Saludo", body: "¡Hola {nombre}!" } });
  return id;
}

const tech = (org: Org) => ({ params: { id: userId(org, "TECHNICIAN") } });

// issue 19 (provisioning): each call starts over (operator reset) and walks the wizard up to the step under test,
// against the suite's sandbox (the Partner API's pool; the SMS lands on the owner's phone there).
async function provisioningAt(org: Org, step: "start" | "reserved" | "code-sent"): Promise<{ numberId?: string; code?: string }> {
  const id = orgId(org);
  await resetProvisioning(id, { type: "OPERATOR" });
  const [number] = await listAvailableNumbers(id, { areaCode: "341" });
  if (step === "start") return { numberId: number!.id };
  await reserveNumber(id, { numberId: number!.id }, { type: "OPERATOR" });
  if (step === "reserved") return {};
  await sendVerificationCode(id, { type: "OPERATOR" });
  const inbox = (await (await fetch(`${new URL(env.DIALOG360_PARTNER_API_URL).origin}/_sandbox/customers/549116${org === "a" ? "0" : "9"}000000/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
  return { code: /\b(\d{6})\b/.exec(inbox.filter((m) => m.provider === "DIALOG_360_SMS").at(-1)?.payload.Body ?? "")?.[1] ?? "" };
}


// Positions are accepted only while the caller has a job en camino: one is put on the way for them first.
async function onTheWay(org: Org, role: UserRole | undefined): Promise<CallOptions> {
  if (role) {
    const last = await adminDb().job.aggregate({ where: { organizationId: orgId(org) }, _max: { number: true } });
    const start = new Date();
    await adminDb().job.create({
      data: {
        id: fresh(org, "camino"), organizationId: orgId(org), number: (last._max.number ?? 0) + 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "PLUMBING",
        description: "Pérdida en la cocina", status: "en_camino", technicianId: userId(org, role), scheduledStart: start, scheduledEnd: new Date(start.getTime() + 3600_000), latitude: -34.6098, longitude: -58.3927, locationSource: "DASHBOARD",
      },
    });
  }
  return { body: { positions: [{ lat: -34.6037, lng: -58.3816, accuracy: 10, recordedAt: new Date(Date.now() - 1000).toISOString() }] } };
}
const WEEKDAYS = { 1: [["08:00", "13:00"], ["14:00", "18:00"]], 2: [["08:00", "18:00"]] };

// 1×1 transparent PNG.
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

type Fixture = {
  // A valid request against organization `org`'s rows, made by `role` (undefined: the unauthenticated call).
  request: (org: Org, role?: UserRole) => CallOptions | Promise<CallOptions>;
  // Addressed by id: organization B's ids must answer 404. Lists and organization-wide actions name no foreign id;
  // for those the check is that organization A's answer carries nothing of B.
  byId: boolean;
};

const conv = (org: Org) => ({ params: { id: `mx-${org}-conv` } });

// Key: "METHOD /path" as in ALL_ENDPOINTS. A new endpoint without an entry here fails the suite.
const FIXTURES: Record<string, Fixture> = {
  "GET /api/auth/me": { byId: false, request: () => ({}) },
  "GET /api/customers": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "GET /api/customers/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` } }) },
  "PATCH /api/customers/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { notes: `nota ${++seq}` } }) },
  "POST /api/customers/{id}/tags": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { add: [`etiqueta ${++seq}`] } }) },
  "GET /api/customers/{id}/addresses": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` } }) },
  "POST /api/customers/{id}/addresses": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { street: `Corrientes ${++seq}`, locality: "CABA" } }) },
  "PATCH /api/customers/{id}/addresses/{addressId}": { byId: true, request: async (org) => ({ params: { id: `mx-${org}-customer`, addressId: await customerAddress(org) }, body: { isDefault: true } }) },
  "DELETE /api/customers/{id}/addresses/{addressId}": { byId: true, request: async (org) => ({ params: { id: `mx-${org}-customer`, addressId: await customerAddress(org) } }) },
  "POST /api/customers/{id}/merge": { byId: true, request: async (org) => ({ params: { id: `mx-${org}-customer` }, body: { duplicateId: await duplicateCustomer(org) } }) },
  "GET /api/exports/customers.csv": { byId: false, request: () => ({ query: { desde: "2026-01-01" } }) },
  "GET /api/exports/jobs.csv": { byId: false, request: () => ({}) },
  "GET /api/exports/conversations.csv": { byId: false, request: () => ({}) },
  "GET /api/whatsapp/dead-letters": { byId: false, request: () => ({}) },
  "POST /api/whatsapp/dead-letters/{messageId}/replay": { byId: true, request: async (org) => ({ params: { messageId: await deadLetter(org) } }) },
  "POST /api/whatsapp/dead-letters/replay-all": { byId: false, request: async (org) => (await deadLetter(org), {}) },
  "GET /api/whatsapp/panic": { byId: false, request: () => ({ query: { includeResolved: "true" } }) },
  "POST /api/whatsapp/panic/{id}/resolve": { byId: true, request: async (org) => ({ params: { id: await panic(org) }, body: { resolution: "probado" } }) },
  // Conversations are assigned to each organization's technician, so the "assigned" permissions reach them too.
  "GET /api/whatsapp/conversations": { byId: false, request: () => ({}) },
  "GET /api/whatsapp/conversations/{id}/messages": { byId: true, request: conv },
  "POST /api/whatsapp/conversations/{id}/messages": { byId: true, request: (org) => ({ ...conv(org), body: { content: { type: "text", body: "Hola, ¿cómo estás?" } } }) },
  "POST /api/whatsapp/conversations/{id}/read": { byId: true, request: conv },
  "POST /api/whatsapp/conversations/{id}/assign": { byId: true, request: (org) => ({ ...conv(org), body: { userId: userId(org, "TECHNICIAN") } }) },
  "POST /api/whatsapp/conversations/{id}/emergency-technician": {
    byId: true,
    request: async (org) => ({ ...conv(org), body: { jobId: await emergencyJob(org), technicianId: userId(org, "TECHNICIAN") } }),
  },
  "POST /api/whatsapp/conversations/{id}/close": { byId: true, request: conv },
  "POST /api/whatsapp/conversations/{id}/reopen": { byId: true, request: conv },
  "GET /api/whatsapp/messages/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-msg` } }) },
  "POST /api/whatsapp/messages/{id}/media/retry": { byId: true, request: async (org) => ({ params: { id: await failedImage(org) } }) },
  "GET /api/jobs": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "POST /api/jobs": {
    byId: false,
    request: (org) => ({ body: { customerId: `mx-${org}-customer`, address: "Corrientes 1234", serviceType: "GAS", description: "Revisar calefón", urgency: "HIGH" } }),
  },
  "GET /api/jobs/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-job` } }) },
  "PATCH /api/jobs/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-job` }, body: { description: `Pérdida ${++seq}` } }) },
  "POST /api/jobs/{id}/transition": { byId: true, request: async (org) => ({ params: { id: await scheduledJob(org) }, body: { to: "en_camino" } }) },
  "PUT /api/jobs/{id}/line-items": {
    byId: true,
    request: (org) => ({ params: { id: `mx-${org}-job` }, body: { lines: [{ priceListItemId: `mx-${org}-price`, quantityMilli: 1000 }] } }),
  },
  "POST /api/jobs/{id}/attachments": {
    byId: true,
    request: (org) => ({ params: { id: `mx-${org}-job` }, body: { kind: "SIGNATURE", mimeType: "image/png", dataBase64: PNG_1X1 } }),
  },
  "GET /api/price-list": { byId: false, request: () => ({}) },
  "POST /api/price-list": { byId: false, request: () => ({ body: { code: `COD-${++seq}`, name: "Destape", serviceType: "DRAINAGE", priceCents: 2500000 } }) },
  "PATCH /api/price-list/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-price` }, body: { priceCents: 1000 + ++seq } }) },
  "GET /api/availability": { byId: false, request: () => ({ query: { from: new Date(Date.now() + 86_400_000).toISOString(), days: "3" } }) },
  "GET /api/whatsapp/messages/{id}/media": { byId: true, request: async (org) => ({ params: { id: await storedImage(org) } }) },
  "GET /api/jobs/{id}/attachments/{attachmentId}": { byId: true, request: async (org) => ({ params: await storedAttachment(org) }) },
  "GET /api/technicians": { byId: false, request: () => ({}) },
  "GET /api/technicians/{id}/schedule": { byId: true, request: tech },
  "PUT /api/technicians/{id}/schedule": { byId: true, request: (org) => ({ ...tech(org), body: { workingHours: WEEKDAYS, travelBufferMinutes: 20 + (++seq % 10) } }) },
  "GET /api/technicians/{id}/time-off": { byId: true, request: tech },
  "POST /api/technicians/{id}/time-off": {
    byId: true,
    request: (org) => ({ ...tech(org), body: { start: new Date(Date.now() + 20 * 86_400_000).toISOString(), end: new Date(Date.now() + 21 * 86_400_000).toISOString(), reason: "Vacaciones" } }),
  },
  "DELETE /api/technicians/{id}/time-off/{timeOffId}": { byId: true, request: async (org) => ({ params: { id: userId(org, "TECHNICIAN"), timeOffId: await timeOff(org) } }) },
  "GET /api/me/notification-preferences": { byId: false, request: () => ({}) },
  "PUT /api/me/notification-preferences": { byId: false, request: () => ({ body: { channels: ["push", "whatsapp"], quietHours: { start: "22:00", end: "07:00" } } }) },
  "POST /api/me/push-tokens": { byId: false, request: () => ({ body: { token: `ExponentPushToken[mx-${++seq}]` } }) },
  "GET /api/settings/notifications": { byId: false, request: () => ({}) },
  "PUT /api/settings/notifications": { byId: false, request: () => ({ body: { quietHours: { start: "20:00", end: "08:30" } } }) },
  "GET /api/leads": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "GET /api/leads/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-lead` } }) },
  "PATCH /api/leads/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-lead` }, body: { status: "QUOTED", quotedCents: 1000 + ++seq, note: "Le pasé el precio por teléfono" } }) },
  "GET /api/settings/assistant": { byId: false, request: () => ({}) },
  "PUT /api/settings/assistant": {
    byId: false,
    request: (org) => ({ body: { autoResponseEnabled: true, handoffMinutes: 30 + (++seq % 60), onCallUserIds: [userId(org, "DISPATCHER")], businessHours: { monday: ["08:00", "18:00"] } } }),
  },
  "GET /api/whatsapp/conversations/{id}/assistant": { byId: true, request: conv },
  "POST /api/whatsapp/conversations/{id}/assistant": { byId: true, request: (org) => ({ ...conv(org), body: { action: "pause", minutes: 30 } }) },
  "GET /api/overview": { byId: false, request: () => ({}) },
  "GET /api/reports": { byId: false, request: () => ({ query: { from: "2026-11-01", to: "2026-11-30" } }) },
  "GET /api/whatsapp/templates": { byId: false, request: () => ({}) },
  "GET /api/whatsapp/templates/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-tpl` } }) },
  // Submitted to the suite's provider sandbox under a new name each time (a name is accepted once per language).
  "POST /api/whatsapp/templates": {
    byId: false,
    request: () => ({ body: { name: `mx_visita_${++seq}`, category: "UTILITY", body: "Hola {{1}}, te visitamos el {{2}}.", examples: ["Ana", "lunes"] } }),
  },
  "POST /api/whatsapp/templates/sync": { byId: false, request: () => ({}) },
  "GET /api/whatsapp/conversations/{id}/composer": { byId: true, request: conv },
  "GET /api/quick-replies": { byId: false, request: () => ({}) },
  "POST /api/quick-replies": { byId: false, request: () => ({ body: { shortcut: `mx-${++seq}`, title: "Horarios", body: "Atendemos de 8 a 18." } }) },
  "PATCH /api/quick-replies/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-qr` }, body: { body: `Atendemos de 8 a ${++seq}.` } }) },
  // Idempotent: an id that is gone, or another organization's (invisible under RLS), answers the same success, so
  // it is not addressed as "by id"; a fresh reply is deleted each call and B's stays (quick-replies.int.test.ts).
  "DELETE /api/quick-replies/{id}": { byId: false, request: async (org) => ({ params: { id: await quickReply(org) } }) },
  "GET /api/whatsapp/accounts": { byId: false, request: () => ({}) },
  // Re-saves the sandbox's working token, so the account stays usable for the fixtures after it.
  "PUT /api/whatsapp/accounts/{id}/credentials": { byId: true, request: (org) => ({ params: { id: `mx-${org}-wa` }, body: { credentials: { accessToken: "sandbox-meta-access-token-demo" } } }) },
  "POST /api/whatsapp/accounts/{id}/verify": { byId: true, request: (org) => ({ params: { id: `mx-${org}-wa` } }) },
  "GET /api/whatsapp/usage": { byId: false, request: () => ({}) },
  "GET /api/users": { byId: false, request: () => ({}) },
  "GET /api/invoices": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "POST /api/invoices": { byId: false, request: async (org) => ({ body: { jobId: await completedJob(org), authorize: false } }) },
  "GET /api/invoices/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-inv` } }) },
  "POST /api/invoices/{id}/authorize": { byId: true, request: async (org) => ({ params: { id: await draftInvoice(org) } }) },
  "POST /api/invoices/{id}/credit-notes": { byId: true, request: async (org) => ({ params: { id: await authorizedInvoice(org) }, body: { authorize: false } }) },
  "GET /api/invoices/{id}/pdf": { byId: true, request: (org) => ({ params: { id: `mx-${org}-inv` } }) },
  "POST /api/invoices/{id}/resend": { byId: true, request: (org) => ({ params: { id: `mx-${org}-inv` } }) },
  "GET /api/payments": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "GET /api/payments/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-pay` } }) },
  "POST /api/payments": {
    byId: false,
    request: async (org) => ({ body: { invoiceId: await authorizedInvoice(org), method: "CASH", amountCents: 100_000, note: "Seña" }, headers: { "idempotency-key": `pay-${++seq}` } }),
  },
  "POST /api/payments/{id}/refunds": { byId: true, request: async (org) => ({ params: { id: await cashPayment(org) }, body: { amountCents: 50_000, reason: "Cobrado de más" }, headers: { "idempotency-key": `refund-${++seq}` } }) },
  "POST /api/payments/links": { byId: false, request: async (org) => ({ body: { invoiceId: await authorizedInvoice(org) } }) },
  "POST /api/payments/links/{id}/send": { byId: true, request: async (org) => ({ params: { id: await paymentLink(org) } }) },
  "GET /api/payments/receivables": { byId: false, request: () => ({}) },
  "GET /api/settings/mercadopago": { byId: false, request: () => ({}) },
  "PUT /api/settings/mercadopago": { byId: false, request: () => ({ body: { reminderAfterDays: 1 + (++seq % 10), maxReminders: 3 } }) },
  "POST /api/settings/mercadopago/connect": { byId: false, request: () => ({}) },
  // Linked again first: each role disconnects it.
  "DELETE /api/settings/mercadopago": { byId: false, request: async (org) => (await connectSandboxSeller(orgId(org), SELLERS[org]), {}) },
  "GET /api/settings/arca": { byId: false, request: () => ({}) },
  "PUT /api/settings/arca": {
    byId: false,
    request: (org) => ({
      body: { environment: "HOMOLOGACION", cuit: org === "a" ? "30712345671" : "20267565393", pointOfSale: 2, issuerCondition: "RESPONSABLE_INSCRIPTO", businessName: `Razón ${org === "a" ? "Alfa" : "Beta"} S.R.L.`, businessAddress: "Calle Falsa 123, Lanús", grossIncomeNumber: null, activityStartDate: "2015-03-01" },
    }),
  },
  "POST /api/settings/arca/csr": { byId: false, request: () => ({}) },
  "PUT /api/settings/arca/certificate": { byId: false, request: async (org) => ({ body: { certificatePem: await sandboxCertificate(org) } }) },
  "POST /api/settings/arca/check": { byId: false, request: () => ({}) },
  "POST /api/tracking/positions": { byId: false, request: (org, role) => onTheWay(org, role) },
  "GET /api/tracking/map": { byId: false, request: () => ({}) },
  "GET /api/tracking/technicians/{id}/route": { byId: true, request: tech },
  "GET /api/jobs/{id}/nearest-technicians": { byId: true, request: (org) => ({ params: { id: `mx-${org}-job` } }) },
  // The job is assigned to the organization's technician, so the technician may pin it too.
  "PUT /api/jobs/{id}/location": { byId: true, request: (org) => ({ params: { id: `mx-${org}-job` }, body: { lat: -34.6098, lng: -58.3927 } }) },
  "GET /api/settings/tracking": { byId: false, request: () => ({}) },
  "PUT /api/settings/tracking": { byId: false, request: () => ({ body: { averageSpeedKmh: 20 + (++seq % 10), arrivalRadiusMeters: 150 } }) },
  "PUT /api/technicians/{id}/vehicle": { byId: true, request: (org) => ({ ...tech(org), body: { vehicle: "Fiat Kangoo blanca", plate: "ab 123 cd" } }) },
  // The app's sync: each role pulls what is assigned to it; a push logs time on the organization's job (the office
  // reaches every job, the technician its own); uploads are idempotent by hash, so every call succeeds.
  "GET /api/sync/pull": { byId: false, request: () => ({}) },
  "POST /api/sync/push": {
    byId: false,
    request: (org) => ({ body: { mutations: [{ mutationId: randomUUID(), createdAt: new Date().toISOString(), jobId: `mx-${org}-job`, type: "log_time", entryId: randomUUID(), minutes: 15 }] } }),
  },
  "PUT /api/sync/uploads/{sha256}": {
    byId: false,
    request: () => {
      const bytes = Buffer.from(PNG_1X1, "base64");
      return { params: { sha256: createHash("sha256").update(bytes).digest("hex") }, headers: { "content-type": "image/png" }, body: new Uint8Array(bytes) };
    },
  },
  // issue 19 (walink)
  "GET /api/settings/wa-link": { byId: false, request: () => ({}) },
  "PUT /api/settings/wa-link": { byId: false, request: () => ({ body: { message: `Hola, quiero consultar por un trabajo (${++seq})` } }) },
  "GET /api/settings/wa-link/qr.png": { byId: false, request: () => ({ query: { size: "256" } }) },
  "GET /api/settings/wa-link/qr.svg": { byId: false, request: () => ({}) },
  "GET /api/settings/wa-link/card.pdf": { byId: false, request: () => ({}) },
  // issue 19 (signup): the checklist is organization-wide; dismissing is idempotent, so every allowed role succeeds.
  "GET /api/onboarding": { byId: false, request: () => ({}) },
  "POST /api/onboarding/dismiss": { byId: false, request: () => ({}) },
  // issue 19 (provisioning)
  "GET /api/settings/whatsapp/provisioning": { byId: false, request: () => ({}) },
  "GET /api/settings/whatsapp/provisioning/numbers": { byId: false, request: () => ({ query: { areaCode: "341" } }) },
  "POST /api/settings/whatsapp/provisioning/reserve": { byId: false, request: async (org) => ({ body: { numberId: (await provisioningAt(org, "start")).numberId } }) },
  "POST /api/settings/whatsapp/provisioning/send-code": { byId: false, request: async (org) => (await provisioningAt(org, "reserved"), {}) },
  "POST /api/settings/whatsapp/provisioning/verify": { byId: false, request: async (org) => ({ body: { code: (await provisioningAt(org, "code-sent")).code } }) },
  "POST /api/settings/whatsapp/provisioning/release": { byId: false, request: async (org) => (await provisioningAt(org, "reserved"), {}) },
  // A fresh viewer each call, promoted: any caller allowed to manage users may do that. To technician, which takes no
  // responder seat (the matrix organizations already fill their plan's seats; issue 19).
  "PATCH /api/users/{id}": { byId: true, request: async (org) => ({ params: { id: await freshViewer(org) }, body: { role: "TECHNICIAN" } }) },
  // issue 19 (team): a fresh phone / invitation per call (each call sends or consumes one).
  "POST /api/users/invitations": { byId: false, request: () => ({ body: { phone: `+549117${String(++seq).padStart(7, "0")}`, name: "Invitada", role: "TECHNICIAN" } }) },
  "POST /api/users/invitations/{id}/resend": { byId: true, request: async (org) => ({ params: { id: await freshInvitation(org) } }) },
  "DELETE /api/users/invitations/{id}": { byId: true, request: async (org) => ({ params: { id: await freshInvitation(org) } }) },
  // issue 19 (plans): each request replaces the pending one; each cancel gets its own pending request.
  "GET /api/plan": { byId: false, request: () => ({}) },
  "POST /api/plan/change-requests": { byId: false, request: () => ({ body: { toTier: "EMPRESARIAL", note: `nota ${++seq}` } }) },
  "DELETE /api/plan/change-requests/{id}": { byId: true, request: async (org) => ({ params: { id: await pendingPlanRequest(org) } }) },
};

// issue 19 (team): a pending invitation of the organization.
async function freshInvitation(org: Org): Promise<string> {
  const id = fresh(org, "invite");
  await adminDb().teamInvitation.create({
    data: { id, organizationId: orgId(org), phone: `+549118${org === "a" ? "0" : "9"}${String(++seq).padStart(6, "0")}`, name: "Invitado", role: "TECHNICIAN", codeHash: "0".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return id;
}

// issue 19 (plans)
async function pendingPlanRequest(org: Org): Promise<string> {
  const row = await adminDb().planChangeRequest.create({ data: { organizationId: orgId(org), fromTier: "PROFESIONAL", toTier: "ENTERPRISE" }, select: { id: true } });
  return row.id;
}

const keyOf = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const guarded = ALL_ENDPOINTS.filter((e) => e.permission !== null);
const matrix = guarded.filter((e) => !e.stream && FIXTURES[keyOf(e)]);

async function seedOrg(org: Org) {
  const admin = adminDb();
  const id = orgId(org);
  await admin.organization.create({
    data: { id, name: org === "a" ? "Organización Alfa" : "Organización Beta", cuit: org === "a" ? "30712345671" : "20267565393", tier: "PROFESIONAL" },
  });
  for (const [i, role] of ROLES.entries()) {
    await admin.user.create({ data: { id: userId(org, role), organizationId: id, phone: `+549116${org === "a" ? "0" : "9"}00000${i}`, name: `${role} ${org === "a" ? "Alfa" : "Beta"}`, role } });
  }
  await admin.whatsAppBusinessAccount.create({
    data: {
      id: `mx-${org}-wa`, organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: org === "a" ? "100000000000001" : "100000000000009", wabaId: "200000000000001",
      displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: "sandbox-meta-access-token-demo" }), credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
    },
  });
  const phone = `+549116${org === "a" ? "0" : "9"}123456`;
  await admin.customer.create({ data: { id: `mx-${org}-customer`, organizationId: id, phone, waId: phone.slice(1), name: org === "a" ? "Ana Alfa" : "Bruno Beta" } });
  await admin.whatsAppConversation.create({
    data: {
      id: `mx-${org}-conv`, organizationId: id, customerId: `mx-${org}-customer`, accountId: `mx-${org}-wa`, assignedToId: userId(org, "TECHNICIAN"),
      lastInboundAt: new Date(), lastMessageAt: new Date(), windowExpiresAt: new Date(Date.now() + 20 * 3600_000), unreadCount: 1,
    },
  });
  await admin.whatsAppMessage.create({
    data: { id: `mx-${org}-msg`, organizationId: id, conversationId: `mx-${org}-conv`, accountId: `mx-${org}-wa`, waMessageId: `wamid.mx-${org}-1`, direction: "INBOUND", type: "TEXT", content: { text: { body: `Hola desde ${org === "a" ? "Alfa" : "Beta"}` } }, status: "RECEIVED" },
  });
  await deadLetter(org);
  await panic(org);
  await admin.waTemplate.create({
    data: { id: `mx-${org}-tpl`, organizationId: id, name: "job_scheduled", category: "UTILITY", status: "APPROVED", components: [{ type: "BODY", text: "Hola {{1}}, tu turno es el {{2}}." }] },
  });
  await admin.quickReply.create({ data: { id: `mx-${org}-qr`, organizationId: id, shortcut: "horarios", title: "Horarios", body: "Atendemos de 8 a 18." } });
  await admin.priceListItem.create({ data: { id: `mx-${org}-price`, organizationId: id, code: "VISITA", name: "Visita", serviceType: "GENERAL", priceCents: 1500000 } });
  await admin.arcaConnection.create({
    data: { organizationId: id, environment: "HOMOLOGACION", cuit: org === "a" ? "30712345671" : "20267565393", pointOfSale: 2, businessName: `Razón ${org === "a" ? "Alfa" : "Beta"} S.R.L.`, businessAddress: "Calle Falsa 123" },
  });
  // Issuing needs a certificate: installed up front, so no endpoint depends on the order the matrix runs them in.
  const certificatePem = await sandboxCertificate(org);
  await withTenant(id, (tx) => installArcaCertificate(tx, id, { certificatePem }, { type: "OPERATOR" }));
  await invoiceRow(org, `mx-${org}-inv`, "AUTHORIZED", 1);
  await connectSandboxSeller(id, SELLERS[org]);
  await admin.payment.create({
    data: { id: `mx-${org}-pay`, organizationId: id, customerId: `mx-${org}-customer`, invoiceId: `mx-${org}-inv`, method: "TRANSFER", status: "APPROVED", amountCents: 100_000, paidAt: new Date() },
  });
  await admin.technicianSchedule.create({
    data: { organizationId: id, userId: userId(org, "TECHNICIAN"), workingHours: { 1: [["08:00", "18:00"]], 2: [["08:00", "18:00"]], 3: [["08:00", "18:00"]], 4: [["08:00", "18:00"]], 5: [["08:00", "18:00"]] } },
  });
  await admin.job.create({
    data: {
      id: `mx-${org}-job`, organizationId: id, number: 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "PLUMBING",
      description: "Pérdida en la cocina", technicianId: userId(org, "TECHNICIAN"),
    },
  });
  // What the assistant left behind: a lead that became the job, and one answered turn in the conversation.
  await admin.lead.create({
    data: { id: `mx-${org}-lead`, organizationId: id, customerId: `mx-${org}-customer`, conversationId: `mx-${org}-conv`, jobId: `mx-${org}-job`, serviceType: "PLUMBING", summary: "Pérdida en la cocina" },
  });
  await admin.assistantRun.create({
    data: {
      id: `mx-${org}-run`, organizationId: id, conversationId: `mx-${org}-conv`, turnId: `mx-${org}-turn`, engine: "OFFLINE", intent: "price", outcome: "replied",
      reply: "La visita sale $15.000.", toolCalls: [{ name: "get_price", input: {}, ms: 3 }], counted: true, latencyMs: 12,
    },
  });
}

const redis = new Redis(env.REDIS_URL);
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  await seedOrg("a");
  await seedOrg("b");
});
afterAll(async () => {
  await redis.quit();
});

const bearer = (role: UserRole) => ({ authorization: `Bearer ${issueAccessToken({ id: userId("a", role), organizationId: orgId("a"), role }).token}` });

function expectNoOrgB(text: string) {
  for (const marker of B_MARKERS) expect(text, `leaks "${marker}"`).not.toContain(marker);
}

describe("endpoint matrix", () => {
  it("has a fixture for every authenticated endpoint", () => {
    const missing = guarded.filter((e) => !e.stream && !FIXTURES[keyOf(e)]).map(keyOf);
    expect(missing, "add these to FIXTURES in endpoint-matrix.int.test.ts").toEqual([]);
  });

  it.each(guarded.filter((e) => e.stream).map((e) => [keyOf(e), e] as const))("%s (stream) answers 401 without a token", async (_, endpoint) => {
    expect((await call(endpoint)).status).toBe(401);
  });

  describe.each(matrix.map((e) => [keyOf(e), e] as const))("%s", (key, endpoint) => {
    const fixture = FIXTURES[key]!;

    it("401 without a token", async () => {
      const response = await call(endpoint, await fixture.request("a"));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    });

    it.each(ROLES)("%s", async (role) => {
      const allowed = endpoint.permission === "authenticated" || can(role, endpoint.permission as Parameters<typeof can>[1]);
      const ownRequest = await fixture.request("a", role);
      const own = await call(endpoint, { ...ownRequest, headers: { ...ownRequest.headers, ...bearer(role) } });
      const ownText = await own.text();
      if (!allowed) {
        expect(own.status, ownText).toBe(403);
        expect(JSON.parse(ownText)).toMatchObject({ error: { code: "FORBIDDEN" } });
        return;
      }
      expect(own.status, ownText).toBeGreaterThanOrEqual(200);
      expect(own.status, ownText).toBeLessThan(300);
      expectNoOrgB(ownText);
      if (!fixture.byId) return;
      const otherRequest = await fixture.request("b");
      const other = await call(endpoint, { ...otherRequest, headers: { ...otherRequest.headers, ...bearer(role) } });
      const otherText = await other.text();
      expect(other.status, otherText).toBe(404);
      expectNoOrgB(otherText);
    });
  });

  it("left both organizations' audit chains intact", async () => {
    expect((await verifyAuditChain({ organizationId: orgId("a") })).ok).toBe(true);
    expect((await verifyAuditChain({ organizationId: orgId("b") })).ok).toBe(true);
  });
});
