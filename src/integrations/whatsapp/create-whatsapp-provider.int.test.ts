import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encryptJson, type Keyring } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { createLogger } from "../../lib/logger";
import { createWhatsAppProvider, type WhatsAppAccountInput } from "./create-whatsapp-provider";
import { SANDBOX, startTestSandbox, startWebhookReceiver, type TestSandbox } from "./sandbox-harness";

// The factory builds each provider from a WhatsAppBusinessAccount-shaped object whose credentials are sealed,
// decrypting them only there; nothing it returns or throws carries the plaintext.
const CUSTOMER = "5491155550123";
const keyring: Keyring = { keys: new Map([["test-key", randomBytes(32)]]), activeKeyId: "test-key" };
const otherKeyring: Keyring = { keys: new Map([["other-key", randomBytes(32)]]), activeKeyId: "other-key" };

const accounts: Record<string, WhatsAppAccountInput> = {
  META_DIRECT: {
    bspProvider: "META_DIRECT",
    phoneNumberId: SANDBOX.meta.phoneNumberId,
    wabaId: SANDBOX.meta.wabaId,
    displayPhoneNumber: SANDBOX.meta.display,
    credentialsEncrypted: encryptJson({ accessToken: SANDBOX.meta.accessToken }, keyring),
  },
  DIALOG_360: {
    bspProvider: "DIALOG_360",
    phoneNumberId: SANDBOX.dialog360.phoneNumberId,
    displayPhoneNumber: SANDBOX.dialog360.display,
    credentialsEncrypted: encryptJson({ apiKey: SANDBOX.dialog360.apiKey }, keyring),
  },
  // On the platform's Twilio account: no SID/token stored, env supplies them.
  TWILIO: {
    bspProvider: "TWILIO",
    phoneNumberId: `+${SANDBOX.twilio.from}`,
    displayPhoneNumber: SANDBOX.twilio.from,
    credentialsEncrypted: encryptJson({}, keyring),
  },
};
const baseUrls = (url: string): Record<string, string> => ({ META_DIRECT: `${url}/meta`, DIALOG_360: `${url}/d360`, TWILIO: `${url}/twilio` });
const SECRETS = [SANDBOX.meta.accessToken, SANDBOX.dialog360.apiKey, "sandbox-twilio-auth-token"];

let sandbox: TestSandbox;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startWebhookReceiver();
  await sandbox.pointWebhooksAt(receiver.url);
});
afterAll(async () => {
  await sandbox?.close();
  await receiver?.close();
});
beforeEach(async () => {
  await sandbox.reset();
  await sandbox.control("POST", `/_sandbox/customers/${CUSTOMER}/messages`, { provider: "TWILIO", type: "text", text: "Hola" });
});

function captureLogs(): { logger: ReturnType<typeof createLogger>; output: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination }), output: () => chunks.join("") };
}

describe("createWhatsAppProvider", () => {
  it.each(Object.keys(accounts))("%s: builds from the encrypted account, sends and is healthy", async (name) => {
    const account = accounts[name]!;
    const provider = createWhatsAppProvider(account, { keyring, baseUrl: baseUrls(sandbox.url)[name] });
    expect(provider.provider).toBe(name);
    const result = await provider.send({ to: CUSTOMER, content: { type: "text", body: "Hola desde CampoTech" } });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect((await provider.healthCheck()).healthy).toBe(true);
    const recorded = await sandbox.requests(name === "META_DIRECT" ? "meta" : name === "DIALOG_360" ? "dialog360" : "twilio");
    expect(recorded.length).toBeGreaterThanOrEqual(2);
  });

  it("nothing it returns, throws or logs contains a credential", async () => {
    const { logger, output } = captureLogs();
    for (const [name, account] of Object.entries(accounts)) {
      const provider = createWhatsAppProvider(account, { keyring, baseUrl: baseUrls(sandbox.url)[name] });
      const sent = await provider.send({ to: CUSTOMER, content: { type: "text", body: "Hola" } });
      await sandbox.fault({ provider: name as "META_DIRECT", kind: name === "TWILIO" ? "20003" : "190", count: 1 });
      const failed = await provider.send({ to: CUSTOMER, content: { type: "text", body: "Hola" } });
      expect(failed.ok).toBe(false);
      const health = await provider.healthCheck();
      logger.info({ account, provider, sent, failed, health }, "provider exercised");
      logger.error({ err: new AppError("SERVICE_UNAVAILABLE", { cause: failed }) }, "send failed");
    }
    // A wrong key fails at build time, without echoing anything sealed.
    let thrown: unknown;
    try {
      createWhatsAppProvider(accounts.META_DIRECT!, { keyring: otherKeyring });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "INTERNAL", detail: "META_DIRECT credentials could not be decrypted" });
    logger.error({ err: thrown }, "could not build provider");

    const logs = output();
    expect(logs).toContain("provider exercised");
    expect(logs).toContain('"code":"190"');
    for (const secret of SECRETS) expect(logs).not.toContain(secret);
  });

  it("rejects incomplete credentials naming only the missing field", () => {
    const account = { ...accounts.META_DIRECT!, credentialsEncrypted: encryptJson({ token: "sandbox-meta-access-token-demo" }, keyring) };
    expect(() => createWhatsAppProvider(account, { keyring })).toThrow(AppError);
    try {
      createWhatsAppProvider(account, { keyring });
    } catch (error) {
      expect((error as AppError).detail).toBe("META_DIRECT credentials are incomplete (accessToken)");
      expect(JSON.stringify(error)).not.toContain("sandbox-meta-access-token-demo");
    }
  });

  it("an organization's own Twilio account overrides env, and its ContentSid map is used", async () => {
    const account: WhatsAppAccountInput = {
      ...accounts.TWILIO!,
      credentialsEncrypted: encryptJson(
        { accountSid: "ACsandbox00000000000000000000000000", authToken: "not-the-real-token", contentSids: { welcome: "HXca110000000000000000000000000005" } },
        keyring,
      ),
    };
    const provider = createWhatsAppProvider(account, { keyring, baseUrl: `${sandbox.url}/twilio` });
    const result = await provider.send({ to: CUSTOMER, content: { type: "template", name: "welcome", components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }] } });
    // The sandbox knows the SID but not this token: the org's credentials were used, not env's.
    expect(result).toMatchObject({ ok: false, error: { code: "20003", action: "halt" } });
    const request = await sandbox.lastRequest("twilio", "/Messages.json");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("ACsandbox00000000000000000000000000:not-the-real-token").toString("base64")}`);
    expect(request.body).toMatchObject({ ContentSid: "HXca110000000000000000000000000005" });
  });

  it("a released number (no phoneNumberId) cannot build a Meta client", () => {
    expect(() => createWhatsAppProvider({ ...accounts.META_DIRECT!, phoneNumberId: null }, { keyring })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED", detail: "META_DIRECT account has no phoneNumberId (released?)" }),
    );
  });
});
