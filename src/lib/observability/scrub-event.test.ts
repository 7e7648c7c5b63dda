import { describe, expect, it } from "vitest";
import { scrubBreadcrumb, scrubEvent } from "./scrub-event";

const JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMSIsIm9yZyI6Im9yZ18xIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
const MP_TOKEN = "APP_USR-4412873649931243-120312-5d4b0c7e6f1a2b3c4d5e6f7a8b9c0d1e-123456789";
const META_TOKEN = "EAAGm0PX4ZCpsBAKZCzTpq1rLxZAkZBZCJZAq8ZCZAmYZAxTqZBlZAQZDZD";
const SECRETS = [JWT, MP_TOKEN, META_TOKEN, "sk-proj-abcdefghijklmnop1234", "hunter2-password", "session=abc123def", "482913"];
const PHONES = ["+5491155550203", "5491155550203", "11 15 5555 0203", "+54 9 11 5555-0203", "(011) 4555-0203", "15-5555-0203"];
const BODY = "Hola, se me rompió el termotanque, vivo en Av. Corrientes";

// A server-side error as the SDK builds it for a failed webhook request, plus what our code attached.
function realisticEvent() {
  return {
    event_id: "4f1b7c2e9d8a4b6c8e0f1a2b3c4d5e6f",
    release: "campotech@0.1.0",
    message: `send failed to ${PHONES[0]} with token ${MP_TOKEN}`,
    exception: {
      values: [{
        type: "AppError",
        value: `Meta rejected Bearer ${META_TOKEN} for wa_id ${PHONES[1]}: Tu código es 482913`,
        stacktrace: { frames: [{ filename: "/app/src/modules/whatsapp/send.ts", lineno: 41, context_line: `  const to = "${PHONES[2]}";` }] },
      }],
    },
    request: {
      url: `https://campotech.ar/api/webhooks/whatsapp?access_token=${JWT}&phone=${PHONES[1]}`,
      method: "POST",
      headers: { Authorization: `Bearer ${JWT}`, Cookie: "session=abc123def", "X-Hub-Signature-256": "sha256=deadbeef", "User-Agent": "facebookexternalua" },
      cookies: { session: "abc123def" },
      data: { entry: [{ changes: [{ value: { messages: [{ from: PHONES[1], text: { body: BODY } }] } }] }] },
      query_string: `code=482913&phone=${PHONES[3]}`,
    },
    user: { id: "usr_1", email: "dueno@example.com", ip_address: "190.2.3.4", username: "Juan Pérez" },
    tags: { organizationId: "org_1", jobId: "job_42" },
    extra: {
      payload: { to: PHONES[4], body: BODY, caption: BODY, otp: "482913", password: "hunter2-password", code: "482913" },
      note: `llamar al ${PHONES[5]} o al ${PHONES[3]}`,
      mercadopago: { accessToken: MP_TOKEN, refreshToken: "TG-abcdef", credentials: { appSecret: "s3cr3t" } },
    },
    breadcrumbs: [{ category: "console", message: `incoming from ${PHONES[0]}: ${JWT}` }],
  };
}

describe("scrubEvent", () => {
  it("removes credentials, one-time codes, phone numbers, message bodies and request bodies from a realistic event", () => {
    const out = JSON.stringify(scrubEvent(realisticEvent()));
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    for (const phone of PHONES) expect(out).not.toContain(phone);
    expect(out).not.toContain("55550203");
    expect(out).not.toContain("5555-0203");
    expect(out).not.toContain("termotanque");
    expect(out).not.toContain("dueno@example.com");
    expect(out).not.toContain("Juan Pérez");
    expect(out).not.toContain("190.2.3.4");
  });

  it("keeps what the report is for: ids, tags, release, the error type, the route and the stack", () => {
    const out = scrubEvent(realisticEvent());
    expect(out.tags).toEqual({ organizationId: "org_1", jobId: "job_42" });
    expect(out.release).toBe("campotech@0.1.0");
    expect(out.event_id).toBe("4f1b7c2e9d8a4b6c8e0f1a2b3c4d5e6f");
    expect(out.user).toEqual({ id: "usr_1" });
    expect(out.exception.values[0]?.type).toBe("AppError");
    expect(out.exception.values[0]?.value).toBe("Meta rejected Bearer [REDACTED] for wa_id [phone]: Tu código es [code]");
    expect(out.exception.values[0]?.stacktrace.frames[0]).toMatchObject({ filename: "/app/src/modules/whatsapp/send.ts", lineno: 41 });
    expect(out.request.url).toMatch(/^https:\/\/campotech\.ar\/api\/webhooks\/whatsapp\?access_token=\[REDACTED\]/);
    expect(out.request.headers["User-Agent"]).toBe("facebookexternalua");
    expect(out.request.headers.Authorization).toBe("[REDACTED]");
    expect(out.request.data).toBe("[REDACTED]");
    expect(out.request).not.toHaveProperty("cookies");
    expect(out.extra.note).toBe("llamar al [phone] o al [phone]");
  });

  it("leaves dates, times, amounts and short numbers alone", () => {
    const out = scrubEvent({ user: undefined, message: "turno 2026-12-03 a las 14:30, total $ 12.345, 3 intentos, pedido 4821" });
    expect(out.message).toBe("turno 2026-12-03 a las 14:30, total $ 12.345, 3 intentos, pedido 4821");
  });
});

describe("scrubBreadcrumb", () => {
  it("scrubs a breadcrumb's message and data the same way", () => {
    const out = scrubBreadcrumb({ category: "http", message: `POST /send?token=${JWT}`, data: { url: `/clientes/${PHONES[1]}`, authorization: JWT, status_code: 500 } });
    expect(out).toEqual({ category: "http", message: "POST /send?token=[REDACTED]", data: { url: "/clientes/[phone]", authorization: "[REDACTED]", status_code: 500 } });
  });
});
