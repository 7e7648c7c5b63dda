import { describe, expect, it } from "vitest";
import { mayMove, mpStatusOf } from "./payment-status";

describe("payment status", () => {
  it("maps MercadoPago's statuses", () => {
    expect(["pending", "in_process", "approved", "rejected", "cancelled", "refunded", "charged_back", "weird"].map(mpStatusOf)).toEqual([
      "PENDING", "IN_PROCESS", "APPROVED", "REJECTED", "CANCELLED", "REFUNDED", "CHARGED_BACK", null,
    ]);
  });

  it("only moves forward: a late pending or a repeated status changes nothing", () => {
    expect(mayMove(null, "PENDING")).toBe(true);
    expect(mayMove("PENDING", "APPROVED")).toBe(true);
    expect(mayMove("IN_PROCESS", "REJECTED")).toBe(true);
    expect(mayMove("APPROVED", "PENDING")).toBe(false);
    expect(mayMove("APPROVED", "IN_PROCESS")).toBe(false);
    expect(mayMove("APPROVED", "APPROVED")).toBe(false);
    expect(mayMove("APPROVED", "REFUNDED")).toBe(true);
    expect(mayMove("APPROVED", "CHARGED_BACK")).toBe(true);
    expect(mayMove("REJECTED", "APPROVED")).toBe(false);
    expect(mayMove("REJECTED", "REFUNDED")).toBe(false);
    expect(mayMove("REFUNDED", "APPROVED")).toBe(false);
  });
});
