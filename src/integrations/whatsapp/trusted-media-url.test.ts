import { describe, expect, it } from "vitest";
import { isTrustedMediaUrl } from "./trusted-media-url";

const hosts = ["fbsbx.com", "twilio.com"];

describe("isTrustedMediaUrl", () => {
  it("trusts the configured base origin and HTTPS provider hosts (and their subdomains)", () => {
    expect(isTrustedMediaUrl("http://127.0.0.1:4010/meta/media-download/x", "http://127.0.0.1:4010/meta", hosts)).toBe(true);
    expect(isTrustedMediaUrl("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", "https://graph.facebook.com", hosts)).toBe(true);
    expect(isTrustedMediaUrl("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "https://api.twilio.com", hosts)).toBe(true);
  });

  it("refuses other hosts, look-alikes, plain HTTP and garbage", () => {
    expect(isTrustedMediaUrl("https://evil.example/x", "https://graph.facebook.com", hosts)).toBe(false);
    expect(isTrustedMediaUrl("https://notfbsbx.com/x", "https://graph.facebook.com", hosts)).toBe(false);
    expect(isTrustedMediaUrl("https://fbsbx.com.evil.example/x", "https://graph.facebook.com", hosts)).toBe(false);
    expect(isTrustedMediaUrl("http://lookaside.fbsbx.com/x", "https://graph.facebook.com", hosts)).toBe(false);
    expect(isTrustedMediaUrl("http://127.0.0.1:4011/x", "http://127.0.0.1:4010/meta", hosts)).toBe(false);
    expect(isTrustedMediaUrl("not a url", "https://graph.facebook.com", hosts)).toBe(false);
  });
});
