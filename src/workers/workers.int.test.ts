import { Queue, UnrecoverableError, type Job } from "bullmq";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startWorkers } from "../../apps/workers/src/start-workers";
import { resetDatabase } from "../../database/testing/reset";
import { adminDb } from "../lib/db";
import { env } from "../lib/env";
import { createRedis } from "../lib/redis";
import { createOrganization } from "../modules/organizations/create-organization";
import { defineJob } from "./define-job";
import { usageResetMonthlyCounters } from "./jobs/usage-reset-monthly-counters.job";
import { processJob } from "./process-job";

const logger = (await import("../lib/logger")).logger;
const ctx = { jobId: "t", attempt: 1, logger };

beforeEach(() => resetDatabase(env.DATABASE_ADMIN_URL));
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("processJob", () => {
  it("fails for good on unknown jobs and invalid payloads", async () => {
    await expect(processJob({ name: "nope.nothing", data: {}, attemptsMade: 0, id: "1" } as Job)).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(
      processJob({ name: usageResetMonthlyCounters.name, data: { now: "ayer" }, attemptsMade: 0, id: "2" } as Job),
    ).rejects.toThrow(/invalid payload/);
  });
});

describe("usage.reset-monthly-counters", () => {
  it("resets every active organization's accounts, each in its own tenant transaction", async () => {
    const orgs = await Promise.all(
      [["30-71234567-1", "+5491140000001"], ["20-26756539-3", "+5491140000002"]].map(([cuit, phone]) =>
        createOrganization(adminDb(), { name: `Org ${cuit}`, cuit: cuit!, tier: "PROFESIONAL", ownerPhone: phone! }),
      ),
    );
    for (const [i, { organization }] of orgs.entries()) {
      await adminDb().whatsAppBusinessAccount.create({
        data: {
          organizationId: organization.id, bspProvider: "META_DIRECT", phoneNumberId: `pn-${i}`, displayPhoneNumber: "541152630000",
          credentialsEncrypted: "v1.k.a.b.c", credentialsKeyId: "k", monthlyMessageCount: 100 + i, usagePeriodStart: new Date("2026-10-01T03:00:00Z"),
        },
      });
    }
    const result = await usageResetMonthlyCounters.handler({ now: "2026-11-01T03:00:00.000Z" }, ctx);
    expect(result).toEqual({ organizations: 2, accountsReset: 2 });
    const counts = await adminDb().whatsAppBusinessAccount.findMany({ select: { monthlyMessageCount: true } });
    expect(counts).toEqual([{ monthlyMessageCount: 0 }, { monthlyMessageCount: 0 }]);
    expect(await usageResetMonthlyCounters.handler({ now: "2026-11-20T03:00:00.000Z" }, ctx)).toEqual({ organizations: 2, accountsReset: 0 });
  });
});

describe("worker pool shutdown", () => {
  it("finishes the in-flight job before closing, and takes no new ones", async () => {
    const queueName = "system";
    const slow = defineJob({ name: "test.slow", queue: queueName, schema: z.object({ ms: z.number() }), handler: async () => {} });
    let finished = 0;
    let started!: () => void;
    const startedPromise = new Promise<void>((resolve) => (started = resolve));
    // A prefix of its own: no other worker process (e.g. one spawned by another test file) can take these jobs.
    const prefix = `campotech-test-shutdown-${process.pid}`;
    const pool = startWorkers({
      catalog: [slow],
      concurrency: 1,
      prefix,
      processor: async (job) => {
        started();
        await new Promise((r) => setTimeout(r, job.data.ms));
        finished++;
        return "done";
      },
    });
    const connection = createRedis("worker");
    const queue = new Queue(queueName, { connection, prefix });
    await queue.obliterate({ force: true });
    const inflight = await queue.add("test.slow", { ms: 600 });
    await startedPromise;
    const waiting = await queue.add("test.slow", { ms: 10 });

    const { forced } = await pool.close(10_000);
    expect(forced).toBe(false);
    expect(finished).toBe(1);
    expect(await (await queue.getJob(inflight.id!))!.getState()).toBe("completed");
    expect(await (await queue.getJob(waiting.id!))!.getState()).toBe("waiting");
    await queue.obliterate({ force: true });
    await queue.close();
    await connection.quit();
  });
});
