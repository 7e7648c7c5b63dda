import type { AlertRule } from "./alert-rule";
import { evaluateAiResponseRate } from "./evaluate-ai-response-rate";
import { evaluateDeliverySuccess } from "./evaluate-delivery-success";
import { evaluateInboundDeadLetters } from "./evaluate-inbound-dead-letters";
import { evaluatePanicMode } from "./evaluate-panic-mode";
import { evaluateQueueBacklog } from "./evaluate-queue-backlog";
import { evaluateTemplateRejected } from "./evaluate-template-rejected";
import { evaluateUsage } from "./evaluate-usage";
import { evaluateWebhookLatency } from "./evaluate-webhook-latency";

// Every rule the alerts job runs. A new rule is one evaluate-<rule>.ts returning readings, added here; evaluateAlerts does the recording, dedupe, resolution and notices.
export const ALERT_RULES: readonly AlertRule[] = [
  { kind: "webhook_latency", notify: ["platform"], evaluate: evaluateWebhookLatency },
  { kind: "delivery_success", notify: ["business", "platform"], evaluate: evaluateDeliverySuccess },
  { kind: "ai_response_rate", notify: ["business", "platform"], evaluate: evaluateAiResponseRate },
  { kind: "usage", notify: ["business"], evaluate: evaluateUsage },
  { kind: "queue_backlog", notify: ["platform"], evaluate: evaluateQueueBacklog },
  { kind: "panic_mode", notify: ["business", "platform"], evaluate: evaluatePanicMode },
  { kind: "template_rejected", notify: ["business"], evaluate: evaluateTemplateRejected },
  { kind: "inbound_dead_letters", notify: ["business", "platform"], evaluate: evaluateInboundDeadLetters }, // issue 22
];
