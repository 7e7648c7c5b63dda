import { env } from "@campotech/core/lib/env";
import { adminDb } from "@campotech/core/lib/db";
import { issueOperatorToken } from "@campotech/core/modules/auth";
import { getDriveSimulationTarget, haversineMeters, simulatedRoute } from "@campotech/core/modules/tracking";
import type { PositionBatchResult } from "@campotech/core/contracts/tracking";
import { optional, required, UsageError, type Command } from "../command";

function positiveNumber(values: Record<string, string | boolean | undefined>, name: string, fallback: number, max: number): number {
  const raw = optional(values, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new UsageError(`--${name} tiene que ser un número entre 0 y ${max}`);
  return value;
}

// Until the technician app exists on a phone at hand, this plays the phone: it posts the assigned technician's
// positions to the running web server (POST /api/tracking/positions with the technician's own token, exactly what
// the app sends), driving in a straight line to the job, so the customer's page and the dispatch map can be watched.
export const trackingCommands: Command[] = [
  {
    path: ["tracking", "simulate"],
    summary: "Simula al técnico manejando hasta un trabajo en camino: manda sus posiciones al servidor cada pocos segundos",
    usage: "campotech tracking simulate --org <id> --job <número> [--km 3] [--steps 20] [--every 3] [--url http://localhost:3000]",
    options: { org: { type: "string" }, job: { type: "string" }, km: { type: "string" }, steps: { type: "string" }, every: { type: "string" }, url: { type: "string" } },
    async run(values) {
      const organizationId = required(values, "org");
      const jobNumber = Number(required(values, "job"));
      if (!Number.isInteger(jobNumber) || jobNumber < 1) throw new UsageError("--job es el número del trabajo (el #N del panel)");
      const km = positiveNumber(values, "km", 3, 50);
      const steps = Math.round(positiveNumber(values, "steps", 20, 500));
      const everySeconds = positiveNumber(values, "every", 3, 300);
      const base = (optional(values, "url") ?? env.PUBLIC_BASE_URL).replace(/\/$/, "");
      const target = await getDriveSimulationTarget(organizationId, jobNumber);
      const { token } = await issueOperatorToken(adminDb(), { user: target.technicianId, organizationId, ttlSeconds: Math.ceil(steps * everySeconds) + 600 });
      const route = simulatedRoute(target.destination, { distanceMeters: km * 1000, bearingDegrees: 225, steps });
      // What the phone would report: the simulated pace, capped at city-driving speeds (the API refuses > 100 m/s).
      const speed = Math.min(25, (km * 1000) / steps / everySeconds);
      console.error(`${target.technicianName} sale hacia el trabajo #${target.number} a ${km} km (${steps} posiciones, una cada ${everySeconds} s) → ${base}`);
      let last: PositionBatchResult | null = null;
      for (const [i, point] of route.entries()) {
        const res = await fetch(`${base}/api/tracking/positions`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ positions: [{ ...point, accuracy: 10, speed, heading: 45, recordedAt: new Date().toISOString() }] }),
        });
        const body = (await res.json().catch(() => ({}))) as PositionBatchResult & { error?: { message?: string; fields?: Record<string, string> } };
        if (!res.ok) {
          const fields = Object.entries(body.error?.fields ?? {}).map(([k, v]) => `${k}: ${v}`).join("; ");
          throw new Error(`El servidor respondió ${res.status}: ${body.error?.message ?? "sin detalle"}${fields ? ` (${fields})` : ""}`);
        }
        last = body;
        const left = Math.round(haversineMeters(point, target.destination));
        console.error(`  ${String(i).padStart(3)}  faltan ${left} m · ETA ${body.eta ? (body.eta.arriving ? "llegando" : `${body.eta.minutes} min`) : "—"}${body.arrival.suggested ? " · dentro del radio de llegada" : ""}`);
        if (i < route.length - 1) await new Promise((resolve) => setTimeout(resolve, everySeconds * 1000));
      }
      return { jobId: target.jobId, number: target.number, positions: route.length, eta: last?.eta ?? null, arrival: last?.arrival ?? null };
    },
    human: (r: { number: number; positions: number; arrival: { autoArrived: boolean } | null }) =>
      `Listo: ${r.positions} posiciones enviadas para el trabajo #${r.number}${r.arrival?.autoArrived ? " (llegada automática: pasó a trabajando)" : ""}.`,
  },
];
