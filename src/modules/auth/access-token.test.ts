import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { issueAccessToken, verifyAccessToken } from "./access-token";

const user = { id: "u1", organizationId: "org1", role: "DISPATCHER" as const };

describe("access tokens", () => {
  it("carries user, organization and role and expires in 15 minutes by default", () => {
    const { token, expiresAt } = issueAccessToken(user);
    expect(verifyAccessToken(token)).toEqual({ sub: "u1", org: "org1", role: "DISPATCHER", sv: 0 });
    const decoded = jwt.decode(token) as { exp: number; iat: number };
    expect(decoded.exp - decoded.iat).toBe(900);
    expect(Math.abs(expiresAt.getTime() - decoded.exp * 1000)).toBeLessThan(1500);
  });

  it("rejects expired, forged and alg=none tokens as UNAUTHENTICATED", () => {
    const expired = issueAccessToken(user, { ttlSeconds: -10 }).token;
    expect(() => verifyAccessToken(expired)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    const forged = issueAccessToken(user, { secret: "y".repeat(40) }).token;
    expect(() => verifyAccessToken(forged)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    const none = jwt.sign({ org: "org1", role: "OWNER" }, "", { algorithm: "none", subject: "u1", issuer: "campotech" });
    expect(() => verifyAccessToken(none)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });
});
