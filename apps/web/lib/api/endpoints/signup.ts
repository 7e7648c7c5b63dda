import { NextResponse } from "next/server";
import { z } from "zod";
import { completeSignup, requestSignupCode, signupFormSchema } from "@campotech/core/modules/signup";
import { clientIpOf } from "../../client-ip";
import { defineEndpoint } from "../define-endpoint";
import { assertSameOrigin } from "../same-origin";
import { sessionCookies } from "../session-cookies";

// Self-serve signup from /registro. Public (no session yet), but both calls must come from our own page: the code
// is an SMS the platform pays for, and the second call signs the browser in (a cross-site page must not be able to
// sign a visitor into an account of its choosing).
export const signupCodeEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/signup/code",
  summary: "Registro: manda por SMS un código de 6 dígitos al celular del dueño (vence en 10 minutos)",
  tag: "signup",
  permission: null,
  body: z.object({ phone: z.string().min(6, "Ingresá tu celular.").max(30, "Ingresá tu celular.") }),
  response: z.object({ ok: z.literal(true), message: z.string(), expiresAt: z.string() }),
  status: 202,
  async handler({ body, request }) {
    assertSameOrigin(request);
    const { expiresAt } = await requestSignupCode({ phone: body.phone, ip: clientIpOf(request) });
    return { ok: true as const, message: "Te mandamos un código por SMS.", expiresAt: expiresAt.toISOString() };
  },
});

export const signupEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/signup",
  summary: "Registro: verifica el código, crea el negocio con su dueño y abre la sesión (cookies httpOnly). Reenviar el mismo código no crea otro negocio.",
  tag: "signup",
  permission: null,
  body: signupFormSchema,
  response: z.object({ ok: z.literal(true), organizationId: z.string(), created: z.boolean(), redirectTo: z.string() }),
  status: 201,
  async handler({ body, request }) {
    assertSameOrigin(request);
    const result = await completeSignup({ ...body, ip: clientIpOf(request) });
    const response = NextResponse.json({ ok: true, organizationId: result.organizationId, created: result.created, redirectTo: "/panel" }, { status: result.created ? 201 : 200 });
    for (const cookie of sessionCookies(result.session)) response.headers.append("set-cookie", cookie);
    return response;
  },
});
