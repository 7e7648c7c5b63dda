import { Counter } from "prom-client";
import { boundedLabel, defineMetric } from "./registry";

// Every send handed to a provider (WhatsApp through its BSP, SMS fallback through Twilio). result: sent (the
// provider accepted it) or failed (it answered an error; code is the provider's error code, e.g. 131049, 130429).
export const outboundSendsTotal = defineMetric(
  "campotech_outbound_sends_total",
  (registers) =>
    new Counter({
      name: "campotech_outbound_sends_total",
      help: "Outbound sends handed to a provider, by channel, provider, result (sent, failed) and provider error code",
      labelNames: ["channel", "provider", "result", "code"] as const,
      registers,
    }),
);

export function countOutboundSend(input: { channel: "whatsapp" | "sms"; provider: string; error?: { code: string } }): void {
  outboundSendsTotal.inc({
    channel: input.channel,
    provider: boundedLabel(input.provider.toLowerCase()),
    result: input.error ? "failed" : "sent",
    code: input.error ? boundedLabel(input.error.code) : "",
  });
}
