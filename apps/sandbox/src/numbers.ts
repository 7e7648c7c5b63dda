import { z } from "zod";
import type { SandboxConfig } from "./config.ts";
import { newGraphId } from "./ids.ts";
import type { BusinessNumber, Provider, SandboxState } from "./state.ts";

// The built-in numbers match the demo organization's seed, so a fresh `pnpm start` talks to the sandbox end to end.
export const DEMO = {
  meta: {
    phoneNumberId: "100000000000001",
    wabaId: "200000000000001",
    displayPhoneNumber: "541152630000",
    accessToken: "sandbox-meta-access-token-demo",
  },
  dialog360: {
    phoneNumberId: "100000000000002",
    wabaId: "200000000000002",
    displayPhoneNumber: "541152630001",
    apiKey: "sandbox-d360-api-key-demo",
    // The custom header the platform configures through /v1/configs/webhook; matches the demo seed's webhook secret.
    webhookHeaders: { "x-campotech-webhook-secret": "sandbox-d360-org-webhook-secret-demo" },
  },
  twilio: { displayPhoneNumber: "5491152630002", wabaId: "200000000000003" },
} as const;

export function defaultNumbers(config: SandboxConfig): BusinessNumber[] {
  const base = config.publicBaseUrl;
  return [
    {
      provider: "META_DIRECT",
      ...DEMO.meta,
      verifiedName: "CampoTech Demo",
      webhookUrl: `${base}/api/webhooks/whatsapp`,
      webhookHeaders: {},
      builtIn: true,
    },
    {
      provider: "DIALOG_360",
      ...DEMO.dialog360,
      verifiedName: "CampoTech Demo (360dialog)",
      webhookUrl: `${base}/api/webhooks/dialog360?orgId=demo-org`,
      webhookHeaders: { ...DEMO.dialog360.webhookHeaders },
      builtIn: true,
    },
    {
      provider: "TWILIO",
      // Twilio has no phone number id; the E.164 address plays that role inside the sandbox.
      phoneNumberId: `+${DEMO.twilio.displayPhoneNumber}`,
      wabaId: DEMO.twilio.wabaId,
      displayPhoneNumber: DEMO.twilio.displayPhoneNumber,
      verifiedName: "CampoTech Demo (Twilio)",
      accountSid: config.twilioAccountSid,
      authToken: config.twilioAuthToken,
      webhookUrl: `${base}/api/webhooks/twilio`,
      statusCallbackUrl: `${base}/api/webhooks/twilio/status`,
      webhookHeaders: {},
      builtIn: true,
    },
  ];
}

export const registerNumberSchema = z.object({
  provider: z.enum(["META_DIRECT", "DIALOG_360", "TWILIO"]),
  phoneNumberId: z.string().min(1).optional(),
  wabaId: z.string().min(1).optional(),
  displayPhoneNumber: z.string().regex(/^\+?\d{8,15}$/, "digits, 8-15"),
  verifiedName: z.string().min(1).optional(),
  accessToken: z.string().min(1).optional(),
  apiKey: z.string().min(1).optional(),
  accountSid: z.string().regex(/^AC\w+$/).optional(),
  authToken: z.string().min(1).optional(),
  webhookUrl: z.url().optional(),
  webhookHeaders: z.record(z.string(), z.string()).optional(),
  statusCallbackUrl: z.url().optional(),
});

export type RegisterNumberInput = z.infer<typeof registerNumberSchema>;

export function registerNumber(state: SandboxState, input: RegisterNumberInput): BusinessNumber {
  const base = state.config.publicBaseUrl;
  const digits = input.displayPhoneNumber.replace(/\D/g, "");
  const isTwilio = input.provider === "TWILIO";
  const number: BusinessNumber = {
    provider: input.provider,
    phoneNumberId: input.phoneNumberId ?? (isTwilio ? `+${digits}` : newGraphId().slice(1)),
    wabaId: input.wabaId ?? newGraphId().slice(1),
    displayPhoneNumber: digits,
    verifiedName: input.verifiedName ?? "Sandbox Business",
    webhookUrl: input.webhookUrl ?? defaultWebhookUrl(base, input.provider),
    webhookHeaders: input.webhookHeaders ?? {},
    builtIn: false,
  };
  if (input.provider === "META_DIRECT") number.accessToken = input.accessToken ?? `sandbox-meta-token-${number.phoneNumberId}`;
  if (input.provider === "DIALOG_360") number.apiKey = input.apiKey ?? `sandbox-d360-key-${number.phoneNumberId}`;
  if (isTwilio) {
    number.accountSid = input.accountSid ?? state.config.twilioAccountSid;
    number.authToken = input.authToken ?? state.config.twilioAuthToken;
    number.statusCallbackUrl = input.statusCallbackUrl ?? `${base}/api/webhooks/twilio/status`;
  }
  // Re-registering the same id replaces it, so tests can re-point a number without a reset.
  state.numbers = state.numbers.filter((n) => n.phoneNumberId !== number.phoneNumberId);
  state.numbers.push(number);
  return number;
}

function defaultWebhookUrl(base: string, provider: Provider): string {
  if (provider === "META_DIRECT") return `${base}/api/webhooks/whatsapp`;
  if (provider === "DIALOG_360") return `${base}/api/webhooks/dialog360`;
  return `${base}/api/webhooks/twilio`;
}

export function findByPhoneNumberId(state: SandboxState, id: string): BusinessNumber | undefined {
  return state.numbers.find((n) => n.phoneNumberId === id && n.provider !== "TWILIO");
}

/** Resolves "to" of a simulated customer message: a phone number id, a display number, or a Twilio address. */
export function resolveBusinessNumber(state: SandboxState, to: string | undefined): BusinessNumber | undefined {
  if (to === undefined) return state.numbers.find((n) => n.provider === "META_DIRECT");
  const digits = to.replace(/^whatsapp:/, "").replace(/\D/g, "");
  return (
    state.numbers.find((n) => n.phoneNumberId === to) ??
    state.numbers.find((n) => n.displayPhoneNumber === digits)
  );
}

/** Public view: what GET /_sandbox/numbers shows (secrets included — it is a sandbox). */
export function numberView(n: BusinessNumber): Record<string, unknown> {
  return { ...n };
}
