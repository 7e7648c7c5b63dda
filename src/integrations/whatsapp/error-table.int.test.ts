import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDialog360Provider } from "../dialog360/create-dialog360-provider";
import { createMetaProvider } from "../meta/create-meta-provider";
import { createTwilioProvider } from "../twilio/create-twilio-provider";
import { classifyProviderError, META_ERROR_RULES, TWILIO_ERROR_RULES } from "./classify-provider-error";
import { SANDBOX, startTestSandbox, startWebhookReceiver, type CapturedWebhook, type TestSandbox } from "./sandbox-harness";
import type { BspProvider, ProviderAction, SendResult, WhatsAppBSPProvider } from "./types";

// Every row of reference/WHATSAPP.md §3 (and our Twilio rows), injected as a sandbox fault and classified end to end:
// synchronous codes come back from send(); codes Meta/Twilio only report later arrive as a failed status webhook,
// which goes through the same classifier.
const CUSTOMER = "5491155550123";
const OTHER_CUSTOMER = "5493515550177";

// The reference table's rows, code by code (200–299 is represented by 200, the code the sandbox emulates).
const REFERENCE_META_CODES = [
  130429, 131056, 4, 80007, 131000, 131016, 1, 2, 131057, 131047, 131026, 131049, 131048, 131050, 131051, 131030, 131008,
  131009, 131021, 132000, 132001, 132005, 132007, 132008, 132012, 132015, 132016, 131064, 131042, 131031, 368, 130497, 190,
  0, 3, 10, 200, 130472,
];
const EXPECTED_META: Record<number, ProviderAction> = Object.fromEntries(
  REFERENCE_META_CODES.map((code) => [code, (META_ERROR_RULES[String(code)] ?? { action: "halt" }).action]),
);

// Twilio codes in our table that the sandbox does not emulate; covered by the unit tests. If the sandbox learns one,
// the guard test below fails so it moves into the end-to-end list.
const TWILIO_NOT_EMULATED = ["21614", "63032", "63003", "63049", "20005", "63112"];
const TWILIO_CODES = Object.keys(TWILIO_ERROR_RULES).filter((code) => !TWILIO_NOT_EMULATED.includes(code));

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let providers: Record<"META_DIRECT" | "DIALOG_360", WhatsAppBSPProvider>;
let twilio: WhatsAppBSPProvider;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
  providers = {
    META_DIRECT: createMetaProvider({ phoneNumberId: SANDBOX.meta.phoneNumberId, accessToken: SANDBOX.meta.accessToken }, { baseUrl: `${sandbox.url}/meta` }),
    DIALOG_360: createDialog360Provider({ apiKey: SANDBOX.dialog360.apiKey }, { baseUrl: `${sandbox.url}/d360` }),
  };
  twilio = createTwilioProvider(
    {
      accountSid: "ACsandbox00000000000000000000000000",
      authToken: "sandbox-twilio-auth-token",
      from: SANDBOX.twilio.from,
      statusCallbackUrl: `${receiver.url}/twilio-status`,
    },
    { baseUrl: `${sandbox.url}/twilio` },
  );
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => {
  await sandbox.reset();
  receiver.received.length = 0;
});

// A failed status for this message id, classified exactly as the webhook worker will.
async function asyncFailure(provider: BspProvider, messageId: string): Promise<ReturnType<typeof classifyProviderError>> {
  if (provider === "TWILIO") {
    const hook = await receiver.waitFor((h) => h.path.startsWith("/twilio-status") && form(h).get("MessageSid") === messageId && form(h).has("ErrorCode"));
    const fields = form(hook);
    expect(["failed", "undelivered"]).toContain(fields.get("MessageStatus"));
    return classifyProviderError({ provider, code: fields.get("ErrorCode") ?? undefined, message: fields.get("ErrorMessage") ?? undefined });
  }
  const hook = await receiver.waitFor((h) => h.body.includes(messageId) && h.body.includes('"failed"'));
  const status = (JSON.parse(hook.body) as MetaWebhook).entry[0]!.changes[0]!.value.statuses!.find((s) => s.id === messageId)!;
  expect(status.status).toBe("failed");
  const error = status.errors[0]!;
  return classifyProviderError({ provider, code: error.code, message: error.title, details: error.error_data?.details });
}

type MetaWebhook = {
  entry: Array<{ changes: Array<{ value: { statuses?: Array<{ id: string; status: string; errors: Array<{ code: number; title: string; error_data?: { details?: string } }> }> } }> }>;
};

function form(hook: CapturedWebhook): URLSearchParams {
  return new URLSearchParams(hook.body);
}

async function sendText(provider: WhatsAppBSPProvider, to = CUSTOMER): Promise<SendResult> {
  return provider.send({ to, content: { type: "text", body: "Hola, ¿cómo va?" } });
}

describe.each(["META_DIRECT", "DIALOG_360"] as const)("%s: every row of the error table", (name) => {
  it.each(REFERENCE_META_CODES)(`code %i is classified as the table says`, async (code) => {
    const provider = providers[name];
    await sandbox.fault({ provider: name, kind: String(code), count: 1 });
    const result = await sendText(provider);
    const error = result.ok ? await asyncFailure(name, result.providerMessageId) : result.error;
    expect(error).toMatchObject({ provider: name, code: String(code), action: EXPECTED_META[code] });
    if (!result.ok) expect(result.error.httpStatus).toBeGreaterThanOrEqual(400);
  });

  it("5xx and timeouts retry; a refused connection is a retryable network error", async () => {
    await sandbox.fault({ provider: name, kind: "5xx", count: 1 });
    const fiveHundred = await sendText(providers[name]);
    expect(fiveHundred).toMatchObject({ ok: false, error: { action: "retry" } });
    expect(!fiveHundred.ok && fiveHundred.error.httpStatus).toBeGreaterThanOrEqual(500);

    await sandbox.fault({ provider: name, kind: "timeout", count: 1, timeoutMs: 5_000 });
    const slow =
      name === "META_DIRECT"
        ? createMetaProvider({ phoneNumberId: SANDBOX.meta.phoneNumberId, accessToken: SANDBOX.meta.accessToken }, { baseUrl: `${sandbox.url}/meta`, timeoutMs: 300 })
        : createDialog360Provider({ apiKey: SANDBOX.dialog360.apiKey }, { baseUrl: `${sandbox.url}/d360`, timeoutMs: 300 });
    const started = Date.now();
    const timedOut = await sendText(slow);
    expect(timedOut).toEqual({ ok: false, error: { provider: name, code: "timeout", title: "No response within 300 ms", action: "retry" } });
    expect(Date.now() - started).toBeLessThan(3_000);

    const unreachable = createDialog360Provider({ apiKey: "k" }, { baseUrl: "http://127.0.0.1:9" });
    expect(await sendText(unreachable)).toMatchObject({ ok: false, error: { code: "network_error", action: "retry" } });
  });

  it("the pair rate limit (131056) hits one recipient only", async () => {
    await sandbox.fault({ provider: name, kind: "131056", phone: CUSTOMER });
    expect(await sendText(providers[name], CUSTOMER)).toMatchObject({ ok: false, error: { code: "131056", action: "retry_recipient", retryAfterMs: 6000 } });
    expect((await sendText(providers[name], OTHER_CUSTOMER)).ok).toBe(true);
  });
});

describe("TWILIO: every Twilio row the sandbox emulates", () => {
  it.each(TWILIO_CODES)("code %s is classified as the table says", async (code) => {
    await sandbox.fault({ provider: "TWILIO", kind: code, count: 1 });
    const result = await sendText(twilio);
    const error = result.ok ? await asyncFailure("TWILIO", result.providerMessageId) : result.error;
    expect(error).toMatchObject({ provider: "TWILIO", code, action: TWILIO_ERROR_RULES[code]!.action });
  });

  it("free-form text outside the 24 h window fails with 63016 → use_template", async () => {
    const result = await sendText(twilio, OTHER_CUSTOMER);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(await asyncFailure("TWILIO", result.providerMessageId)).toMatchObject({ code: "63016", action: "use_template" });
  });

  it("5xx and timeouts retry", async () => {
    await sandbox.fault({ provider: "TWILIO", kind: "5xx", count: 1 });
    expect(await sendText(twilio)).toMatchObject({ ok: false, error: { code: "20500", action: "retry", httpStatus: 500 } });
    await sandbox.fault({ provider: "TWILIO", kind: "timeout", count: 1, timeoutMs: 5_000 });
    const slow = createTwilioProvider(
      { accountSid: "ACsandbox00000000000000000000000000", authToken: "sandbox-twilio-auth-token", from: SANDBOX.twilio.from },
      { baseUrl: `${sandbox.url}/twilio`, timeoutMs: 300 },
    );
    expect(await sendText(slow)).toMatchObject({ ok: false, error: { code: "timeout", action: "retry" } });
  });

  it("codes the sandbox does not emulate are really unknown to it (else move them into the end-to-end list)", async () => {
    for (const code of TWILIO_NOT_EMULATED) {
      await expect(sandbox.fault({ provider: "TWILIO", kind: code })).rejects.toThrow(/400/);
    }
  });
});
