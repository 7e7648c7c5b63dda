import { describe, expect, it } from "vitest";
import { toDialog360MediaUrl } from "./create-dialog360-provider";

describe("toDialog360MediaUrl", () => {
  it("swaps Meta's lookaside host for 360dialog's, keeping path and query", () => {
    expect(toDialog360MediaUrl("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=123&ext=1&hash=abc", "https://waba-v2.360dialog.io")).toBe(
      "https://waba-v2.360dialog.io/whatsapp_business/attachments/?mid=123&ext=1&hash=abc",
    );
  });

  it("leaves URLs already on 360dialog (or the sandbox) alone", () => {
    const url = "http://127.0.0.1:4010/d360/whatsapp_business/attachments/?mid=1";
    expect(toDialog360MediaUrl(url, "http://127.0.0.1:4010/d360")).toBe(url);
  });
});
