import { describe, expect, it } from "vitest";
import { CUSTOMER, metaText, type Json, type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});

const BASE = "/dialog360/partner/api/v2/partners/sandbox-partner";
const key = { "x-api-key": "sandbox-d360-partner-key" };
const OWNER = "+5491160000001";

async function reserve(areaCode = "351"): Promise<Json> {
  const list = await sb.call("GET", `${BASE}/numbers?area_code=${areaCode}`, { headers: key });
  const res = await sb.call("POST", `${BASE}/numbers/${list.json.numbers[0].id}/reserve`, { headers: key });
  expect(res.status).toBe(201);
  return res.json;
}

async function sendCode(reservationId: string): Promise<string> {
  const res = await sb.call("POST", `${BASE}/reservations/${reservationId}/verification_code`, { headers: key, json: { phone_number: OWNER, method: "sms" } });
  expect(res.status, res.text).toBe(201);
  const inbox: Json[] = (await sb.call("GET", `/_sandbox/customers/${OWNER.slice(1)}/inbox`)).json;
  const sms = inbox.filter((m) => m.provider === "DIALOG_360_SMS").at(-1);
  return /\b(\d{6})\b/.exec(sms.payload.Body)![1]!;
}

describe("360dialog Partner API: number pool", () => {
  it("rejects a missing or wrong x-api-key and another partner's path", async () => {
    expect((await sb.call("GET", `${BASE}/numbers`)).status).toBe(401);
    expect((await sb.call("GET", `${BASE}/numbers`, { headers: { "x-api-key": "nope" } })).json.meta).toMatchObject({ http_code: 401, error_code: "unauthorized" });
    expect((await sb.call("GET", "/dialog360/partner/api/v2/partners/other/numbers", { headers: key })).status).toBe(403);
  });

  it("lists available numbers by area code; a reservation takes one out until it expires after 5 minutes", async () => {
    const before = (await sb.call("GET", `${BASE}/numbers?area_code=11`, { headers: key })).json;
    expect(before.count).toBe(5);
    expect(before.numbers[0]).toMatchObject({ area_code: "11", phone_number: expect.stringMatching(/^5411\d{8}$/) });
    const r = await reserve("11");
    expect(r).toMatchObject({ status: "reserved", area_code: "11" });
    expect((await sb.call("GET", `${BASE}/numbers?area_code=11`, { headers: key })).json.count).toBe(4);
    const again = await sb.call("POST", `${BASE}/numbers/${r.number_id}/reserve`, { headers: key });
    expect(again.json.meta.error_code).toBe("number_unavailable");
    await sb.call("POST", "/_sandbox/dialog360/partner/clock", { json: { ms: 5 * 60_000 + 1000 } });
    expect((await sb.call("GET", `${BASE}/reservations/${r.id}`, { headers: key })).json.status).toBe("expired");
    expect((await sb.call("GET", `${BASE}/numbers?area_code=11`, { headers: key })).json.count).toBe(5);
  });

  it("texts the code to the phone, verifies it, issues a key that sends through /d360, and releases back to the pool", async () => {
    const r = await reserve();
    const code = await sendCode(r.id);
    const wrong = await sb.call("POST", `${BASE}/reservations/${r.id}/verify`, { headers: key, json: { code: code === "000000" ? "111111" : "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.meta).toMatchObject({ error_code: "invalid_code", attempts_left: 4 });
    const ok = await sb.call("POST", `${BASE}/reservations/${r.id}/verify`, { headers: key, json: { code } });
    expect(ok.status).toBe(201);
    const channel = ok.json.channel;
    expect(channel).toMatchObject({ phone_number: r.phone_number, status: "active" });
    const first = (await sb.call("POST", `${BASE}/channels/${channel.id}/api_keys`, { headers: key })).json;
    const second = (await sb.call("POST", `${BASE}/channels/${channel.id}/api_keys`, { headers: key })).json;
    expect(second.api_key).not.toBe(first.api_key);
    expect((await sb.call("POST", "/d360/messages", { headers: { "D360-API-KEY": first.api_key }, json: metaText(CUSTOMER, "hola") })).status).toBe(401);
    expect((await sb.call("POST", "/d360/messages", { headers: { "D360-API-KEY": second.api_key }, json: metaText(CUSTOMER, "hola") })).status).toBe(200);
    const hook = await sb.call("POST", "/d360/v1/configs/webhook", { headers: { "D360-API-KEY": second.api_key }, json: { url: "https://example.com/api/webhooks/dialog360?orgId=o1" } });
    expect(hook.status).toBe(200);
    expect((await sb.call("DELETE", `${BASE}/channels/${channel.id}`, { headers: key })).json.status).toBe("released");
    expect((await sb.call("POST", "/d360/messages", { headers: { "D360-API-KEY": second.api_key }, json: metaText(CUSTOMER, "hola") })).status).toBe(401);
    const pool = (await sb.call("GET", `${BASE}/numbers?area_code=351`, { headers: key })).json;
    expect(pool.numbers.map((n: Json) => n.id)).toContain(r.number_id);
  });

  it("limits wrong codes to 5 and expires codes after 10 minutes", async () => {
    const r = await reserve();
    const code = await sendCode(r.id);
    const bad = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await sb.call("POST", `${BASE}/reservations/${r.id}/verify`, { headers: key, json: { code: bad } });
    const locked = await sb.call("POST", `${BASE}/reservations/${r.id}/verify`, { headers: key, json: { code } });
    expect(locked.json.meta.error_code).toBe("too_many_attempts");
    const fresh = await sendCode(r.id);
    await sb.call("POST", "/_sandbox/dialog360/partner/clock", { json: { ms: 10 * 60_000 + 1000 } });
    const late = await sb.call("POST", `${BASE}/reservations/${r.id}/verify`, { headers: key, json: { code: fresh } });
    expect(late.json.meta.error_code).toBe("reservation_expired");
  });
});
