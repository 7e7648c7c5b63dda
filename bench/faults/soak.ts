import { execFileSync } from "node:child_process";
import { accepted, settled, type Audit } from "./audit";
import type { Stack } from "./stack";
import { openConversations, sendInbound, sendOutbound, type Inbound, type Outbound } from "./traffic";

// Steady mixed traffic for N minutes — inbound turns the assistant answers, our sends, and the status webhooks the
// sandbox sends back for every accepted message — reporting each process's RSS every minute and the end-to-end
// latencies of the minute: inbound (customer writes → the assistant's answer reaches the provider) and outbound
// (sendMessage called → the provider accepts it).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  if (!pid) return NaN;
  try {
    return Math.round(Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)]).toString().trim()) / 1024);
  } catch {
    return NaN;
  }
}

/** The Postgres cluster's memory: every process of the cluster (postmaster and backends) by its data directory's owner pid. */
function postgresRssMb(postmasterPid: number): number {
  try {
    const out = execFileSync("ps", ["-o", "rss=", "--ppid", String(postmasterPid), "-p", String(postmasterPid)]).toString();
    return Math.round(out.split("\n").filter(Boolean).reduce((n, l) => n + Number(l.trim()), 0) / 1024);
  } catch {
    return NaN;
  }
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
};

export async function soak(stack: Stack, minutes: number, rate: { turnsPerSec: number; sendsPerSec: number }, postmasterPid: () => number): Promise<{ lines: string[]; audit: Audit }> {
  const perMinute: { inbound: Inbound[]; outbound: Outbound[]; rss: string }[] = [];
  const startedAt = Date.now();
  const pending: Promise<void>[] = [];
  for (let minute = 1; minute <= minutes; minute++) {
    const slot = { inbound: [] as Inbound[], outbound: [] as Outbound[], rss: "" };
    perMinute.push(slot);
    const end = startedAt + minute * 60_000;
    while (Date.now() < end) {
      const tick = Date.now();
      pending.push(sendInbound(stack, rate.turnsPerSec, rate.turnsPerSec).then((m) => void slot.inbound.push(...m)));
      pending.push(openConversations(rate.sendsPerSec).then((c) => sendOutbound(c, 1)).then((o) => void slot.outbound.push(...o)));
      await sleep(Math.max(0, 1000 - (Date.now() - tick)));
    }
    const pids = Object.fromEntries(stack.pids().map((p) => [p.name, p.pid]));
    slot.rss = `${rssMb(pids.web!)} | ${rssMb(pids.workers!)} | ${rssMb(pids.redis!)} | ${postgresRssMb(postmasterPid())}`;
    console.log(`minute ${minute}: RSS web | workers | redis | postgres (MB) = ${slot.rss}`);
  }
  await Promise.all(pending);
  const inbound = perMinute.flatMap((m) => m.inbound);
  const outbound = perMinute.flatMap((m) => m.outbound);
  // Latencies once everything has settled, so a minute's slowest turns are counted, not cut off.
  const final = await settled(stack, inbound, outbound, 180_000);
  const sends = await accepted(stack);
  const firstAt = new Map<string, number>();
  const byRecipient = new Map<string, number>();
  for (const r of sends) {
    const t = new Date(r.receivedAt).getTime();
    if (r.body.biz_opaque_callback_data && !firstAt.has(r.body.biz_opaque_callback_data)) firstAt.set(r.body.biz_opaque_callback_data, t);
    if (r.body.to && !byRecipient.has(r.body.to)) byRecipient.set(r.body.to, t);
  }
  const lines = [
    "| minute | inbound turns | sends | inbound→answer p50 / p95 / p99 ms | send→provider p50 / p95 / p99 ms | web RSS MB | workers RSS MB | redis RSS MB | postgres RSS MB |",
    "|---:|---:|---:|---|---|---:|---:|---:|---:|",
    ...perMinute.map((m, i) => {
      const inLat = m.inbound.flatMap((t) => (byRecipient.has(t.waId) ? [byRecipient.get(t.waId)! - t.at] : []));
      const outLat = m.outbound.flatMap((c) => c.messageIds.flatMap((id, j) => (firstAt.has(id) ? [firstAt.get(id)! - c.sentAt[j]!] : [])));
      return `| ${i + 1} | ${m.inbound.length} | ${m.outbound.length} | ${pct(inLat, 50)} / ${pct(inLat, 95)} / ${pct(inLat, 99)} | ${pct(outLat, 50)} / ${pct(outLat, 95)} / ${pct(outLat, 99)} | ${m.rss} |`;
    }),
  ];
  return { lines, audit: final };
}
