import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { resetDatabase } from "@campotech/database/testing";
import { call, json, parseSetCookies } from "./api-test-kit";
import { meEndpoint } from "./endpoints/auth";
import { dismissOnboardingEndpoint, getOnboardingEndpoint } from "./endpoints/onboarding";
import { signupCodeEndpoint, signupEndpoint } from "./endpoints/signup";

// Signup as /registro does it, through the route handlers: code by SMS (read from the suite sandbox's phone), the
// business form, the session cookies, then the checklist on the new dashboard. Limits and locks: src/modules/signup.
const SANDBOX_BASE = env.TWILIO_API_BASE_URL.replace(/\/twilio$/, "");
const SAME_ORIGIN = { "sec-fetch-site": "same-origin", "x-forwarded-for": "198.51.100.77" };
const PHONE = "+5491155501234";
const redis = new Redis(env.REDIS_URL);

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await redis.flushdb();
});
afterAll(async () => {
  await redis.quit();
});

async function smsCode(): Promise<string> {
  const inbox = (await (await fetch(`${SANDBOX_BASE}/_sandbox/customers/${PHONE.slice(1)}/inbox`)).json()) as { provider: string; payload: { Body?: string } }[];
  const code = inbox.filter((m) => m.provider === "TWILIO_SMS").at(-1)?.payload.Body?.match(/^(\d{6}) /)?.[1];
  expect(code).toBeTruthy();
  return code!;
}

const FORM = {
  phone: "11 5550-1234", businessName: "Electricidad Norte", cuit: "30-71234567-1", ivaCondition: "RESPONSABLE_INSCRIPTO", trades: ["ELECTRICAL", "HVAC"],
  areaCode: "11", locality: "San Isidro", ownerName: "Laura Pérez", email: "", plan: "FREE",
};

describe("signup routes", () => {
  it("refuses requests that don't come from our page", async () => {
    const response = await call(signupCodeEndpoint, { body: { phone: FORM.phone }, headers: { "sec-fetch-site": "cross-site" } });
    expect(await json(response, 403)).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
    const signup = await call(signupEndpoint, { body: { ...FORM, code: "123456" }, headers: { origin: "https://evil.example" } });
    expect(signup.status).toBe(403);
  });

  it("answers form errors field by field in Spanish", async () => {
    const response = await call(signupEndpoint, { body: { ...FORM, code: "12", cuit: "30-71234567-2", trades: [], plan: "GRATIS" }, headers: SAME_ORIGIN });
    const body = await json<{ error: { code: string; fields: Record<string, string> } }>(response, 400);
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.fields).toMatchObject({ code: "El código tiene 6 dígitos.", cuit: expect.stringContaining("CUIT no es válido"), trades: "Elegí al menos un rubro.", plan: "Elegí un plan." });
  });

  it("sends the code, creates the business, signs in by cookie and shows the checklist", async () => {
    expect(await json(await call(signupCodeEndpoint, { body: { phone: FORM.phone }, headers: SAME_ORIGIN }), 202)).toMatchObject({ ok: true, message: "Te mandamos un código por SMS." });
    const code = await smsCode();

    const wrong = await call(signupEndpoint, { body: { ...FORM, code: code === "000000" ? "111111" : "000000" }, headers: SAME_ORIGIN });
    expect(await json(wrong, 401)).toMatchObject({ error: { message: "El código no es correcto. Te quedan 4 intentos.", fields: { code: expect.any(String) } } });

    const created = await call(signupEndpoint, { body: { ...FORM, code }, headers: SAME_ORIGIN });
    const body = await json<{ organizationId: string; created: boolean; redirectTo: string }>(created, 201);
    expect(body).toMatchObject({ created: true, redirectTo: "/panel" });
    const cookies = parseSetCookies(created);
    expect(cookies.map((c) => c.name).sort()).toEqual(["ct_access", "ct_refresh"]);
    expect(cookies.every((c) => c.attributes.includes("HttpOnly"))).toBe(true);
    const cookie = { cookie: cookies.map((c) => `${c.name}=${encodeURIComponent(c.value)}`).join("; ") };

    expect(await json(await call(meEndpoint, { headers: cookie }), 200)).toMatchObject({ name: "Laura Pérez", role: "OWNER", organization: { id: body.organizationId, name: "Electricidad Norte", tier: "FREE" } });
    const checklist = await json<{ doneCount: number; total: number; visible: boolean; steps: { key: string; done: boolean }[] }>(await call(getOnboardingEndpoint, { headers: cookie }), 200);
    expect(checklist).toMatchObject({ doneCount: 1, total: 6, visible: true });
    expect(checklist.steps.find((s) => s.key === "priceList")?.done).toBe(true);

    // The same form submitted again (a double click, a retry after a lost answer): the same business, signed in.
    const again = await call(signupEndpoint, { body: { ...FORM, code }, headers: SAME_ORIGIN });
    expect(await json(again, 200)).toMatchObject({ organizationId: body.organizationId, created: false });
    expect(await adminDb().organization.count()).toBe(1);

    expect(await json(await call(dismissOnboardingEndpoint, { headers: { ...cookie, ...SAME_ORIGIN } }), 200)).toMatchObject({ dismissedAt: expect.any(String) });
    expect(await json(await call(getOnboardingEndpoint, { headers: cookie }), 200)).toMatchObject({ doneCount: 1, visible: false });
  });

  it("is documented in OpenAPI", async () => {
    const { buildOpenApiDocument } = await import("./openapi");
    const { ALL_ENDPOINTS } = await import("./endpoints");
    const doc = buildOpenApiDocument(ALL_ENDPOINTS) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [["/api/signup/code", "post"], ["/api/signup", "post"], ["/api/onboarding", "get"], ["/api/onboarding/dismiss", "post"]] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });
});
