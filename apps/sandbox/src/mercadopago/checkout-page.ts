import { escapeHtml, page, pesos } from "./page-layout.ts";
import type { Seller } from "./sellers.ts";
import type { Payment, Preference } from "./state.ts";
import { TEST_CARD, TEST_CARD_NAMES, TEST_CARDS } from "./test-cards.ts";

// Checkout Pro as the simulated customer sees it: who they pay, what, how much, and one button per test card holder
// (the holder's name decides the result), plus a partial payment.

/** `error` goes next to what caused it: the amount field when `amountText` is given, the card buttons otherwise. */
export function checkoutPage(preference: Preference, seller: Seller, error?: string, amountText?: string): string {
  const action = `/mercadopago/checkout/pay/${encodeURIComponent(preference.id)}`;
  const amountError = Boolean(error) && amountText !== undefined;
  const items = preference.items
    .map(
      (i) => `<li><span>${escapeHtml(i.title || "Producto")}<br><span class="qty">${i.quantity} × <span class="num">${pesos(Math.round(i.unit_price * 100))}</span></span></span>
        <span class="num">${pesos(Math.round(i.unit_price * 100) * i.quantity)}</span></li>`,
    )
    .join("\n      ");
  const cards = TEST_CARD_NAMES.map((name) => {
    const approve = name === "APRO";
    return `<button type="submit" name="card" value="${name}" class="${approve ? "approve" : "other"}"><span class="code">${name}</span><span class="what">${escapeHtml(TEST_CARDS[name].label)}</span></button>`;
  }).join("\n        ");
  return page(
    `Pagá a ${seller.businessName}`,
    `<section class="card" aria-labelledby="title">
    <p class="muted">Pagás a</p>
    <h1 id="title">${escapeHtml(seller.businessName)}</h1>
    <ul class="items">
      ${items}
    </ul>
    <div class="total"><span>Total</span><span class="num">${pesos(preference.totalCents)}</span></div>
  </section>
  <section class="card">
    <h2>Pagá con una tarjeta de prueba</h2>
    ${error && amountText === undefined ? `<div class="error" role="alert">${escapeHtml(error)}</div>` : ""}
    <p class="muted">Todas son la Mastercard de prueba terminada en ${TEST_CARD.lastFour}; el nombre del titular decide cómo sale el pago.</p>
    <form method="post" action="${action}">
      <div class="cards">
        ${cards}
      </div>
    </form>
  </section>
  <section class="card">
    <h2>Pagar una parte</h2>
    <form method="post" action="${action}">
      <input type="hidden" name="card" value="APRO">
      <label for="amount">Monto a pagar</label>
      <div class="row">
        <input type="text" id="amount" name="amount" inputmode="decimal" autocomplete="off" placeholder="Ej.: 10.000,00" value="${escapeHtml(amountText ?? "")}" aria-describedby="${amountError ? "amount-error " : ""}amount-help"${amountError ? ' aria-invalid="true"' : ""} required>
        <button type="submit" class="primary">Pagar</button>
      </div>
      ${amountError ? `<p id="amount-error" class="error" role="alert">${escapeHtml(error as string)}</p>` : ""}
      <p id="amount-help" class="muted">Se paga con APRO (aprobado), hasta el total.</p>
    </form>
  </section>`,
  );
}

export function unavailablePage(kind: "expired" | "not_yet" | "not_found", seller?: Seller): string {
  const text = {
    expired: { title: "Este link de pago venció", body: `Pedile a ${seller ? escapeHtml(seller.businessName) : "quien te lo mandó"} un link nuevo.` },
    not_yet: { title: "Este link de pago todavía no está disponible", body: "Probá de nuevo más tarde." },
    not_found: { title: "No encontramos este link de pago", body: "Revisá que el link esté completo o pedí uno nuevo." },
  }[kind];
  return page(text.title, `<section class="card"><h1>${text.title}</h1><p class="muted">${text.body}</p></section>`);
}

const REJECTION_HINT: Record<string, string> = {
  cc_rejected_other_reason: "La tarjeta no aceptó el pago. Probá con otra.",
  cc_rejected_call_for_authorize: "Tenés que autorizar el pago con el banco que emitió la tarjeta.",
  cc_rejected_insufficient_amount: "La tarjeta no tiene saldo suficiente.",
  cc_rejected_bad_filled_security_code: "Revisá el código de seguridad.",
  cc_rejected_bad_filled_date: "Revisá la fecha de vencimiento.",
  cc_rejected_bad_filled_other: "Revisá los datos de la tarjeta.",
};

/** After paying, when the preference does not send the customer straight back (auto_return). */
export function resultPage(payment: Payment, preference: Preference, seller: Seller, backUrl: string | null): string {
  const retry = `/mercadopago/checkout/pay/${encodeURIComponent(preference.id)}`;
  const back = backUrl ? `<a class="button ${payment.status === "rejected" ? "secondary" : "primary"}" href="${escapeHtml(backUrl)}">Volver al sitio</a>` : "";
  const amount = pesos(payment.amountCents);
  let body: string;
  if (payment.status === "approved") {
    body = `<div class="status-icon status-ok" aria-hidden="true">✓</div>
    <h1>¡Listo! Se acreditó tu pago</h1>
    <p>Pagaste <span class="num">${amount}</span> a ${escapeHtml(seller.businessName)}.</p>`;
  } else if (payment.status === "rejected") {
    body = `<div class="status-icon status-bad" aria-hidden="true">!</div>
    <h1>No pudimos procesar tu pago</h1>
    <p>${escapeHtml(REJECTION_HINT[payment.statusDetail] ?? "Probá con otro medio de pago.")}</p>`;
  } else {
    body = `<div class="status-icon status-wait" aria-hidden="true">…</div>
    <h1>Estamos procesando tu pago</h1>
    <p>En menos de 2 días hábiles te avisamos por e-mail si se acreditó <span class="num">${amount}</span>.</p>`;
  }
  const actions = payment.status === "rejected" ? `<a class="button primary" href="${escapeHtml(retry)}">Probar con otra tarjeta</a>${back}` : back;
  return page(
    "Resultado del pago",
    `<section class="card" role="status">
    ${body}
    <p class="muted">Número de operación: <span class="num">${payment.id}</span></p>
    ${actions ? `<div class="actions">${actions}</div>` : ""}
  </section>`,
  );
}
