import { describe, expect, it } from "vitest";
import { canAdvance, impliedStatuses, statusesBefore, toMessageStatus } from "./status-machine";

describe("outbound status machine", () => {
  it("moves forward only", () => {
    expect(canAdvance("QUEUED", "SENT")).toBe(true);
    expect(canAdvance("SENT", "READ")).toBe(true);
    expect(canAdvance("READ", "DELIVERED")).toBe(false);
    expect(canAdvance("DELIVERED", "SENT")).toBe(false);
    expect(canAdvance("DELIVERED", "DELIVERED")).toBe(false);
  });

  it("fails only before delivery and never leaves FAILED", () => {
    expect(canAdvance("SENT", "FAILED")).toBe(true);
    expect(canAdvance("DELIVERED", "FAILED")).toBe(false);
    expect(canAdvance("FAILED", "READ")).toBe(false);
    expect(statusesBefore("FAILED")).toEqual(["QUEUED", "SENT"]);
  });

  it("fills the steps a provider skipped", () => {
    expect(impliedStatuses("READ")).toEqual(["SENT", "DELIVERED"]);
    expect(impliedStatuses("DELIVERED")).toEqual(["SENT"]);
    expect(impliedStatuses("SENT")).toEqual([]);
    expect(impliedStatuses("FAILED")).toEqual([]);
  });

  it("maps provider values (played was already folded into read by the parser)", () => {
    expect(toMessageStatus("read")).toBe("READ");
    expect(toMessageStatus("queued")).toBe("QUEUED");
  });
});
