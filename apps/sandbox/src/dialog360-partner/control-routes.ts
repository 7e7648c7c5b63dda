import { z } from "zod";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { partnerNow, sweepReservations } from "./state.ts";

const advanceSchema = z.object({ ms: z.number().int().min(0) });

// Control API for the Partner API emulation (no auth, local only): what the pool looks like, the codes sent (tests
// read them here or from the phone's inbox), and a clock to move forward so reservation/code expiry is testable.
export function registerPartnerControlRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/_sandbox/dialog360/partner", () => {
    const p = state.dialog360Partner;
    sweepReservations(p);
    return json(200, {
      now: new Date(partnerNow(p)).toISOString(),
      pool: p.pool,
      reservations: [...p.reservations.values()],
      channels: [...p.channels.values()],
    });
  });
  router.on("POST", "/_sandbox/dialog360/partner/clock", (ctx) => {
    const parsed = advanceSchema.safeParse(ctx.body.kind === "json" ? ctx.body.value : undefined);
    if (!parsed.success) return json(400, { error: "send {ms: <milliseconds to move the partner clock forward>}" });
    state.dialog360Partner.clockOffsetMs += parsed.data.ms;
    sweepReservations(state.dialog360Partner);
    return json(200, { now: new Date(partnerNow(state.dialog360Partner)).toISOString() });
  });
}
