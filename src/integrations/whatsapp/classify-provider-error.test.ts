import { describe, expect, it } from "vitest";
import { classifyProviderError, parseRetryAfter } from "./classify-provider-error";
import type { ProviderAction } from "./types";

// reference/WHATSAPP.md §3, row by row, plus the Twilio codes and transport rules of the issue.
const META: Array<[number, ProviderAction]> = [
  [130429, "retry"], [131056, "retry_recipient"], [4, "retry"], [80007, "retry"], [131000, "retry"], [131016, "retry"],
  [1, "retry"], [2, "retry"], [131057, "retry"], [131047, "use_template"], [131026, "fail"], [131049, "fail"],
  [131048, "halt"], [131050, "fail"], [131051, "fail"], [131030, "fail"], [131008, "fail"], [131009, "fail"],
  [131021, "fail"], [132000, "fail"], [132001, "fail"], [132005, "fail"], [132007, "fail"], [132008, "fail"],
  [132012, "fail"], [132015, "fail"], [132016, "fail"], [131064, "fail"], [131042, "halt"], [131031, "halt"],
  [368, "halt"], [130497, "fail"], [190, "halt"], [0, "halt"], [3, "halt"], [10, "halt"], [200, "halt"],
  [250, "halt"], [299, "halt"], [130472, "fail"],
];

const TWILIO: Array<[number, ProviderAction]> = [
  [63016, "use_template"], [63018, "retry"], [63024, "fail"], [21211, "fail"], [21614, "fail"], [20003, "halt"],
  [63032, "fail"], [20429, "retry"], [63021, "fail"],
];

describe("classifyProviderError", () => {
  it.each(META)("Meta %i → %s, whatever the HTTP status", (code, action) => {
    for (const httpStatus of [400, 500]) {
      const error = classifyProviderError({ provider: "META_DIRECT", code, httpStatus });
      expect(error).toMatchObject({ provider: "META_DIRECT", code: String(code), action, httpStatus });
      expect(error.title.length).toBeGreaterThan(3);
    }
  });

  it.each(META)("360dialog passes Meta's %i through with the same action %s", (code, action) => {
    expect(classifyProviderError({ provider: "DIALOG_360", code, httpStatus: 400 }).action).toBe(action);
  });

  it.each(TWILIO)("Twilio %i → %s", (code, action) => {
    expect(classifyProviderError({ provider: "TWILIO", code, httpStatus: 400 })).toMatchObject({ code: String(code), action });
  });

  it("does not read Meta codes on Twilio errors (63016 is not a Graph code, 190 not a Twilio one)", () => {
    expect(classifyProviderError({ provider: "META_DIRECT", code: 63016, httpStatus: 400 }).action).toBe("fail");
    expect(classifyProviderError({ provider: "TWILIO", code: 190, httpStatus: 400 }).action).toBe("fail");
    expect(classifyProviderError({ provider: "TWILIO", code: 250, httpStatus: 400 }).action).toBe("fail");
  });

  it("falls back to the HTTP status: 429 and 5xx retry, 401/403 halt, other 4xx fail", () => {
    expect(classifyProviderError({ provider: "DIALOG_360", httpStatus: 503 })).toMatchObject({ code: "http_503", action: "retry" });
    expect(classifyProviderError({ provider: "TWILIO", httpStatus: 429 })).toMatchObject({ code: "http_429", action: "retry" });
    expect(classifyProviderError({ provider: "DIALOG_360", httpStatus: 401 })).toMatchObject({ code: "http_401", action: "halt" });
    expect(classifyProviderError({ provider: "META_DIRECT", code: 999999, httpStatus: 400 }).action).toBe("fail");
    expect(classifyProviderError({ provider: "META_DIRECT", code: 999999, httpStatus: 502 }).action).toBe("retry");
  });

  it("trusts Graph's is_transient for codes outside the table", () => {
    expect(classifyProviderError({ provider: "META_DIRECT", code: 777, httpStatus: 400, isTransient: true }).action).toBe("retry");
    // …but never over the table: a transient-flagged 190 still halts.
    expect(classifyProviderError({ provider: "META_DIRECT", code: 190, httpStatus: 401, isTransient: true }).action).toBe("halt");
  });

  it("keeps retryAfterMs only for retryable actions, preferring the header", () => {
    expect(classifyProviderError({ provider: "META_DIRECT", code: 131056 }).retryAfterMs).toBe(6000);
    expect(classifyProviderError({ provider: "META_DIRECT", code: 130429, retryAfterMs: 2500 }).retryAfterMs).toBe(2500);
    expect(classifyProviderError({ provider: "META_DIRECT", code: 190, retryAfterMs: 2500 }).retryAfterMs).toBeUndefined();
  });

  it("keeps the provider's message as details when the table supplies the title", () => {
    const error = classifyProviderError({ provider: "TWILIO", code: 21211, message: "The 'To' number 123 is not valid." });
    expect(error.details).toBe("The 'To' number 123 is not valid.");
    const unknown = classifyProviderError({ provider: "TWILIO", code: 12345, message: "Something odd", httpStatus: 400 });
    expect(unknown.title).toBe("Something odd");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(null)).toBeUndefined();
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTenSeconds)).toBeGreaterThan(8000);
    expect(parseRetryAfter("garbage")).toBeUndefined();
  });
});
