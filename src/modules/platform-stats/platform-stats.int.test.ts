import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { adminDb } from "../../lib/db";
import { env } from "../../lib/env";
import { buildPlatformStatsReport, type PlatformStatsReport } from "./build-platform-stats-report";
import { ba, SEEDED_NOW, seedPlatformStatsMonth } from "./platform-stats-fixture";
import { renderStatsMarkdown } from "./render-stats-markdown";
import { resolveStatsPeriod } from "./stats-period";

// Every expected number below is counted by hand from platform-stats-fixture.ts (the comments say how).
let report: PlatformStatsReport;
beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await seedPlatformStatsMonth(adminDb());
  report = await buildPlatformStatsReport({ from: "2026-11-01", to: "2026-11-30", now: SEEDED_NOW });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("buildPlatformStatsReport on the seeded November", () => {
  it("bounds the period on Buenos Aires days and the uptime on the 90 days ending with it", () => {
    expect(report.period).toEqual({ from: "2026-11-01", to: "2026-11-30", days: 30, start: "2026-11-01T03:00:00.000Z", end: "2026-12-01T03:00:00.000Z" });
    expect(report.uptime).toMatchObject({ days: 90, start: "2026-09-02T03:00:00.000Z", end: "2026-12-01T03:00:00.000Z" });
  });

  it("counts organizations: 4 not suspended, 3 with a November message, 1 with the assistant on that answered", () => {
    // Frío Sur's assistant answered but is switched off; Sin Uso's assistant answered only in October.
    expect(report.organizations).toEqual({ total: 4, active: 3, withAssistant: 1 });
  });

  it("counts messages in and out, templates, and per organization (October 31st 23:59 and December 1st 00:30 are out)", () => {
    expect(report.messages).toMatchObject({ inbound: 10, outbound: 16, templates: 5, total: 26, monthlyVolume: 26 });
    expect(report.messages.perActiveOrganization).toBeCloseTo(26 / 3, 10);
    expect(report.messages.byOrganization).toEqual([
      { organizationId: "st-a", name: "Gas Norte", inbound: 6, outbound: 9, templates: 3, total: 15 },
      { organizationId: "st-b", name: "Frío Sur", inbound: 3, outbound: 5, templates: 1, total: 8 },
      { organizationId: "st-c", name: "Agua Oeste", inbound: 1, outbound: 2, templates: 1, total: 3 },
    ]);
  });

  it("measures webhook acks of the period: 17 × 20 ms, 2 × 900 ms, 1 × 3 ms", () => {
    // avg = (340 + 1800 + 3) / 20; p95 = the 19th fastest = a 900 ms ack (bucket ≤ 1000, capped at the max).
    expect(report.webhook).toEqual({ count: 20, avgMs: 107.15, p95Ms: 900 });
  });

  it("computes uptime from the probes: 60 minutes missing and 20 down out of 90 days", () => {
    expect(report.uptime.services).toEqual([
      { service: "web", minutes: 129_600, upMinutes: 129_520, ratio: 129_520 / 129_600 },
      { service: "workers", minutes: 1_440, upMinutes: 1_440, ratio: 1 },
      { service: "postgres", minutes: 0, upMinutes: 0, ratio: null },
      { service: "redis", minutes: 0, upMinutes: 0, ratio: null },
    ]);
  });

  it("rates delivery over outbound messages with a final status: 12 delivered or read, 3 failed, 1 still sent", () => {
    expect(report.delivery).toEqual({ outbound: 16, delivered: 12, failed: 3, pending: 1, successRate: 0.8 });
  });

  it("rates AI resolution: 9 conversations with customer messages, 5 answered by the assistant, 3 with no person", () => {
    // Not resolved: a person also replied (Gas Norte), the conversation was assigned (Frío Sur). Not handled: the
    // assistant's answer failed, no answer, or only people answered.
    expect(report.aiResolution).toEqual({ conversations: 9, handledByAssistant: 5, resolvedByAssistant: 3, rate: 0.6 });
  });

  it("finds the busiest hour: 4 conversations on November 10th between 10:00 and 11:00", () => {
    expect(report.concurrentConversations).toEqual({ peak: 4, hourStart: "2026-11-10T13:00:00.000Z" });
  });

  it("adds stored media and job attachments to the database size", () => {
    // 1000 + 500 bytes of stored inbound media (the failed 2048-byte download is not stored) and a 5000-byte photo.
    expect(report.storage).toMatchObject({ messageMediaBytes: 1_500, jobAttachmentBytes: 5_000, mediaBytes: 6_500 });
    expect(report.storage.databaseBytes).toBeGreaterThan(0);
    expect(report.storage.totalBytes).toBe(report.storage.databaseBytes + 6_500);
    expect(report.storage.largestTables).toHaveLength(8);
    expect(report.storage.largestTables.every((t, i, all) => i === 0 || all[i - 1]!.bytes >= t.bytes)).toBe(true);
  });

  it("prices delivered messages per provider and category (status pricing first, then the template, then service)", () => {
    expect(report.cost.lines).toEqual([
      { provider: "dialog360", category: "authentication", delivered: 1, unitHundredthsOfCent: 260, totalHundredthsOfCent: 260 },
      { provider: "dialog360", category: "service", delivered: 3, unitHundredthsOfCent: 0, totalHundredthsOfCent: 0 },
      { provider: "meta", category: "marketing", delivered: 1, unitHundredthsOfCent: 618, totalHundredthsOfCent: 618 },
      { provider: "meta", category: "service", delivered: 4, unitHundredthsOfCent: 0, totalHundredthsOfCent: 0 },
      { provider: "meta", category: "utility", delivered: 1, unitHundredthsOfCent: 260, totalHundredthsOfCent: 260 },
      { provider: "twilio", category: "service", delivered: 1, unitHundredthsOfCent: 50, totalHundredthsOfCent: 50 },
      { provider: "twilio", category: "utility", delivered: 1, unitHundredthsOfCent: 310, totalHundredthsOfCent: 310 },
    ]);
    // 1498 hundredths of a cent = USD 0.1498.
    expect(report.cost).toMatchObject({ totalCents: 15, monthlyCents: 15 });
  });

  it("marks each BSP trigger met or not", () => {
    expect(report.bspTriggers).toEqual([
      { key: "clientsWithAi", value: 1, threshold: "≥ 100", met: false },
      { key: "monthlyVolume", value: 26, threshold: "≥ 50.000", met: false },
      { key: "monthlyCost", value: 15, threshold: "—", met: null },
      { key: "uptime", value: 129_520 / 129_600, threshold: "≥ 99,9 %", met: true },
      { key: "webhookP95", value: 900, threshold: "< 500 ms", met: false },
    ]);
  });

  it("renders the tables as Markdown ready to paste", () => {
    const markdown = renderStatsMarkdown(report);
    for (const line of [
      "# Estadísticas de la plataforma CampoTech",
      "Período: 2026-11-01 a 2026-11-30 (30 días, hora de Buenos Aires). Disponibilidad: los 90 días que terminan el 2026-11-30.",
      "## Resumen de la plataforma",
      "| Métrica | Valor |",
      "| Organizaciones activas | 3 |",
      "| Organizaciones con asistente IA | 1 |",
      "| Mensajes de plantilla | 5 |",
      "| Mensajes por organización activa | 8,7 |",
      "| Tiempo de respuesta del webhook (promedio) | 107 ms |",
      "| Tasa de entrega | 80,00 % |",
      "| Tasa de resolución por IA | 60,00 % |",
      "| Conversaciones simultáneas (pico por hora) | 4 (10/11/2026, 10:00) |",
      "## Métricas para solicitar ser BSP",
      "| Métrica | Valor | Umbral | Estado |",
      "| --- | --- | --- | --- |",
      "| Clientes con asistente IA | 1 | ≥ 100 | ❌ no cumple |",
      "| Volumen mensual de mensajes | 26 | ≥ 50.000 | ❌ no cumple |",
      "| Costo mensual de mensajes | USD 0,15 | — | ℹ️ informativo |",
      "| Disponibilidad (90 días) | 99,94 % | ≥ 99,9 % | ✅ cumple |",
      "| Respuesta del webhook (p95) | 900 ms | < 500 ms | ❌ no cumple |",
      "| Gas Norte | 6 | 9 | 3 | 15 |",
      "| Meta (Cloud API) | Marketing | 1 | USD 0,0618 | USD 0,0618 |",
      "| Twilio | Utilidad | 1 | USD 0,0310 | USD 0,0310 |",
      "| postgres | 0 | 0 | sin datos |",
      "| Archivos de mensajes | 0,0 MB |",
    ]) {
      expect(markdown.split("\n"), line).toContain(line);
    }
  });

  it("round-trips as JSON with the same shape", () => {
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "period", "generatedAt", "organizations", "messages", "webhook", "uptime", "delivery", "aiResolution", "concurrentConversations", "storage", "cost", "bspTriggers",
    ]);
    expect(json.generatedAt).toBe("2026-12-01T15:00:00.000Z");
  });
});

describe("resolveStatsPeriod", () => {
  it("defaults to the last 30 Buenos Aires days, today included, and stops uptime at now", () => {
    const period = resolveStatsPeriod({ now: ba("2026-12-01T01:00") });
    expect(period).toMatchObject({ from: "2026-11-02", to: "2026-12-01", days: 30, uptimeEnd: ba("2026-12-01T01:00"), uptimeStart: ba("2026-09-03T00:00") });
  });

  it("rejects impossible or reversed dates with the reports' Spanish messages", () => {
    expect(() => resolveStatsPeriod({ from: "2026-02-30", to: "2026-03-01", now: SEEDED_NOW })).toThrow(/Esa fecha no existe/);
    expect(() => resolveStatsPeriod({ from: "2026-11-10", to: "2026-11-01", now: SEEDED_NOW })).toThrow(/igual o posterior/);
  });
});
