import { describe, expect, it } from "vitest";
import { verifyMercadoPagoSignature } from "./verify-signature";

// The reference's test vector (ARGENTINA.md §5.3), cross-checked there with Python and the official SDK.
const base = {
  secret: "test-secret-1234",
  dataId: "123456789",
  xRequestId: "bb56a2f1-6aae-46ac-982e-9dcd3581d08e",
  xSignature: "ts=1704908010,v1=602f31976966a404f8def63d75c4d8f05d44ce64e61a00fcd77e183f33ef1a2d",
  now: 1704908010_000,
};

describe("MercadoPago x-signature", () => {
  it("accepts the reference vector, also without data.id when the manifest leaves it out", () => {
    expect(verifyMercadoPagoSignature(base)).toEqual({ ok: true, ts: 1704908010_000 });
    expect(verifyMercadoPagoSignature({ ...base, dataId: null, xSignature: "ts=1704908010,v1=7416c4fd78db2c8d1e9d18c95fbe415956f1ee4d54c07504637c1997ee91d234" }).ok).toBe(true);
    expect(verifyMercadoPagoSignature({ ...base, xSignature: ` v2=abc, ts=1704908010 ,v1=602f31976966a404f8def63d75c4d8f05d44ce64e61a00fcd77e183f33ef1a2d` }).ok).toBe(true);
  });

  it.each([
    ["a tampered data.id", { dataId: "123456780" }, "mismatch"],
    ["another secret", { secret: "other" }, "mismatch"],
    ["another request id", { xRequestId: "x" }, "mismatch"],
    ["no header", { xSignature: null }, "missing"],
    ["no v1", { xSignature: "ts=1704908010" }, "malformed"],
    ["an old timestamp", { now: 1704908010_000 + 6 * 60_000 }, "stale"],
  ])("refuses %s", (_, change, reason) => {
    expect(verifyMercadoPagoSignature({ ...base, ...change })).toEqual({ ok: false, reason });
  });
});
