import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { sharedRedis, whenRedisReady } from "@campotech/core/lib/redis";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { quietHoursDecision, notificationSettings } from "@campotech/core/modules/notifications";
import { call, json } from "./api-test-kit";
import { getAvailabilityEndpoint } from "./endpoints/availability";
import { addJobAttachmentEndpoint, createJobEndpoint, getJobAttachmentEndpoint, transitionJobEndpoint } from "./endpoints/jobs";
import {
  getMyNotificationPreferencesEndpoint,
  getOrganizationNotificationSettingsEndpoint,
  registerPushTokenEndpoint,
  setMyNotificationPreferencesEndpoint,
  setOrganizationNotificationSettingsEndpoint,
} from "./endpoints/notification-settings";
import {
  addTimeOffEndpoint,
  getTechnicianScheduleEndpoint,
  listTechniciansEndpoint,
  listTimeOffEndpoint,
  removeTimeOffEndpoint,
  setTechnicianScheduleEndpoint,
} from "./endpoints/technicians";

// Technician agendas, time off, notification preferences and job files through HTTP on a real database.
const ORG = "sc-org";
const redis = new Redis(env.REDIS_URL);
const users: Record<string, UserRole> = { "sc-owner": "OWNER", "sc-dispatcher": "DISPATCHER", "sc-tech": "TECHNICIAN", "sc-tech2": "TECHNICIAN" };
const as = (id: string) => ({ authorization: `Bearer ${issueAccessToken({ id, organizationId: ORG, role: users[id]! }).token}` });
const BA = (local: string) => new Date(`${local}:00-03:00`);

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
  await whenRedisReady(sharedRedis());
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Org SC", cuit: "30712345671", tier: "PROFESIONAL" } });
  for (const [i, [id, role]] of Object.entries(users).entries()) {
    await admin.user.create({ data: { id, organizationId: ORG, phone: `+549114000000${i}`, name: id, role, email: id === "sc-owner" ? "duena@delsur.test" : null } });
  }
  await admin.customer.create({ data: { id: "sc-cust", organizationId: ORG, phone: "+5491155550000", name: "Ana" } });
});
afterAll(async () => {
  await redis.quit();
});

const slotsOf = async (from: string, days = 1) =>
  (await json<{ technicians: { technicianId: string; slots: { start: string }[] }[] }>(
    await call(getAvailabilityEndpoint, { headers: as("sc-dispatcher"), query: { from: BA(from).toISOString(), days: String(days), technicianId: "sc-tech" } }), 200,
  )).technicians[0]?.slots.map((s) => s.start) ?? [];

describe("technician schedules", () => {
  it("sets weekly hours that availability then offers, and validates them in Spanish", async () => {
    const before = await json<{ configured: boolean; workingHours: object }>(await call(getTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-tech") }), 200);
    expect(before).toMatchObject({ configured: false, workingHours: {} });
    expect(await slotsOf("2027-06-07T00:00")).toEqual([]);

    const bad = await json<{ error: { fields: Record<string, string> } }>(
      await call(setTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-dispatcher"), body: { workingHours: { 1: [["09:00", "13:00"], ["12:00", "15:00"]], 2: [["9", "18:00"]] }, travelBufferMinutes: 30 } }), 400);
    expect(Object.values(bad.error.fields)).toEqual(expect.arrayContaining(["Los horarios de un mismo día se superponen.", "Usá el formato HH:MM (24 h)."]));
    await json(await call(setTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-dispatcher"), body: { workingHours: { 1: [["14:00", "13:00"]] }, travelBufferMinutes: 30 } }), 400);

    // Monday 7 June 2027: 09–11 and 14–15, one-hour slots.
    const saved = await json<{ configured: boolean; travelBufferMinutes: number }>(
      await call(setTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-owner"), body: { workingHours: { 1: [["09:00", "11:00"], ["14:00", "15:00"]] }, travelBufferMinutes: 15 } }), 200);
    expect(saved).toMatchObject({ configured: true, travelBufferMinutes: 15 });
    expect(await slotsOf("2027-06-07T00:00")).toEqual([BA("2027-06-07T09:00"), BA("2027-06-07T10:00"), BA("2027-06-07T14:00")].map((d) => d.toISOString()));

    // A technician reads their own agenda but not a colleague's, and cannot change hours.
    await json(await call(getTechnicianScheduleEndpoint, { params: { id: "sc-tech2" }, headers: as("sc-tech") }), 404);
    await json(await call(setTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-tech"), body: { workingHours: {}, travelBufferMinutes: 0 } }), 403);
    const listed = await json<{ items: { id: string; hasSchedule: boolean }[] }>(await call(listTechniciansEndpoint, { headers: as("sc-dispatcher") }), 200);
    expect(listed.items).toEqual([expect.objectContaining({ id: "sc-tech", hasSchedule: true }), expect.objectContaining({ id: "sc-tech2", hasSchedule: false })]);
  });

  it("time off blocks offers, names the booked jobs inside it, and can be removed", async () => {
    await json(await call(setTechnicianScheduleEndpoint, { params: { id: "sc-tech" }, headers: as("sc-owner"), body: { workingHours: { 1: [["09:00", "12:00"]] }, travelBufferMinutes: 0 } }), 200);
    const job = await json<{ id: string; number: number }>(await call(createJobEndpoint, {
      headers: as("sc-dispatcher"), body: { customerId: "sc-cust", address: "Corrientes 1234", serviceType: "GAS", description: "Calefón" },
    }), 201);
    await json(await call(transitionJobEndpoint, {
      params: { id: job.id }, headers: as("sc-dispatcher"),
      body: { to: "scheduled", technicianId: "sc-tech", scheduledStart: BA("2027-06-07T11:00").toISOString(), scheduledEnd: BA("2027-06-07T12:00").toISOString() },
    }), 200);
    expect(await slotsOf("2027-06-07T00:00")).toEqual([BA("2027-06-07T09:00"), BA("2027-06-07T10:00")].map((d) => d.toISOString()));

    await json(await call(addTimeOffEndpoint, { params: { id: "sc-tech" }, headers: as("sc-dispatcher"), body: { start: BA("2027-06-07T12:00").toISOString(), end: BA("2027-06-07T09:00").toISOString() } }), 400);
    const added = await json<{ timeOff: { id: string }; conflictingJobs: { id: string; number: number }[] }>(
      await call(addTimeOffEndpoint, { params: { id: "sc-tech" }, headers: as("sc-dispatcher"), body: { start: BA("2027-06-07T00:00").toISOString(), end: BA("2027-06-08T00:00").toISOString(), reason: "Trámite" } }), 201);
    expect(added.conflictingJobs).toEqual([{ id: job.id, number: job.number, scheduledStart: BA("2027-06-07T11:00").toISOString() }]);
    expect(await slotsOf("2027-06-07T00:00")).toEqual([]);
    const list = await json<{ items: { id: string; reason: string }[] }>(
      await call(listTimeOffEndpoint, { params: { id: "sc-tech" }, headers: as("sc-tech"), query: { from: BA("2027-06-01T00:00").toISOString() } }), 200);
    expect(list.items).toEqual([expect.objectContaining({ id: added.timeOff.id, reason: "Trámite" })]);

    await json(await call(removeTimeOffEndpoint, { params: { id: "sc-tech", timeOffId: added.timeOff.id }, headers: as("sc-owner") }), 200);
    await json(await call(removeTimeOffEndpoint, { params: { id: "sc-tech", timeOffId: added.timeOff.id }, headers: as("sc-owner") }), 404);
    expect(await slotsOf("2027-06-07T00:00")).toHaveLength(2);
  });
});

describe("notification preferences", () => {
  it("saves each person's channels and quiet hours, which the notification rules then apply", async () => {
    const initial = await json<{ channels: string[]; effectiveQuietHours: object }>(await call(getMyNotificationPreferencesEndpoint, { headers: as("sc-tech") }), 200);
    expect(initial).toMatchObject({ channels: ["push"], quietHours: null, effectiveQuietHours: { start: "21:00", end: "08:00" } });

    // Email as a channel needs an address: the technician has none, the owner does.
    const refused = await json<{ error: { message: string } }>(await call(setMyNotificationPreferencesEndpoint, { headers: as("sc-tech"), body: { channels: ["email"] } }), 400);
    expect(refused.error.message).toBe("Para recibir avisos por email cargá una dirección.");
    await json(await call(setMyNotificationPreferencesEndpoint, { headers: as("sc-owner"), body: { channels: ["email", "whatsapp"] } }), 200);
    const tech = await json<{ channels: string[]; quietHours: object; email: string }>(
      await call(setMyNotificationPreferencesEndpoint, { headers: as("sc-tech"), body: { channels: ["push", "email", "push"], email: "carlos@delsur.test", quietHours: { start: "22:30", end: "06:00" } } }), 200);
    expect(tech).toMatchObject({ channels: ["push", "email"], email: "carlos@delsur.test", quietHours: { start: "22:30", end: "06:00" } });

    // Two people's saves don't overwrite each other (same JSON document), and the rules read them back.
    const org = await adminDb().organization.findUniqueOrThrow({ where: { id: ORG } });
    const settings = notificationSettings(org.settings);
    expect(settings.staff["sc-owner"]!.channels).toEqual(["email", "whatsapp"]);
    expect(settings.staff["sc-tech"]!.quietHours).toEqual({ start: "22:30", end: "06:00" });
    const at2230 = BA("2027-06-07T22:15");
    expect(quietHoursDecision({ now: at2230, urgency: "NORMAL", userQuiet: settings.staff["sc-tech"]!.quietHours! }).action).toBe("send");

    await json(await call(setMyNotificationPreferencesEndpoint, { headers: as("sc-tech"), body: { channels: ["push"], quietHours: { start: "08:00", end: "08:00" } } }), 400);
  });

  it("registers a device's push token for one user at a time", async () => {
    await json(await call(registerPushTokenEndpoint, { headers: as("sc-tech"), body: { token: "not-a-token" } }), 400);
    expect(await json(await call(registerPushTokenEndpoint, { headers: as("sc-tech"), body: { token: "ExponentPushToken[phone-1]" } }), 200)).toEqual({ devices: 1 });
    expect(await json(await call(registerPushTokenEndpoint, { headers: as("sc-tech"), body: { token: "ExponentPushToken[phone-1]" } }), 200)).toEqual({ devices: 1 });
    // The shared phone now belongs to the second technician.
    expect(await json(await call(registerPushTokenEndpoint, { headers: as("sc-tech2"), body: { token: "ExponentPushToken[phone-1]" } }), 200)).toEqual({ devices: 1 });
    expect(await json(await call(getMyNotificationPreferencesEndpoint, { headers: as("sc-tech") }), 200)).toMatchObject({ devices: 0 });
    expect(await json(await call(registerPushTokenEndpoint, { headers: as("sc-tech2"), body: { token: "ExponentPushToken[phone-1]", action: "unregister" } }), 200)).toEqual({ devices: 0 });
  });

  it("lets admins set the organization's quiet hours and go back to the default", async () => {
    expect(await json(await call(getOrganizationNotificationSettingsEndpoint, { headers: as("sc-dispatcher") }), 200)).toEqual({ quietHours: { start: "21:00", end: "08:00" }, isDefault: true });
    expect(await json(await call(setOrganizationNotificationSettingsEndpoint, { headers: as("sc-owner"), body: { quietHours: { start: "20:00", end: "09:00" } } }), 200))
      .toEqual({ quietHours: { start: "20:00", end: "09:00" }, isDefault: false });
    await json(await call(setOrganizationNotificationSettingsEndpoint, { headers: as("sc-owner"), body: { quietHours: { start: "25:00", end: "09:00" } } }), 400);
    expect(await json(await call(setOrganizationNotificationSettingsEndpoint, { headers: as("sc-owner"), body: { quietHours: null } }), 200)).toMatchObject({ isDefault: true });
  });
});

describe("job files", () => {
  it("serves a photo back byte for byte with its type, only inside the job's visibility", async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const job = await json<{ id: string }>(await call(createJobEndpoint, {
      headers: as("sc-dispatcher"), body: { customerId: "sc-cust", address: "Corrientes 1234", serviceType: "PLUMBING", description: "Canilla", technicianId: "sc-tech" },
    }), 201);
    const photo = await json<{ id: string }>(await call(addJobAttachmentEndpoint, { params: { id: job.id }, headers: as("sc-tech"), body: { kind: "PHOTO", mimeType: "image/jpeg", dataBase64: jpeg.toString("base64") } }), 201);
    const response = await call(getJobAttachmentEndpoint, { params: { id: job.id, attachmentId: photo.id }, headers: as("sc-owner") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true);
    await json(await call(getJobAttachmentEndpoint, { params: { id: job.id, attachmentId: photo.id }, headers: as("sc-tech2") }), 404);
    await json(await call(getJobAttachmentEndpoint, { params: { id: job.id, attachmentId: "nope" }, headers: as("sc-owner") }), 404);
  });
});
