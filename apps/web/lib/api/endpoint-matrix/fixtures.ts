// One valid request per endpoint for the role × endpoint matrix (endpoint-matrix.int.test.ts), built against either
// organization's rows; the rows themselves come from builders.ts.
import { createHash, randomUUID } from "node:crypto";
import { connectSandboxSeller } from "@campotech/core/modules/payments";
import { inboundDeadLetter } from "./builders"; // issue 22 (poison)
import { PNG_1X1, SELLERS, WEEKDAYS, authorizedInvoice, cashPayment, completedJob, conv, customerAddress, deadLetter, draftInvoice, duplicateCustomer, emergencyJob, failedImage, freshInvitation, freshViewer, nextSeq, onTheWay, orgId, panic, paymentLink, pendingPlanRequest, provisioningAt, quickReply, sandboxCertificate, scheduledJob, storedAttachment, storedImage, tech, timeOff, userId, type Fixture } from "./builders";

// Key: "METHOD /path" as in ALL_ENDPOINTS. A new endpoint without an entry here fails the suite.
export const FIXTURES: Record<string, Fixture> = {
  "GET /api/auth/me": { byId: false, request: () => ({}) },
  "GET /api/customers": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "GET /api/customers/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` } }) },
  "PATCH /api/customers/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { notes: `nota ${nextSeq()}` } }) },
  "POST /api/customers/{id}/tags": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { add: [`etiqueta ${nextSeq()}`] } }) },
  "GET /api/customers/{id}/addresses": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` } }) },
  "POST /api/customers/{id}/addresses": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, body: { street: `Corrientes ${nextSeq()}`, locality: "CABA" } }) },
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
  "PATCH /api/jobs/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-job` }, body: { description: `Pérdida ${nextSeq()}` } }) },
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
  "POST /api/price-list": { byId: false, request: () => ({ body: { code: `COD-${nextSeq()}`, name: "Destape", serviceType: "DRAINAGE", priceCents: 2500000 } }) },
  "PATCH /api/price-list/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-price` }, body: { priceCents: 1000 + nextSeq() } }) },
  "GET /api/availability": { byId: false, request: () => ({ query: { from: new Date(Date.now() + 86_400_000).toISOString(), days: "3" } }) },
  "GET /api/whatsapp/messages/{id}/media": { byId: true, request: async (org) => ({ params: { id: await storedImage(org) } }) },
  "GET /api/jobs/{id}/attachments/{attachmentId}": { byId: true, request: async (org) => ({ params: await storedAttachment(org) }) },
  "GET /api/technicians": { byId: false, request: () => ({}) },
  "GET /api/technicians/{id}/schedule": { byId: true, request: tech },
  "PUT /api/technicians/{id}/schedule": { byId: true, request: (org) => ({ ...tech(org), body: { workingHours: WEEKDAYS, travelBufferMinutes: 20 + (nextSeq() % 10) } }) },
  "GET /api/technicians/{id}/time-off": { byId: true, request: tech },
  "POST /api/technicians/{id}/time-off": {
    byId: true,
    request: (org) => ({ ...tech(org), body: { start: new Date(Date.now() + 20 * 86_400_000).toISOString(), end: new Date(Date.now() + 21 * 86_400_000).toISOString(), reason: "Vacaciones" } }),
  },
  "DELETE /api/technicians/{id}/time-off/{timeOffId}": { byId: true, request: async (org) => ({ params: { id: userId(org, "TECHNICIAN"), timeOffId: await timeOff(org) } }) },
  "GET /api/me/notification-preferences": { byId: false, request: () => ({}) },
  "PUT /api/me/notification-preferences": { byId: false, request: () => ({ body: { channels: ["push", "whatsapp"], quietHours: { start: "22:00", end: "07:00" } } }) },
  "POST /api/me/push-tokens": { byId: false, request: () => ({ body: { token: `ExponentPushToken[mx-${nextSeq()}]` } }) },
  "GET /api/settings/notifications": { byId: false, request: () => ({}) },
  "PUT /api/settings/notifications": { byId: false, request: () => ({ body: { quietHours: { start: "20:00", end: "08:30" } } }) },
  "GET /api/leads": { byId: false, request: () => ({ query: { limit: "50" } }) },
  "GET /api/leads/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-lead` } }) },
  "PATCH /api/leads/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-lead` }, body: { status: "QUOTED", quotedCents: 1000 + nextSeq(), note: "Le pasé el precio por teléfono" } }) },
  "GET /api/settings/assistant": { byId: false, request: () => ({}) },
  "PUT /api/settings/assistant": {
    byId: false,
    request: (org) => ({ body: { autoResponseEnabled: true, handoffMinutes: 30 + (nextSeq() % 60), onCallUserIds: [userId(org, "DISPATCHER")], businessHours: { monday: ["08:00", "18:00"] } } }),
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
    request: () => ({ body: { name: `mx_visita_${nextSeq()}`, category: "UTILITY", body: "Hola {{1}}, te visitamos el {{2}}.", examples: ["Ana", "lunes"] } }),
  },
  "POST /api/whatsapp/templates/sync": { byId: false, request: () => ({}) },
  "GET /api/whatsapp/conversations/{id}/composer": { byId: true, request: conv },
  "GET /api/quick-replies": { byId: false, request: () => ({}) },
  "POST /api/quick-replies": { byId: false, request: () => ({ body: { shortcut: `mx-${nextSeq()}`, title: "Horarios", body: "Atendemos de 8 a 18." } }) },
  "PATCH /api/quick-replies/{id}": { byId: true, request: (org) => ({ params: { id: `mx-${org}-qr` }, body: { body: `Atendemos de 8 a ${nextSeq()}.` } }) },
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
    request: async (org) => ({ body: { invoiceId: await authorizedInvoice(org), method: "CASH", amountCents: 100_000, note: "Seña" }, headers: { "idempotency-key": `pay-${nextSeq()}` } }),
  },
  "POST /api/payments/{id}/refunds": { byId: true, request: async (org) => ({ params: { id: await cashPayment(org) }, body: { amountCents: 50_000, reason: "Cobrado de más" }, headers: { "idempotency-key": `refund-${nextSeq()}` } }) },
  "POST /api/payments/links": { byId: false, request: async (org) => ({ body: { invoiceId: await authorizedInvoice(org) } }) },
  "POST /api/payments/links/{id}/send": { byId: true, request: async (org) => ({ params: { id: await paymentLink(org) } }) },
  "GET /api/payments/receivables": { byId: false, request: () => ({}) },
  "GET /api/settings/mercadopago": { byId: false, request: () => ({}) },
  "PUT /api/settings/mercadopago": { byId: false, request: () => ({ body: { reminderAfterDays: 1 + (nextSeq() % 10), maxReminders: 3 } }) },
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
  "PUT /api/settings/tracking": { byId: false, request: () => ({ body: { averageSpeedKmh: 20 + (nextSeq() % 10), arrivalRadiusMeters: 150 } }) },
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
  "PUT /api/settings/wa-link": { byId: false, request: () => ({ body: { message: `Hola, quiero consultar por un trabajo (${nextSeq()})` } }) },
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
  "POST /api/users/invitations": { byId: false, request: () => ({ body: { phone: `+549117${String(nextSeq()).padStart(7, "0")}`, name: "Invitada", role: "TECHNICIAN" } }) },
  "POST /api/users/invitations/{id}/resend": { byId: true, request: async (org) => ({ params: { id: await freshInvitation(org) } }) },
  "DELETE /api/users/invitations/{id}": { byId: true, request: async (org) => ({ params: { id: await freshInvitation(org) } }) },
  // issue 19 (plans): each request replaces the pending one; each cancel gets its own pending request.
  "GET /api/plan": { byId: false, request: () => ({}) },
  "POST /api/plan/change-requests": { byId: false, request: () => ({ body: { toTier: "EMPRESARIAL", note: `nota ${nextSeq()}` } }) },
  "DELETE /api/plan/change-requests/{id}": { byId: true, request: async (org) => ({ params: { id: await pendingPlanRequest(org) } }) },
  // issue 20 (retention): OWNER only; each erase gets its own customer (no open job, no invoice).
  "GET /api/customers/{id}/data-export": { byId: true, request: (org) => ({ params: { id: `mx-${org}-customer` }, query: { formato: "json" } }) },
  "POST /api/customers/{id}/erase": { byId: true, request: async (org) => ({ params: { id: await duplicateCustomer(org) }, body: { confirm: "ELIMINAR" } }) },
  // issue 22 (poison): a fresh open inbound dead letter per replay; another organization's id is a 404.
  "GET /api/whatsapp/inbound-dead-letters": { byId: false, request: () => ({}) },
  "POST /api/whatsapp/inbound-dead-letters/replay": { byId: true, request: async (org) => ({ body: { id: await inboundDeadLetter(org) } }) },
};
