import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobStatus, JobUrgency } from "@campotech/database";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { getReport } from "./get-report";

// Hand-built rows with exact instants: each test has its own organization, so the figures can be checked by hand.
// Buenos Aires is UTC-03:00 all year; ba("2026-11-30T23:30") is 2026-12-01T02:30Z.
const ba = (local: string) => new Date(`${local}:00-03:00`);
const NOVEMBER = { from: "2026-11-01", to: "2026-11-30" };
let seq = 0;

async function organization(name: string) {
  const id = `rep-${name}`;
  const db = adminDb();
  await db.organization.create({ data: { id, name, cuit: `30-${String(70000000 + ++seq).padStart(8, "0")}-1` } });
  await db.user.createMany({
    data: [
      { id: `${id}-ana`, organizationId: id, phone: `+54911600${String(++seq).padStart(5, "0")}`, name: "Ana Despacho", role: "DISPATCHER" },
      { id: `${id}-bruno`, organizationId: id, phone: `+54911600${String(++seq).padStart(5, "0")}`, name: "Bruno Técnico", role: "TECHNICIAN" },
      { id: `${id}-carla`, organizationId: id, phone: `+54911600${String(++seq).padStart(5, "0")}`, name: "Carla Técnica", role: "TECHNICIAN" },
    ],
  });
  const customer = async (staffUserId?: string) => {
    const customerId = `${id}-cu-${++seq}`;
    await db.customer.create({ data: { id: customerId, organizationId: id, name: `Cliente ${seq}`, phone: `+54911700${String(seq).padStart(5, "0")}`, ...(staffUserId ? { staffUserId } : {}) } });
    return customerId;
  };
  const job = async (input: { at: Date; scheduled?: boolean; status?: JobStatus; technician?: string; urgency?: JobUrgency; lines?: { quantityMilli: number; unitPriceCents: number; ivaRateBps: number }[] }) => {
    const jobId = `${id}-job-${++seq}`;
    await db.job.create({
      data: {
        id: jobId, organizationId: id, number: seq, customerId: await customer(), address: "Av. Rivadavia 5000", serviceType: "PLUMBING", description: "Pérdida",
        status: input.status ?? "pending", urgency: input.urgency ?? "NORMAL", technicianId: input.technician ? `${id}-${input.technician}` : null,
        createdAt: input.at, ...(input.scheduled ? { scheduledStart: input.at, scheduledEnd: new Date(input.at.getTime() + 3600_000) } : {}),
        lineItems: { create: (input.lines ?? []).map((l, position) => ({ organizationId: id, position, description: "Ítem", ...l })) },
      },
    });
    return jobId;
  };
  // One conversation per customer; messages as [direction, BA local time, sender?, status?].
  const conversation = async (messages: [("in" | "out"), string, string?, string?][], options: { staffUserId?: string } = {}) => {
    const customerId = await customer(options.staffUserId);
    const conversationId = `${id}-conv-${++seq}`;
    await db.whatsAppConversation.create({ data: { id: conversationId, organizationId: id, customerId } });
    await db.whatsAppMessage.createMany({
      data: messages.map(([direction, at, sender, status]) => ({
        id: `${conversationId}-m-${++seq}`, organizationId: id, conversationId, direction: direction === "in" ? "INBOUND" : "OUTBOUND", type: "TEXT",
        content: { text: { body: "Hola" } }, status: (status ?? (direction === "in" ? "RECEIVED" : "SENT")) as "RECEIVED", createdAt: ba(at),
        sentByUserId: sender === "assistant" ? "assistant" : sender ? `${id}-${sender}` : null,
      })),
    });
    return conversationId;
  };
  const audit = (action: string, entityType: string, entityId: string, at: Date, metadata: object = {}) =>
    db.auditLog.create({ data: { organizationId: id, actorType: "USER", actorId: `${id}-ana`, action, entityType, entityId, metadata, createdAt: at } });
  const report = (range: { from: string; to: string }) => withTenant(id, (tx) => getReport(tx, id, range));
  return { id, db, customer, job, conversation, audit, report };
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
afterAll(async () => {
  await adminDb().$disconnect();
});

describe("getReport: jobs per technician and status", () => {
  it("counts jobs on their Buenos Aires day: 23:30 on the last day is in, 00:30 the next day and the day before the range are out", async () => {
    const org = await organization("jobs");
    await org.job({ at: ba("2026-11-10T10:00"), scheduled: true, status: "scheduled", technician: "bruno" });
    await org.job({ at: ba("2026-11-12T10:00"), scheduled: true, status: "completed", technician: "bruno" });
    await org.job({ at: ba("2026-11-30T23:30"), scheduled: true, status: "completed", technician: "bruno" });
    await org.job({ at: ba("2026-12-01T00:30"), scheduled: true, status: "scheduled", technician: "bruno" });
    await org.job({ at: ba("2026-10-31T23:59"), scheduled: true, status: "scheduled", technician: "carla" });
    await org.job({ at: ba("2026-11-20T09:00"), scheduled: true, status: "cancelled", technician: "carla" });
    await org.job({ at: ba("2026-11-21T09:00") });

    const { jobsByTechnician } = await org.report(NOVEMBER);

    expect(jobsByTechnician).toEqual([
      { technicianId: `${org.id}-bruno`, technicianName: "Bruno Técnico", total: 3, byStatus: { scheduled: 1, completed: 2 } },
      { technicianId: `${org.id}-carla`, technicianName: "Carla Técnica", total: 1, byStatus: { cancelled: 1 } },
      { technicianId: null, technicianName: null, total: 1, byStatus: { pending: 1 } },
    ]);
    const december = await org.report({ from: "2026-12-01", to: "2026-12-01" });
    expect(december.jobsByTechnician).toEqual([{ technicianId: `${org.id}-bruno`, technicianName: "Bruno Técnico", total: 1, byStatus: { scheduled: 1 } }]);
  });
});

describe("getReport: revenue", () => {
  it("adds quotes (job lines and leads without a job) and authorized invoices minus credit notes, without IVA, per day", async () => {
    const org = await organization("revenue");
    // 10.000,00 + 1,5 × 3,33 = 4,995 → 5,00: 10.005,00 (IVA left out).
    await org.job({ at: ba("2026-11-10T23:30"), scheduled: true, status: "completed", technician: "bruno", lines: [
      { quantityMilli: 1000, unitPriceCents: 1_000_000, ivaRateBps: 2100 }, { quantityMilli: 1500, unitPriceCents: 333, ivaRateBps: 1050 },
    ] });
    await org.job({ at: ba("2026-11-11T00:30"), scheduled: true, status: "scheduled", technician: "bruno", lines: [{ quantityMilli: 2000, unitPriceCents: 50_000, ivaRateBps: 0 }] });
    await org.job({ at: ba("2026-11-11T09:00"), scheduled: true, status: "cancelled", technician: "bruno", lines: [{ quantityMilli: 1000, unitPriceCents: 999_999, ivaRateBps: 0 }] });
    const jobForLead = await org.job({ at: ba("2026-11-12T09:00") });
    const customerId = await org.customer();
    await org.db.lead.createMany({ data: [
      { organizationId: org.id, customerId, summary: "Destape", quotedCents: 450_000, createdAt: ba("2026-11-12T08:00") },
      { organizationId: org.id, customerId, summary: "Ya es trabajo", quotedCents: 777_777, jobId: jobForLead, createdAt: ba("2026-11-12T08:00") },
      { organizationId: org.id, customerId, summary: "Perdido", quotedCents: 888_888, status: "LOST", createdAt: ba("2026-11-12T08:00") },
    ] });
    const invoice = (number: number | null, issueDate: string, netCents: number, kind: "INVOICE" | "CREDIT_NOTE" = "INVOICE", status: "AUTHORIZED" | "DRAFT" = "AUTHORIZED") =>
      org.db.invoice.create({ data: {
        organizationId: org.id, customerId, kind, letter: "B", voucherType: kind === "INVOICE" ? 6 : 8, status, environment: "HOMOLOGACION", pointOfSale: 2, number,
        issueDate, serviceFrom: issueDate, serviceTo: issueDate, paymentDueDate: issueDate, receiverName: "Consumidor final", receiverDocType: 99, receiverDocNumber: "0",
        receiverIvaConditionId: 5, netCents, ivaCents: (netCents / 100) * 21, totalCents: (netCents / 100) * 121,
      } });
    await invoice(1, "2026-11-10", 1_500_000);
    await invoice(2, "2026-11-10", 500_000, "CREDIT_NOTE");
    await invoice(null, "2026-11-10", 5_000_000, "INVOICE", "DRAFT");
    await invoice(3, "2026-11-13", 100_000);
    await invoice(4, "2026-11-14", 300_000);

    const { revenue, granularity } = await org.report({ from: "2026-11-10", to: "2026-11-13" });

    expect(granularity).toBe("day");
    expect(revenue.points).toEqual([
      { bucket: "2026-11-10", quotesCents: 1_000_500, invoicesCents: 1_000_000 },
      { bucket: "2026-11-11", quotesCents: 100_000, invoicesCents: 0 },
      { bucket: "2026-11-12", quotesCents: 450_000, invoicesCents: 0 },
      { bucket: "2026-11-13", quotesCents: 0, invoicesCents: 100_000 },
    ]);
    expect(revenue).toMatchObject({ quotesCents: 1_550_500, invoicesCents: 1_100_000 });
  });

  it("groups a range longer than a month by week (Mondays), every week present", async () => {
    const org = await organization("weekly");
    await org.job({ at: ba("2026-11-01T12:00"), scheduled: true, status: "completed", technician: "bruno", lines: [{ quantityMilli: 1000, unitPriceCents: 10_000, ivaRateBps: 0 }] });
    await org.job({ at: ba("2026-11-08T23:59"), scheduled: true, status: "completed", technician: "bruno", lines: [{ quantityMilli: 1000, unitPriceCents: 20_000, ivaRateBps: 0 }] });
    await org.job({ at: ba("2026-11-09T00:00"), scheduled: true, status: "completed", technician: "bruno", lines: [{ quantityMilli: 1000, unitPriceCents: 40_000, ivaRateBps: 0 }] });

    const { revenue, granularity } = await org.report({ from: "2026-11-01", to: "2026-12-15" });

    expect(granularity).toBe("week");
    expect(revenue.points.map((p) => p.bucket)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]);
    expect(revenue.points.slice(0, 3).map((p) => p.quotesCents)).toEqual([10_000, 20_000, 40_000]);
  });
});

describe("getReport: first response", () => {
  it("measures from the message that opens a turn to the first reply, split assistant vs person, across midnight and the range's end", async () => {
    const org = await organization("response");
    // Opened 23:55, a second message at 23:57 (same turn), a reminder (no sender) is not a reply, the assistant at 00:05 → 600 s.
    // Then a new turn at 10:00 answered by a person at 10:30 → 1800 s.
    await org.conversation([["in", "2026-11-05T23:55"], ["in", "2026-11-05T23:57"], ["out", "2026-11-05T23:59"], ["out", "2026-11-06T00:05", "assistant"],
      ["in", "2026-11-06T10:00"], ["out", "2026-11-06T10:30", "ana"]]);
    // A failed send is not an answer: 09:00 → 09:20 = 1200 s (person).
    await org.conversation([["in", "2026-11-07T09:00"], ["out", "2026-11-07T09:01", "ana", "FAILED"], ["out", "2026-11-07T09:20", "ana"]]);
    // Opened on the last evening, answered after the range ended: counted, 1200 s (assistant).
    await org.conversation([["in", "2026-11-30T23:50"], ["out", "2026-12-01T00:10", "assistant"]]);
    // Opened before the range: not counted. Never answered: counted as unanswered.
    await org.conversation([["in", "2026-10-31T23:50"], ["out", "2026-11-01T00:05", "assistant"]]);
    await org.conversation([["in", "2026-11-20T12:00"]]);
    // A staff member's own chat with the business is not customer service.
    await org.conversation([["in", "2026-11-20T12:00"], ["out", "2026-11-20T15:00", "ana"]], { staffUserId: `${org.id}-carla` });

    const { firstResponse } = await org.report(NOVEMBER);

    expect(firstResponse).toEqual({
      openings: 5, unanswered: 1,
      all: { answered: 4, medianSeconds: 1200, p90Seconds: 1620 },
      assistant: { answered: 2, medianSeconds: 900, p90Seconds: 1140 },
      person: { answered: 2, medianSeconds: 1500, p90Seconds: 1740 },
    });
    const december = await org.report({ from: "2026-12-01", to: "2026-12-31" });
    expect(december.firstResponse).toMatchObject({ openings: 0, all: { answered: 0, medianSeconds: null, p90Seconds: null } });
  });
});

describe("getReport: assistant resolution", () => {
  it("counts conversations the assistant handled with no person's message and no assignment in the range", async () => {
    const org = await organization("resolution");
    await org.conversation([["in", "2026-11-03T10:00"], ["out", "2026-11-03T10:01", "assistant"]]);
    const assignedInRange = await org.conversation([["in", "2026-11-04T10:00"], ["out", "2026-11-04T10:01", "assistant"]]);
    await org.audit("conversation.assign", "WhatsAppConversation", assignedInRange, ba("2026-11-04T10:05"), { from: null, to: `${org.id}-ana` });
    const assignedBefore = await org.conversation([["in", "2026-11-05T00:10"], ["out", "2026-11-05T00:11", "assistant"]]);
    await org.audit("conversation.assign", "WhatsAppConversation", assignedBefore, ba("2026-10-31T23:59"), { from: null, to: `${org.id}-ana` });
    await org.conversation([["in", "2026-11-06T10:00"], ["out", "2026-11-06T10:01", "assistant"], ["out", "2026-11-06T11:00", "ana"]]);
    await org.conversation([["in", "2026-11-07T10:00"]]);
    // A person answered only after the range: inside it, the assistant handled it alone.
    await org.conversation([["in", "2026-11-30T23:00"], ["out", "2026-11-30T23:01", "assistant"], ["out", "2026-12-01T00:01", "ana"]]);
    await org.conversation([["in", "2026-11-08T10:00"], ["out", "2026-11-08T10:01", "assistant"]], { staffUserId: `${org.id}-carla` });

    const { assistantResolution } = await org.report(NOVEMBER);

    expect(assistantResolution).toEqual({ conversations: 6, assistantOnly: 3, withPerson: 2, noReply: 1, assistantShareBps: 5000 });
    const empty = await org.report({ from: "2027-01-01", to: "2027-01-31" });
    expect(empty.assistantResolution).toEqual({ conversations: 0, assistantOnly: 0, withPerson: 0, noReply: 0, assistantShareBps: null });
  });
});

describe("getReport: emergencies", () => {
  it("counts EMERGENCY jobs created in the range and how fast a technician was put on them", async () => {
    const org = await organization("emergencies");
    const scheduledLater = await org.job({ at: ba("2026-11-03T10:00"), urgency: "EMERGENCY", status: "scheduled", technician: "bruno" });
    await org.db.jobTransition.create({ data: { organizationId: org.id, jobId: scheduledLater, from: "pending", to: "scheduled", actorType: "USER", at: ba("2026-11-03T10:15") } });
    await org.job({ at: ba("2026-11-04T10:00"), urgency: "EMERGENCY", technician: "carla" });
    const assignedByEdit = await org.job({ at: ba("2026-11-05T23:58"), urgency: "EMERGENCY", status: "completed", technician: "bruno" });
    await org.audit("job.updated", "Job", assignedByEdit, ba("2026-11-06T00:03"), { fields: ["technicianId"] });
    await org.audit("job.updated", "Job", assignedByEdit, ba("2026-11-05T23:59"), { fields: ["description"] });
    await org.db.jobTransition.create({ data: { organizationId: org.id, jobId: assignedByEdit, from: "working", to: "completed", actorType: "USER", at: ba("2026-11-06T02:00") } });
    await org.job({ at: ba("2026-11-07T10:00"), urgency: "EMERGENCY" });
    await org.job({ at: ba("2026-11-07T10:00"), urgency: "NORMAL", technician: "bruno" });
    await org.job({ at: ba("2026-12-01T00:30"), urgency: "EMERGENCY", technician: "bruno" });
    const customerId = await org.customer();
    await org.db.lead.createMany({ data: [
      { organizationId: org.id, customerId, summary: "Olor a gas", urgency: "EMERGENCY", createdAt: ba("2026-11-08T03:00") },
      { organizationId: org.id, customerId, summary: "Ya es trabajo", urgency: "EMERGENCY", jobId: scheduledLater, createdAt: ba("2026-11-03T09:59") },
    ] });

    const { emergencies } = await org.report(NOVEMBER);

    // Waits 900 s, 0 s and 300 s: median 300, p90 300 + 0,8 × 600 = 780.
    expect(emergencies).toEqual({ jobs: 4, completed: 1, assigned: 3, unassigned: 1, medianSecondsToAssign: 300, p90SecondsToAssign: 780, leadsWithoutJob: 1 });
  });
});
