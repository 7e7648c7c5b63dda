// Test fixture run as a separate process by get-arca-ticket.int.test.ts: one "worker" asking for the organization's
// WSAA ticket at the same moment as another. Prints the token it got.
import { closeSharedRedis, sharedRedis } from "../../lib/redis";
import { loadArcaContext } from "./arca-context";
import { getArcaTicket } from "./get-arca-ticket";

const organizationId = process.argv[2]!;
const startAt = Number(process.argv[3]);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
const ctx = await loadArcaContext(organizationId);
const auth = await getArcaTicket(ctx, { redis: sharedRedis(), now: () => Date.now() });
console.log(JSON.stringify({ token: auth.token }));
await closeSharedRedis();
process.exit(0);
