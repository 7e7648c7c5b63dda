import { describe, expect, it } from "vitest";
import { formatArgentinePhone, formatPhoneForPeople, normalizeArgentinePhone, toWaId } from "./phone";

// reference/ARGENTINA.md §6.4, every vector.
const VECTORS: [input: string, expected: string | null, area?: string][] = [
  ["11 1234-5678", "+5491112345678"],
  ["+54 9 11 1234-5678", "+5491112345678"],
  ["15 1234-5678", "+5491112345678"],
  ["011 15 1234-5678", "+5491112345678"],
  ["(011) 15-1234-5678", "+5491112345678"],
  ["0351 15 123-4567", "+5493511234567"],
  ["+54 351 123 4567", "+5493511234567"],
  ["+54 9 351 512 3456", "+5493515123456"],
  ["5491112345678", "+5491112345678"],
  ["541112345678", "+5491112345678"],
  ["+541112345678", "+5491112345678"],
  ["1112345678", "+5491112345678"],
  ["01112345678", "+5491112345678"],
  ["9 11 1234 5678", "+5491112345678"],
  ["+54 11 15 1234-5678", "+5491112345678"],
  ["+54 9 11 15 1234 5678", "+5491112345678"],
  ["0221 15 412-3456", "+5492214123456"],
  ["+54 2966 15 41 2345", "+5492966412345"],
  ["02966 15 412345", "+5492966412345"],
  ["0054 9 11 1234 5678", "+5491112345678"],
  ["1234-5678", "+5491112345678"],
  ["15 512-3456", "+5493515123456", "351"],
  ["+54 0351 512 3456", "+5493515123456"],
  ["0800 333 4444", null],
  ["+1 415 555 2671", null],
  ["12345", null],
];

describe("normalizeArgentinePhone", () => {
  it.each(VECTORS)("%s → %s", (input, expected, area) => {
    expect(normalizeArgentinePhone(input, area)).toBe(expected);
  });

  it("treats the WhatsApp id with and without the mobile 9 as the same person", () => {
    expect(normalizeArgentinePhone("5491155550123")).toBe(normalizeArgentinePhone("541155550123"));
  });

  it("rejects empty and non-numeric input", () => {
    expect(normalizeArgentinePhone("")).toBeNull();
    expect(normalizeArgentinePhone("hola")).toBeNull();
  });
});

describe("display helpers", () => {
  it("turns E.164 into a wa_id and a readable number", () => {
    expect(toWaId("+5491112345678")).toBe("5491112345678");
    expect(formatArgentinePhone("+5491112345678")).toBe("+54 9 11 1234-5678");
  });

  it("shows numbers as people in Argentina write them: area code, no +54 9, a hyphen before the last four", () => {
    expect(formatPhoneForPeople("+5491155550203")).toBe("11 5555-0203");
    expect(formatPhoneForPeople("+5493515550203")).toBe("351 555-0203");
    expect(formatPhoneForPeople("+5492966550203")).toBe("2966 55-0203");
    expect(formatPhoneForPeople("+541155550203")).toBe("11 5555-0203");
    expect(formatPhoneForPeople("+59899123456")).toBe("+598 99 123 456");
    expect(formatPhoneForPeople("no es un número")).toBe("no es un número");
    expect(formatPhoneForPeople(null)).toBe("");
  });
});
