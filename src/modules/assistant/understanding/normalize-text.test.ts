import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text";

describe("normalizeText", () => {
  it("lowercases and strips accents, ñ included", () => {
    expect(normalizeText("Mañana ÚLTIMO calefón")).toBe("manana ultimo calefon");
  });

  it("collapses letters repeated three or more times and doubled final vowels", () => {
    expect(normalizeText("Holaaaa buen diaa graciasss")).toBe("hola buen dia gracias");
    expect(normalizeText("lee cree")).toBe("lee cree");
  });

  it("expands WhatsApp abbreviations", () => {
    expect(normalizeText("q hora? xq mñn no pq tmb bn d nada x favor porfa xfa k onda mñna")).toBe(
      "que hora porque manana no porque tambien bien de nada por favor por favor por favor que onda manana",
    );
  });

  it("keeps times and dates, unifying 10 hs / 10h as 10hs", () => {
    expect(normalizeText("a las 10:30, o 10hs o 10 hs o 9h; el 15/12")).toBe("a las 10:30 o 10hs o 10hs o 9hs el 15/12");
    expect(normalizeText("a las 10.30")).toBe("a las 10:30");
    expect(normalizeText("$38.000")).toBe("38 000");
  });

  it("turns punctuation into single spaces", () => {
    expect(normalizeText("  ¿¡Hola!!,   cómo   andan?? ")).toBe("hola como andan");
  });

  it("reads meaningful emoji as words and drops the rest", () => {
    expect(normalizeText("👍")).toBe("ok");
    expect(normalizeText("👍🏻")).toBe("ok");
    expect(normalizeText("mil gracias 🙏😊")).toBe("mil gracias gracias");
    expect(normalizeText("otra vez 😡")).toBe("otra vez enojado");
  });
});
