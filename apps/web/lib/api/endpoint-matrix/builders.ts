import type { UserRole } from "@campotech/database";
import { getMediaStorage } from "@campotech/core/modules/media";
import { adminDb, withTenant } from "@campotech/core/lib/db";
import { createArcaCsr } from "@campotech/core/modules/invoicing";
import { env } from "@campotech/core/lib/env";
import { listAvailableNumbers, reserveNumber, resetProvisioning, sendVerificationCode } from "@campotech/core/modules/number-provisioning"; // issue 19 (provisioning)
import { type CallOptions } from "../api-test-kit";

// The matrix's two organizations and the builders that make a fresh row per call (a dead letter is replayed once,
// an invitation consumed once). Used by fixtures.ts and endpoint-matrix.int.test.ts.
export const ROLES: UserRole[] = ["OWNER", "ADMIN", "DISPATCHER", "TECHNICIAN", "VIEWER"];
export type Org = "a" | "b";
export const orgId = (org: Org) => `mx-${org}`;
export const userId = (org: Org, role: UserRole) => `mx-${org}-${role.toLowerCase()}`;
// Anything of organization B that could leak: its ids (all prefixed), its name and its customers' phones.
export const B_MARKERS = ["mx-b", "Beta", "5491169"];

let seq = 0;
export const nextSeq = () => ++seq;
export const fresh = (org: Org, kind: string) => `mx-${org}-${kind}-${++seq}`;

// Rows a mutating call consumes (a dead letter is replayed once, a panic resolved once) are created per call.
export async function deadLetter(org: Org): Promise<string> {
  const id = fresh(org, "dead");
  await adminDb().whatsAppMessage.create({
    data: { id, organizationId: orgId(org), conversationId: `mx-${org}-conv`, accountId: `mx-${org}-wa`, direction: "OUTBOUND", type: "TEXT", content: { text: { body: "Hola" } }, status: "FAILED" },
  });
  await adminDb().outboundDelivery.create({
    data: { id: `${id}-d`, organizationId: orgId(org), messageId: id, accountId: `mx-${org}-wa`, recipient: `mx-${org}-recipient`, attempts: 3, deadLetteredAt: new Date(), deadLetterReason: "retries exhausted" },
  });
  return id;
}

export async function panic(org: Org): Promise<string> {
  const id = fresh(org, "panic");
  await adminDb().panicMode.create({ data: { id, organizationId: orgId(org), integration: `whatsapp:mx-${org}-wa`, reason: "error 131031" } });
  return id;
}

// An inbound image whose file is in the configured media storage.
export async function storedImage(org: Org): Promise<string> {
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
export async function failedImage(org: Org): Promise<string> {
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
export async function emergencyJob(org: Org): Promise<string> {
  const id = fresh(org, "emergency");
  const last = await adminDb().job.aggregate({ where: { organizationId: orgId(org) }, _max: { number: true } });
  await adminDb().job.create({
    data: { id, organizationId: orgId(org), number: (last._max.number ?? 0) + 1, customerId: `mx-${org}-customer`, address: "Av. Siempre Viva 742", serviceType: "GAS", description: "Olor a gas", urgency: "EMERGENCY" },
  });
  return id;
}

// A scheduled job assigned to the organization's technician, so technicians may move it (en_camino) too.
export async function scheduledJob(org: Org): Promise<string> {
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
export async function storedAttachment(org: Org): Promise<{ id: string; attachmentId: string }> {
  const attachmentId = fresh(org, "photo");
  const storageKey = `${orgId(org)}/jobs/mx-${org}-job/${attachmentId}.png`;
  await getMediaStorage().put(storageKey, Buffer.from(PNG_1X1, "base64"), "image/png");
  await adminDb().jobAttachment.create({ data: { id: attachmentId, organizationId: orgId(org), jobId: `mx-${org}-job`, kind: "PHOTO", storageKey, mimeType: "image/png", size: 68 } });
  return { id: `mx-${org}-job`, attachmentId };
}

// ARCA rows: a completed job to invoice, a draft, an authorized invoice (written as ARCA would have left it).
export async function completedJob(org: Org): Promise<string> {
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

export async function invoiceRow(org: Org, id: string, status: "DRAFT" | "AUTHORIZED", number: number | null): Promise<string> {
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
export const draftInvoice = (org: Org) => invoiceRow(org, fresh(org, "draft"), "DRAFT", null);
export const authorizedInvoice = async (org: Org) => invoiceRow(org, fresh(org, "inv"), "AUTHORIZED", ++invoiceNumbers[org]);
export const invoiceNumbers: Record<Org, number> = { a: 100, b: 100 };

// Each organization's MercadoPago account: a seller of the suite's sandbox, linked by OAuth.
export const SELLERS: Record<Org, string> = { a: "123456789", b: "223456789" };

export async function cashPayment(org: Org): Promise<string> {
  const id = fresh(org, "pay");
  const invoiceId = await authorizedInvoice(org);
  await adminDb().payment.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, invoiceId, method: "CASH", status: "APPROVED", amountCents: 200_000, paidAt: new Date() } });
  return id;
}

export async function paymentLink(org: Org): Promise<string> {
  const id = fresh(org, "link");
  await adminDb().paymentLink.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, invoiceId: `mx-${org}-inv`, amountCents: 1_815_000, expiresAt: new Date(Date.now() + 7 * 86_400_000) } });
  return id;
}

// A certificate for the organization's pending CSR, from the suite sandbox's WSASS (the way ARCA issues one).
export async function sandboxCertificate(org: Org): Promise<string> {
  const { csrPem } = await withTenant(orgId(org), (tx) => createArcaCsr(tx, orgId(org), {}, { type: "OPERATOR" }));
  const response = await fetch(`${new URL(env.ARCA_WSAA_URL_HOMOLOGACION).origin}/_sandbox/arca/certificates`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ csr: csrPem }),
  });
  return ((await response.json()) as { certificate: string }).certificate;
}

// Address-book rows and duplicates a call consumes (edited, deleted, merged away) are created per call.
export async function customerAddress(org: Org): Promise<string> {
  const id = fresh(org, "addr");
  await adminDb().customerAddress.create({ data: { id, organizationId: orgId(org), customerId: `mx-${org}-customer`, street: `Lavalle ${seq}` } });
  return id;
}

export async function duplicateCustomer(org: Org): Promise<string> {
  const id = fresh(org, "dup");
  await adminDb().customer.create({ data: { id, organizationId: orgId(org), name: org === "a" ? "Ana Alfa" : "Bruno Beta" } });
  return id;
}

export async function freshViewer(org: Org): Promise<string> {
  const id = fresh(org, "viewer");
  await adminDb().user.create({ data: { id, organizationId: orgId(org), phone: `+549117${org === "a" ? "0" : "9"}${String(++seq).padStart(6, "0")}`, name: `Nuevo ${org === "a" ? "Alfa" : "Beta"}`, role: "VIEWER" } });
  return id;
}

export async function timeOff(org: Org): Promise<string> {
  const id = fresh(org, "off");
  const start = new Date(Date.now() + 10 * 86_400_000);
  await adminDb().technicianTimeOff.create({ data: { id, organizationId: orgId(org), userId: userId(org, "TECHNICIAN"), start, end: new Date(start.getTime() + 86_400_000) } });
  return id;
}

export async function quickReply(org: Org): Promise<string> {
  const id = fresh(org, "qr");
  await adminDb().quickReply.create({ data: { id, organizationId: orgId(org), shortcut: id, title: "Saludo", body: "¡Hola {nombre}!" } });
  return id;
}

export const tech = (org: Org) => ({ params: { id: userId(org, "TECHNICIAN") } });

// issue 19 (provisioning): each call starts over (operator reset) and walks the wizard up to the step under test,
// against the suite's sandbox (the Partner API's pool; the SMS lands on the owner's phone there).
export async function provisioningAt(org: Org, step: "start" | "reserved" | "code-sent"): Promise<{ numberId?: string; code?: string }> {
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
export async function onTheWay(org: Org, role: UserRole | undefined): Promise<CallOptions> {
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
export const WEEKDAYS = { 1: [["08:00", "13:00"], ["14:00", "18:00"]], 2: [["08:00", "18:00"]] };

// 1×1 transparent PNG.
export const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

export type Fixture = {
  // A valid request against organization `org`'s rows, made by `role` (undefined: the unauthenticated call).
  request: (org: Org, role?: UserRole) => CallOptions | Promise<CallOptions>;
  // Addressed by id: organization B's ids must answer 404. Lists and organization-wide actions name no foreign id;
  // for those the check is that organization A's answer carries nothing of B.
  byId: boolean;
};

export const conv = (org: Org) => ({ params: { id: `mx-${org}-conv` } });



// issue 19 (team): a pending invitation of the organization.
export async function freshInvitation(org: Org): Promise<string> {
  const id = fresh(org, "invite");
  await adminDb().teamInvitation.create({
    data: { id, organizationId: orgId(org), phone: `+549118${org === "a" ? "0" : "9"}${String(++seq).padStart(6, "0")}`, name: "Invitado", role: "TECHNICIAN", codeHash: "0".repeat(64), expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return id;
}

// issue 19 (plans)
export async function pendingPlanRequest(org: Org): Promise<string> {
  const row = await adminDb().planChangeRequest.create({ data: { organizationId: orgId(org), fromTier: "PROFESIONAL", toTier: "ENTERPRISE" }, select: { id: true } });
  return row.id;
}

// issue 22 (poison): an open inbound dead letter (a status for a message nobody has: replaying it parks it).
export async function inboundDeadLetter(org: Org): Promise<string> {
  const id = fresh(org, "idl");
  await adminDb().inboundDeadLetter.create({
    data: {
      id, organizationId: orgId(org), provider: "META_DIRECT", accountId: `mx-${org}-wa`, kind: "status", itemKey: `wamid.${id}:sent`, deliveryId: id,
      receivedAt: new Date(), error: "test", item: { kind: "status", status: { messageId: `wamid.${id}`, status: "sent", providerStatus: "sent", timestamp: new Date().toISOString(), recipient: {}, errors: [] } },
    },
  });
  return id;
}
