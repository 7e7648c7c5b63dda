import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { buildWaLink, shortWaLink } from "./build-wa-link";
import { defaultWaLinkMessage, storedWaLinkMessage, WA_LINK_MESSAGE_MAX, waLinkMessageInputSchema } from "./wa-link-settings";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, message: error.message } : { code: "other", message: String(error) };
  }
  return null;
};

describe("buildWaLink", () => {
  it("keeps only the digits of the number (E.164, spaces, dashes, parentheses)", () => {
    expect(buildWaLink({ phone: "+54 9 11 2345-6789" })).toBe("https://wa.me/5491123456789");
    expect(buildWaLink({ phone: "(54) 11 5263-0000", message: "" })).toBe("https://wa.me/541152630000");
    expect(buildWaLink({ phone: "5491123456789", message: "   " })).toBe("https://wa.me/5491123456789");
  });

  it("percent-encodes the message as UTF-8: accents, ñ, emoji, &, ?, #, + and line breaks stay part of the text", () => {
    const link = buildWaLink({ phone: "+5491123456789", message: "Hola Peña & Cía: ¿cuánto sale? 🔧 #1 +IVA\nGracias" });
    expect(link).toBe(
      "https://wa.me/5491123456789?text=Hola%20Pe%C3%B1a%20%26%20C%C3%ADa%3A%20%C2%BFcu%C3%A1nto%20sale%3F%20%F0%9F%94%A7%20%231%20%2BIVA%0AGracias",
    );
    const url = new URL(link);
    expect(url.searchParams.get("text")).toBe("Hola Peña & Cía: ¿cuánto sale? 🔧 #1 +IVA\nGracias");
    expect([...url.searchParams.keys()]).toEqual(["text"]);
    expect(url.hash).toBe("");
  });

  it("trims the message and accepts exactly the maximum length counted in characters (an emoji is one)", () => {
    expect(buildWaLink({ phone: "5491123456789", message: "  Hola  " })).toBe("https://wa.me/5491123456789?text=Hola");
    const emoji = "🔧".repeat(WA_LINK_MESSAGE_MAX);
    expect(emoji.length).toBe(2 * WA_LINK_MESSAGE_MAX); // UTF-16 units: twice the characters
    expect(new URL(buildWaLink({ phone: "5491123456789", message: emoji })).searchParams.get("text")).toBe(emoji);
    expect(codeOf(() => buildWaLink({ phone: "5491123456789", message: `${emoji}!` }))).toEqual({
      code: "VALIDATION_FAILED",
      message: `El mensaje puede tener hasta ${WA_LINK_MESSAGE_MAX} caracteres.`,
    });
  });

  it("refuses a missing number with a Spanish reason, and numbers that cannot be international", () => {
    expect(codeOf(() => buildWaLink({ phone: null, message: "Hola" }))).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("todavía no tiene un número de WhatsApp") });
    expect(codeOf(() => buildWaLink({ phone: "sin número" }))?.code).toBe("CONFLICT");
    expect(codeOf(() => buildWaLink({ phone: "1234567" }))?.code).toBe("INVALID_PHONE");
    expect(codeOf(() => buildWaLink({ phone: "5491123456789012" }))?.code).toBe("INVALID_PHONE");
    expect(codeOf(() => buildWaLink({ phone: "01123456789" }))?.code).toBe("INVALID_PHONE");
  });

  it("shortens a link to what is printed under a QR", () => {
    expect(shortWaLink("https://wa.me/5491123456789?text=Hola%20che")).toBe("wa.me/5491123456789");
  });
});

describe("wa.me link settings", () => {
  it("defaults to a greeting with the business's name and reads a stored message", () => {
    expect(defaultWaLinkMessage(" Gas del Oeste ")).toBe("Hola Gas del Oeste, quiero consultar por un trabajo");
    expect(storedWaLinkMessage({ waLink: { message: "Hola, ¿atienden hoy?" }, notifications: {} })).toBe("Hola, ¿atienden hoy?");
    expect(storedWaLinkMessage({})).toBeNull();
    expect(storedWaLinkMessage(null)).toBeNull();
    // A malformed blob reads as no message rather than breaking the link.
    expect(storedWaLinkMessage({ waLink: { message: 42 } })).toBeNull();
    expect(storedWaLinkMessage({ waLink: "x" })).toBeNull();
  });

  it("validates the PUT body: at most 300 characters, no control characters, null resets", () => {
    expect(waLinkMessageInputSchema.parse({ message: "  Hola\nche  " })).toEqual({ message: "Hola\nche" });
    expect(waLinkMessageInputSchema.parse({ message: null })).toEqual({ message: null });
    expect(waLinkMessageInputSchema.safeParse({ message: "a".repeat(301) }).success).toBe(false);
    expect(waLinkMessageInputSchema.safeParse({ message: "ñ".repeat(300) }).success).toBe(true);
    expect(waLinkMessageInputSchema.safeParse({ message: "Hola\u0007" }).success).toBe(false);
    expect(waLinkMessageInputSchema.safeParse({ message: "Hola", extra: 1 }).success).toBe(false);
  });
});
