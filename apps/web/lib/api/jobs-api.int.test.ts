import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { call, json } from "./api-test-kit";
import { getAvailabilityEndpoint } from "./endpoints/availability";
import {
  addJobAttachmentEndpoint,
  createJobEndpoint,
  getJobEndpoint,
  listJobsEndpoint,
  setJobLineItemsEndpoint,
  transitionJobEndpoint,
  updateJobEndpoint,
} from "./endpoints/jobs";

// Behaviour of the jobs endpoints through HTTP on a real database; who may call which endpoint is the matrix's job.
const ORG = "jb-org";
const redis = new Redis(env.REDIS_URL);
const users: Record<string, UserRole> = { "jb-owner": "OWNER", "jb-dispatcher": "DISPATCHER", "jb-tech": "TECHNICIAN", "jb-tech2": "TECHNICIAN" };
const as = (id: string) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id]! }).token}` });
const BA = (local: string) => new Date(`${local}:00-03:00`);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Org JB", cuit: "30712345671", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114000000${i}`, name: id, role } });
  }
  await admin.customer.create({ data: { id: "jb-cust", organizationId: ORG, phone: "+5491155550000", name: "Ana" } });
  await admin.priceListItem.create({ data: { id: "jb-visit", organizationId: ORG, code: "VISITA", name: "Visita técnica", serviceType: "GENERAL", priceCents: 1_234_567, ivaRateBps: 2100 } });
  await admin.priceListItem.create({ data: { id: "jb-pipe", organizationId: ORG, code: "CANO", name: "Caño PPN", serviceType: "PLUMBING", unit: "m", priceCents: 333_333, ivaRateBps: 1050 } });
});
afterAll(async () => {
  await redis.quit();
});

async function newJob(technicianId: string | null = "jb-tech"): Promise<{ id: string; number: number }> {
  return json(await call(createJobEndpoint, {
    headers: as("jb-dispatcher"),
    body: { customerId: "jb-cust", address: "Corrientes 1234", serviceType: "PLUMBING", description: "Pérdida bajo la mesada", technicianId },
  }), 201);
}

const transition = (id: string, who: string, body: Record<string, unknown>) => call(transitionJobEndpoint, { params: { id }, headers: as(who), body });
const schedule = { to: "scheduled", scheduledStart: "2030-03-04T12:00:00Z", scheduledEnd: "2030-03-04T14:00:00Z", technicianId: "jb-tech" };

describe("job lifecycle", () => {
  it("numbers jobs per organization and starts them pending, with the creation recorded", async () => {
    const a = await newJob();
    const b = await newJob();
    expect([a.number, b.number]).toEqual([1, 2]);
    const detail = await json<{ status: string; transitions: { from: string | null; to: string; actorId: string }[] }>(
      await call(getJobEndpoint, { params: { id: a.id }, headers: as("jb-owner") }), 200);
    expect(detail.status).toBe("pending");
    expect(detail.transitions).toMatchObject([{ from: null, to: "pending", actorId: "jb-dispatcher" }]);
  });

  it("walks the legal path and records every transition with time and actor", async () => {
    const { id } = await newJob();
    await json(await transition(id, "jb-dispatcher", schedule), 200);
    await json(await transition(id, "jb-tech", { to: "en_camino" }), 200);
    await json(await transition(id, "jb-tech", { to: "working" }), 200);
    await json(await transition(id, "jb-tech", { to: "completed", note: "Cambio de flexible" }), 200);
    const detail = await json<{ status: string; scheduledStart: string; transitions: { from: string | null; to: string; actorId: string; at: string; note: string | null }[] }>(
      await call(getJobEndpoint, { params: { id }, headers: as("jb-owner") }), 200);
    expect(detail.status).toBe("completed");
    expect(detail.scheduledStart).toBe("2030-03-04T12:00:00.000Z");
    expect(detail.transitions.map((t) => [t.from, t.to, t.actorId])).toEqual([
      [null, "pending", "jb-dispatcher"],
      ["pending", "scheduled", "jb-dispatcher"],
      ["scheduled", "en_camino", "jb-tech"],
      ["en_camino", "working", "jb-tech"],
      ["working", "completed", "jb-tech"],
    ]);
    expect(detail.transitions.at(-1)!.note).toBe("Cambio de flexible");
    expect(detail.transitions.every((t) => !Number.isNaN(Date.parse(t.at)))).toBe(true);
  });

  it("refuses illegal transitions and says who may do what", async () => {
    const { id } = await newJob();
    // pending → working skips the visit.
    const skip = await json<{ error: { code: string; message: string } }>(await transition(id, "jb-owner", { to: "working" }), 400);
    expect(skip.error.message).toMatch(/pendiente no puede pasar a en curso/);
    // Scheduling needs a window and a technician.
    const { id: unassigned } = await newJob(null);
    expect((await json<{ error: { code: string } }>(await transition(unassigned, "jb-owner", { to: "scheduled" }), 400)).error.code).toBe("VALIDATION_FAILED");
    await json(await transition(id, "jb-dispatcher", schedule), 200);
    // Technicians neither cancel nor reschedule; another technician doesn't even see the job.
    expect((await json<{ error: { code: string } }>(await transition(id, "jb-tech", { to: "cancelled" }), 403)).error.code).toBe("FORBIDDEN");
    expect((await json<{ error: { code: string } }>(await transition(id, "jb-tech2", { to: "en_camino" }), 404)).error.code).toBe("NOT_FOUND");
    await json(await transition(id, "jb-owner", { to: "cancelled" }), 200);
    // Nothing leaves cancelled.
    await json(await transition(id, "jb-owner", schedule), 400);
    const rows = await adminDb().jobTransition.findMany({ where: { jobId: id }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.to)).toEqual(["pending", "scheduled", "cancelled"]);
  });

  it("updates details, keeps completed jobs frozen and audits every mutation in one chain", async () => {
    const { id } = await newJob();
    await json(await call(updateJobEndpoint, { params: { id }, headers: as("jb-dispatcher"), body: { urgency: "EMERGENCY", address: "Lavalle 500" } }), 200);
    await json(await transition(id, "jb-dispatcher", schedule), 200);
    await json(await call(setJobLineItemsEndpoint, { params: { id }, headers: as("jb-tech"), body: { lines: [{ priceListItemId: "jb-visit", quantityMilli: 1000 }] } }), 200);
    const audit = await adminDb().auditLog.findMany({ where: { organizationId: ORG }, orderBy: { seq: "asc" } });
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([
      ["job.created", "jb-dispatcher"],
      ["job.updated", "jb-dispatcher"],
      ["job.status_changed", "jb-dispatcher"],
      ["job.line_items_set", "jb-tech"],
    ]);
    expect(audit[1]!.metadata).toEqual({ fields: ["address", "urgency"] });
    expect((await verifyAuditChain({ organizationId: ORG })).ok).toBe(true);
  });
});

describe("line items and totals", () => {
  it("computes totals exact to the centavo, IVA per rate, from the price list and free lines", async () => {
    const { id } = await newJob();
    const detail = await json<{ lineItems: { description: string; netCents: number; unitPriceCents: number }[]; totals: { byRate: unknown[]; netCents: number; ivaCents: number; totalCents: number } }>(
      await call(setJobLineItemsEndpoint, {
        params: { id },
        headers: as("jb-tech"),
        body: {
          lines: [
            { priceListItemId: "jb-visit", quantityMilli: 1000 }, // 12.345,67
            { priceListItemId: "jb-pipe", quantityMilli: 2500 }, // 2,5 m × 3.333,33 = 8.333,325 → 8.333,33
            { description: "Sellador", quantityMilli: 3000, unitPriceCents: 99_999, ivaRateBps: 2100 }, // 2.999,97
            { description: "Certificado", quantityMilli: 1000, unitPriceCents: 50_000, ivaRateBps: 0 },
          ],
        },
      }),
      200,
    );
    expect(detail.lineItems.map((l) => [l.description, l.netCents])).toEqual([
      ["Visita técnica", 1_234_567], ["Caño PPN", 833_333], ["Sellador", 299_997], ["Certificado", 50_000],
    ]);
    // 21 %: base 1.534.564 → IVA 322.258,44 → 322.258; 10,5 %: base 833.333 → 87.499,965 → 87.500.
    expect(detail.totals).toEqual({
      byRate: [
        { ivaRateBps: 2100, baseCents: 1_534_564, ivaCents: 322_258 },
        { ivaRateBps: 1050, baseCents: 833_333, ivaCents: 87_500 },
        { ivaRateBps: 0, baseCents: 50_000, ivaCents: 0 },
      ],
      netCents: 2_417_897,
      ivaCents: 409_758,
      totalCents: 2_827_655,
    });
  });

  it("rejects an invalid IVA rate and an incomplete free line, writing nothing", async () => {
    const { id } = await newJob();
    await json(await call(setJobLineItemsEndpoint, { params: { id }, headers: as("jb-owner"), body: { lines: [{ description: "x", quantityMilli: 1000, unitPriceCents: 100, ivaRateBps: 1900 }] } }), 400);
    await json(await call(setJobLineItemsEndpoint, { params: { id }, headers: as("jb-owner"), body: { lines: [{ description: "x", quantityMilli: 1000 }] } }), 400);
    expect(await adminDb().jobLineItem.count({ where: { jobId: id } })).toBe(0);
  });
});

describe("attachments", () => {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 1)]);
  const upload = (id: string, kind: string, mimeType: string, bytes: Buffer) =>
    call(addJobAttachmentEndpoint, { params: { id }, headers: as("jb-tech"), body: { kind, mimeType, dataBase64: bytes.toString("base64") } });

  it("stores a photo and a signature whose bytes match their type", async () => {
    const { id } = await newJob();
    await json(await upload(id, "PHOTO", "image/jpeg", jpeg), 201);
    await json(await upload(id, "SIGNATURE", "image/png", png), 201);
    const detail = await json<{ attachments: { kind: string; mimeType: string; size: number }[] }>(await call(getJobEndpoint, { params: { id }, headers: as("jb-tech") }), 200);
    expect(detail.attachments).toMatchObject([{ kind: "PHOTO", mimeType: "image/jpeg", size: jpeg.length }, { kind: "SIGNATURE", mimeType: "image/png", size: png.length }]);
  });

  it("refuses wrong magic bytes, a JPEG signature and oversized files", async () => {
    const { id } = await newJob();
    // Declared PNG, actually a PDF.
    await json(await upload(id, "PHOTO", "image/png", Buffer.from("%PDF-1.7 not an image")), 400);
    // Declared PNG, bytes are JPEG.
    await json(await upload(id, "PHOTO", "image/png", jpeg), 400);
    await json(await upload(id, "SIGNATURE", "image/jpeg", jpeg), 400);
    await json(await upload(id, "SIGNATURE", "image/png", Buffer.concat([png, Buffer.alloc(1024 * 1024)])), 413);
    expect(await adminDb().jobAttachment.count({ where: { jobId: id } })).toBe(0);
  });
});

describe("technician scoping", () => {
  it("lists only the technician's own jobs, whatever the filter asks", async () => {
    const mine = await newJob("jb-tech");
    const theirs = await newJob("jb-tech2");
    const list = async (who: string, query: Record<string, string> = {}) =>
      (await json<{ items: { id: string }[] }>(await call(listJobsEndpoint, { headers: as(who), query }), 200)).items.map((j) => j.id).sort();
    expect(await list("jb-tech")).toEqual([mine.id]);
    expect(await list("jb-tech", { technicianId: "jb-tech2" })).toEqual([mine.id]);
    expect(await list("jb-owner")).toEqual([mine.id, theirs.id].sort());
    expect(await list("jb-owner", { technicianId: "jb-tech2" })).toEqual([theirs.id]);
    await json(await call(getJobEndpoint, { params: { id: theirs.id }, headers: as("jb-tech") }), 404);
    await json(await transition(mine.id, "jb-owner", schedule), 200);
    expect(await list("jb-owner", { status: "scheduled", from: "2030-03-04T00:00:00Z", to: "2030-03-05T00:00:00Z" })).toEqual([mine.id]);
    expect(await list("jb-owner", { from: "2030-03-05T00:00:00Z" })).toEqual([]);
  });
});

describe("availability", () => {
  it("respects working hours, time off, holidays and existing jobs with the travel buffer", async () => {
    const admin = adminDb();
    // Mon–Wed 09:00–13:00; Tuesday 25 May 2027 is a national holiday.
    await admin.technicianSchedule.create({
      data: { organizationId: ORG, userId: "jb-tech", travelBufferMinutes: 30, workingHours: { 1: [["09:00", "13:00"]], 2: [["09:00", "13:00"]], 3: [["09:00", "13:00"]] } },
    });
    await admin.technicianTimeOff.create({ data: { organizationId: ORG, userId: "jb-tech", start: BA("2027-05-26T00:00"), end: BA("2027-05-26T11:00"), reason: "Médico" } });
    const { id } = await newJob();
    await json(await transition(id, "jb-owner", { ...schedule, scheduledStart: BA("2027-05-24T10:00").toISOString(), scheduledEnd: BA("2027-05-24T11:00").toISOString() }), 200);
    // A cancelled job no longer blocks.
    const other = await newJob();
    await json(await transition(other.id, "jb-owner", { ...schedule, scheduledStart: BA("2027-05-26T12:00").toISOString(), scheduledEnd: BA("2027-05-26T13:00").toISOString() }), 200);
    await json(await transition(other.id, "jb-owner", { to: "cancelled" }), 200);
    const body = await json<{ technicians: { technicianId: string; slots: { start: string }[] }[] }>(
      await call(getAvailabilityEndpoint, { headers: as("jb-dispatcher"), query: { from: BA("2027-05-24T00:00").toISOString(), days: "3" } }), 200);
    expect(body.technicians.map((t) => t.technicianId)).toEqual(["jb-tech"]);
    expect(body.technicians[0]!.slots.map((s) => s.start)).toEqual([
      // Monday: the 10–11 job blocks 09:30–11:30.
      BA("2027-05-24T12:00").toISOString(),
      // Tuesday: holiday. Wednesday: off until 11:00.
      BA("2027-05-26T11:00").toISOString(),
      BA("2027-05-26T12:00").toISOString(),
    ]);
  });
});
