import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("logger redaction", () => {
  it("redacts tokens, authorization headers, app secrets and OTP codes", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        headers: { authorization: "Bearer EAAG-secret", "x-hub-signature-256": "sha256=abc" },
        accessToken: "EAAG-secret-2",
        appSecret: "meta-app-secret",
        otp: "123456",
        otpCode: "654321",
        account: { apiKey: "d360-key", authToken: "twilio-token" },
        requestId: "req-1",
      },
      "webhook",
    );
    const out = lines.join("");
    for (const secret of ["EAAG-secret", "meta-app-secret", "123456", "d360-key", "twilio-token", "sha256=abc", "654321"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("[REDACTED]");
    expect(out).toContain("req-1");
  });

  it("redacts session cookies and sealed login codes", () => {
    const { lines, logger } = capture();
    logger.warn({ headers: { cookie: "ct_access=eyJ-session", "set-cookie": "ct_refresh=org.refresh" }, delivery: { sealedContent: "v1.k.iv.tag.cipher" } }, "req");
    const out = lines.join("");
    for (const secret of ["eyJ-session", "org.refresh", "v1.k.iv.tag.cipher"]) expect(out).not.toContain(secret);
  });
});
