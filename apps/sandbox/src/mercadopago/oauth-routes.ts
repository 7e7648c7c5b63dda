import type { Router } from "../http/router.ts";
import type { Reply } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { apiRoute, fieldsOf } from "./api-route.ts";
import { isRegisteredRedirectUri } from "./application.ts";
import { authenticateSeller } from "./authenticate-seller.ts";
import { authorizationErrorPage, consentPage, type ConsentRequest } from "./consent-page.ts";
import { oauthError } from "./errors.ts";
import { exchangeToken } from "./exchange-token.ts";
import { callbackLocation, issueAuthorizationCode } from "./issue-authorization-code.ts";
import { notifyConnect } from "./notify.ts";
import { userView } from "./sellers.ts";

// OAuth for marketplace sellers (ARGENTINA.md §5.4): the authorization host (auth.mercadopago.com → /mercadopago/auth)
// with its consent page, and the token endpoint on the API host (api.mercadopago.com/oauth/token).

export function registerOAuthRoutes(router: Router, state: SandboxState): void {
  router.on("GET", "/mercadopago/auth/authorization", (ctx) => {
    const checked = checkAuthorizationRequest(state, readParams(ctx.query));
    if ("reply" in checked) return checked.reply;
    const sellers = [...state.mercadopago.sellers.values()];
    return html(200, consentPage(state.config.mercadopago.applicationName, checked.request, sellers));
  });

  router.on("POST", "/mercadopago/auth/authorization", (ctx) => {
    const form = new URLSearchParams(ctx.body.kind === "form" ? ctx.rawBody.toString("utf8") : "");
    const checked = checkAuthorizationRequest(state, readParams(form));
    if ("reply" in checked) return checked.reply;
    const { request } = checked;
    if (form.get("decision") !== "allow") return redirect(callbackLocation(request.redirectUri, { error: "access_denied", state: request.state }));
    const seller = state.mercadopago.sellers.get(Number(form.get("seller_id")));
    if (!seller) return html(400, authorizationErrorPage("Elegí una cuenta de Mercado Pago para continuar."));
    const code = issueAuthorizationCode(state, {
      sellerId: seller.id,
      redirectUri: request.redirectUri,
      ...(request.codeChallenge ? { codeChallenge: request.codeChallenge, codeChallengeMethod: request.codeChallengeMethod as "S256" | "plain" } : {}),
    });
    notifyConnect(state, seller.id, "application.authorized");
    return redirect(callbackLocation(request.redirectUri, { code: code.code, state: request.state }));
  });

  router.on(
    "POST",
    "/mercadopago/oauth/token",
    apiRoute(state, (ctx) => {
      const fields = fieldsOf(ctx);
      if (!fields) return oauthError("invalid_request", "invalid body: JSON object or form expected");
      const outcome = exchangeToken(state, fields);
      return outcome.ok ? { status: 200, json: outcome.body } : { ...outcome.reply, reason: outcome.reason };
    }),
  );

  router.on(
    "GET",
    "/mercadopago/users/me",
    apiRoute(state, (ctx) => {
      const auth = authenticateSeller(state, ctx);
      return auth.ok ? { status: 200, json: userView(auth.seller) } : auth.reply;
    }),
  );
}

type Params = { clientId?: string; responseType?: string; redirectUri?: string; state?: string; codeChallenge?: string; codeChallengeMethod?: string };

function readParams(params: URLSearchParams): Params {
  const get = (key: string): string | undefined => params.get(key) ?? undefined;
  return {
    clientId: get("client_id"),
    responseType: get("response_type"),
    redirectUri: get("redirect_uri"),
    state: get("state"),
    codeChallenge: get("code_challenge"),
    codeChallengeMethod: get("code_challenge_method"),
  };
}

/**
 * Unknown application or redirect_uri: an error page (never redirect to an unverified URL). Anything else wrong, once
 * the redirect_uri is trusted, goes back to it as ?error=…, as OAuth prescribes.
 */
function checkAuthorizationRequest(state: SandboxState, p: Params): { request: ConsentRequest } | { reply: Reply } {
  const mp = state.mercadopago;
  if (p.clientId !== state.config.mercadopago.clientId) {
    return { reply: html(400, authorizationErrorPage("La aplicación que pidió acceso no existe.", `client_id=${p.clientId ?? ""}`)) };
  }
  if (!p.redirectUri || !isRegisteredRedirectUri(mp.application, p.redirectUri)) {
    return { reply: html(400, authorizationErrorPage("La dirección de retorno (redirect_uri) no coincide con ninguna de las registradas en la aplicación.", `redirect_uri=${p.redirectUri ?? ""}`)) };
  }
  if (p.responseType !== "code") {
    return { reply: redirect(callbackLocation(p.redirectUri, { error: "unsupported_response_type", error_description: "response_type must be code", state: p.state })) };
  }
  const method = p.codeChallenge ? (p.codeChallengeMethod ?? "plain") : undefined;
  if (method !== undefined && method !== "S256" && method !== "plain") {
    return { reply: redirect(callbackLocation(p.redirectUri, { error: "invalid_request", error_description: "code_challenge_method must be S256 or plain", state: p.state })) };
  }
  return {
    request: {
      clientId: p.clientId,
      redirectUri: p.redirectUri,
      ...(p.state !== undefined ? { state: p.state } : {}),
      ...(p.codeChallenge ? { codeChallenge: p.codeChallenge, codeChallengeMethod: method } : {}),
    },
  };
}

function html(status: number, body: string): Reply {
  return { status, text: body, contentType: "text/html; charset=utf-8" };
}

function redirect(location: string): Reply {
  return { status: 302, headers: { location }, text: "" };
}
