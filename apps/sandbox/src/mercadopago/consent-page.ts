import { escapeHtml, page } from "./page-layout.ts";
import type { Seller } from "./sellers.ts";

export type ConsentRequest = {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
};

/** auth.mercadopago.com/authorization: the seller picks the account to link and allows or cancels. */
export function consentPage(appName: string, request: ConsentRequest, sellers: Seller[]): string {
  const hidden = Object.entries({
    client_id: request.clientId,
    response_type: "code",
    redirect_uri: request.redirectUri,
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallengeMethod,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v as string)}">`)
    .join("\n      ");
  const options = sellers
    .map(
      (s, i) => `<label class="option"><input type="radio" name="seller_id" value="${s.id}"${i === 0 ? " checked" : ""}>
          <span><strong>${escapeHtml(s.businessName)}</strong><span class="muted">${escapeHtml(s.nickname)} · ${escapeHtml(s.email)}</span></span></label>`,
    )
    .join("\n        ");
  const name = escapeHtml(appName);
  return page(
    `${appName} quiere acceder a tu cuenta`,
    `<section class="card">
    <h1>${name} quiere acceder a tu cuenta de Mercado Pago</h1>
    <p class="muted">Elegí la cuenta con la que vas a cobrar tus trabajos.</p>
    <form method="post" action="/mercadopago/auth/authorization">
      ${hidden}
      <fieldset>
        <legend>Cuenta de Mercado Pago</legend>
        ${options}
      </fieldset>
      <h2>${name} va a poder:</h2>
      <ul class="perms">
        <li>Crear links de pago y cobrar en tu nombre.</li>
        <li>Ver tus pagos y su estado.</li>
        <li>Hacer devoluciones de esos pagos.</li>
        <li>Seguir conectada aunque no estés usando la app.</li>
      </ul>
      <div class="actions">
        <button type="submit" name="decision" value="allow" class="primary">Permitir</button>
        <button type="submit" name="decision" value="deny" class="secondary">Cancelar</button>
      </div>
    </form>
    <p class="muted">Podés desvincular ${name} cuando quieras desde tu cuenta de Mercado Pago.</p>
  </section>`,
  );
}

/** What the authorization host shows when it cannot even redirect back (unknown application or redirect_uri). */
export function authorizationErrorPage(message: string, detail?: string): string {
  return page(
    "No pudimos conectar la aplicación",
    `<section class="card">
    <h1>No pudimos conectar la aplicación</h1>
    <div class="error"><p>${escapeHtml(message)}</p>${detail ? `<p><code>${escapeHtml(detail)}</code></p>` : ""}</div>
    <p class="muted">Volvé a la aplicación e intentá de nuevo. Si sigue pasando, avisale a quien la administra.</p>
  </section>`,
  );
}
