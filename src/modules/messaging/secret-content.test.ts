import { describe, expect, it } from "vitest";
import type { OutboundContent } from "../../contracts/whatsapp";
import { redactContent, SECRET_MASK, sealContent, unsealContent } from "./secret-content";

const otp: OutboundContent = {
  type: "template",
  name: "otp_code",
  language: "es_AR",
  components: [
    { type: "body", parameters: [{ type: "text", text: "048213" }] },
    { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "048213" }] },
  ],
} as OutboundContent;

describe("login code content", () => {
  it("is stored with every text parameter and its appearances in the preview masked", () => {
    const { content, preview } = redactContent(otp, "048213 es tu código de verificación.");
    expect(JSON.stringify(content)).not.toContain("048213");
    expect(preview).toBe(`${SECRET_MASK} es tu código de verificación.`);
    expect(content).toMatchObject({ type: "template", name: "otp_code" });
  });

  it("masks free text whole", () => {
    const { content, preview } = redactContent({ type: "text", body: "Tu código: 048213" } as OutboundContent, "Tu código: 048213");
    expect(JSON.stringify({ content, preview })).not.toContain("048213");
  });

  it("round-trips through the sealed copy, which does not show the code", () => {
    const sealed = sealContent({ content: otp, preview: "048213 es tu código" });
    expect(sealed).not.toContain("048213");
    expect(unsealContent(sealed)).toEqual({ content: otp, preview: "048213 es tu código" });
  });
});
