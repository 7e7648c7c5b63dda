import type { Redis } from "ioredis";
import { createWhatsAppProvider, type WhatsAppAccountInput, type WhatsAppBSPProvider } from "../../integrations/whatsapp";
import { sendTwilioSms } from "../../integrations/twilio";
import type { ClientConfig } from "../../integrations/whatsapp";
import { env } from "../../lib/env";
import { createRedis } from "../../lib/redis";
import { getQueue } from "../../workers/queue-registry";
import { deliverJobId } from "./outbound-keys";

// What the delivery worker talks to. Production uses env (real providers or the sandbox); tests point the same
// real HTTP clients at a sandbox on a random port and drive a controllable clock.
export type DeliveryDeps = {
  now: () => number;
  redis: Redis;
  providerFor: (account: WhatsAppAccountInput) => WhatsAppBSPProvider;
  sendSms: typeof sendTwilioSms;
  twilioConfig?: ClientConfig;
  // Runs a delivery that sleeps behind an earlier message of its conversation now (issue 22: order per conversation).
  wake: (messageId: string) => Promise<void>;
};

// Workers wait for Redis rather than fail fast (the web's shared producer connection refuses commands until it
// is connected): one lazily created connection per worker process for limits, backoffs and panic outcomes.
// issue 22 (outbound): auto-pipelined, so the commands of the many deliveries a worker runs at once leave in one
// write per event-loop turn instead of one each (order per connection is unchanged; Lua scripts stay atomic).
let workerRedis: Redis | undefined;

export function defaultDeliveryDeps(): DeliveryDeps {
  workerRedis ??= createRedis("worker", undefined, { enableAutoPipelining: true });
  return {
    now: () => Date.now(),
    redis: workerRedis,
    providerFor: (account) =>
      createWhatsAppProvider(account, { statusCallbackUrl: `${env.PUBLIC_BASE_URL}/api/webhooks/twilio/status` }),
    sendSms: sendTwilioSms,
    wake: async (messageId) => {
      const job = await getQueue("outbound").getJob(deliverJobId(messageId));
      if (job && (await job.isDelayed())) await job.promote().catch(() => {});
    },
  };
}
