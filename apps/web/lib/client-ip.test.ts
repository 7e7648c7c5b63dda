import { describe, expect, it } from "vitest";
import { clientIpOf, PEER_HEADER, peerHeaderValue, setPeerHeaderToken } from "./client-ip";

const TOKEN = "t0k3n";
setPeerHeaderToken(TOKEN);
const request = (headers: Record<string, string>) => new Request("http://campotech.test/api/auth/otp/request", { headers });
const peer = (ip: string) => ({ [PEER_HEADER]: peerHeaderValue(TOKEN, ip) });

describe("clientIpOf", () => {
  it("trusts nobody by default: the TCP peer decides, X-Forwarded-For is ignored", () => {
    expect(clientIpOf(request({ ...peer("203.0.113.5"), "x-forwarded-for": "1.2.3.4" }), "none")).toBe("203.0.113.5");
    expect(clientIpOf(request({ ...peer("::ffff:127.0.0.1") }), "none")).toBe("127.0.0.1");
  });

  it("ignores a peer header that lacks this process's token (a forger, or the app run without our server)", () => {
    expect(clientIpOf(request({ [PEER_HEADER]: "guess 1.2.3.4" }), "none")).toBe("unknown");
    expect(clientIpOf(request({ [PEER_HEADER]: "1.2.3.4" }), "none")).toBe("unknown");
    expect(clientIpOf(request({}), "none")).toBe("unknown");
  });

  it("with N trusted proxies takes the N-th address from the right; what the client wrote further left is ignored", () => {
    const xff = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientIpOf(request({ ...peer("10.0.0.3"), "x-forwarded-for": xff }), 1)).toBe("10.0.0.2");
    expect(clientIpOf(request({ ...peer("10.0.0.3"), "x-forwarded-for": xff }), 2)).toBe("198.51.100.7");
    // Fewer hops than proxies: misconfigured or bypassed, so the peer.
    expect(clientIpOf(request({ ...peer("10.0.0.3"), "x-forwarded-for": "6.6.6.6" }), 2)).toBe("10.0.0.3");
  });

  it("never returns something that is not an address, however long", () => {
    expect(clientIpOf(request({ ...peer("10.0.0.3"), "x-forwarded-for": "x".repeat(300) }), 1)).toBe("10.0.0.3");
    expect(clientIpOf(request({ ...peer("not-an-ip") }), "none")).toBe("unknown");
  });

  it("on Vercel reads Vercel's own header", () => {
    expect(clientIpOf(request({ "x-vercel-forwarded-for": "198.51.100.9", "x-forwarded-for": "6.6.6.6" }), "vercel")).toBe("198.51.100.9");
  });
});
