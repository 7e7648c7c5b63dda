import { describe, expect, it } from "vitest";
import { alternateArgentineRecipient, toCloudApiRecipient } from "./to-cloud-api-recipient";

describe("toCloudApiRecipient", () => {
  it("writes Argentine mobiles with or without the 9, from either form", () => {
    expect(toCloudApiRecipient("+5491155550123", "with9")).toBe("5491155550123");
    expect(toCloudApiRecipient("+5491155550123", "without9")).toBe("541155550123");
    expect(toCloudApiRecipient("541155550123", "with9")).toBe("5491155550123");
    expect(toCloudApiRecipient("5493515550177", "without9")).toBe("543515550177");
  });

  it("leaves other countries and malformed numbers as digits", () => {
    expect(toCloudApiRecipient("+14155552671", "without9")).toBe("14155552671");
    expect(toCloudApiRecipient("+54800333444", "with9")).toBe("54800333444");
  });
});

describe("alternateArgentineRecipient", () => {
  it("gives the other spelling only for Argentine mobiles", () => {
    expect(alternateArgentineRecipient("5491155550123")).toBe("541155550123");
    expect(alternateArgentineRecipient("541155550123")).toBe("5491155550123");
    expect(alternateArgentineRecipient("14155552671")).toBeNull();
  });
});
