import { z } from "zod";
import { bodyOf } from "../control/config-routes.ts";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import type { SandboxState } from "../state.ts";
import { arcaNow, arDateTime } from "./arca-time.ts";
import { arcaConfigPatchSchema } from "./config.ts";
import { addArcaFault, createArcaFaultSchema } from "./faults.ts";
import { issueCertificate } from "./sandbox-ca.ts";
import type { IssuedTicket, StoredInvoice } from "./state.ts";
import { registerTaxpayerSchema } from "./taxpayers.ts";

// The ARCA control API under /_sandbox/arca: certificates (WSASS), padrón, faults, config and what happened.

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const certificateSchema = z
  .object({ csr: z.string().min(1), notBefore: z.iso.datetime({ offset: true }).optional(), notAfter: z.iso.datetime({ offset: true }).optional() })
  .strict();

export function registerArcaControlRoutes(router: Router, state: SandboxState): void {
  router.on("POST", "/_sandbox/arca/certificates", (ctx) => {
    const parsed = certificateSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "pedido inválido: se espera { csr: PEM, notBefore?: ISO, notAfter?: ISO }", issues: parsed.error.issues });
    const now = arcaNow(state);
    const notBefore = new Date(parsed.data.notBefore ?? now);
    const notAfter = new Date(parsed.data.notAfter ?? notBefore.getTime() + 2 * YEAR_MS);
    const issued = issueCertificate(parsed.data.csr, notBefore, notAfter);
    if (!issued.ok) return json(400, { error: issued.error });
    return json(201, {
      certificate: issued.pem,
      cuit: issued.cuit,
      serialNumber: issued.serialNumber,
      notBefore: issued.notBefore.toISOString(),
      notAfter: issued.notAfter.toISOString(),
    });
  });

  router.on("GET", "/_sandbox/arca/taxpayers", () => json(200, [...state.arca.taxpayers.values()]));
  router.on("POST", "/_sandbox/arca/taxpayers", (ctx) => {
    const parsed = registerTaxpayerSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "contribuyente inválido", issues: parsed.error.issues });
    const taxpayer = { ...parsed.data, builtIn: false };
    state.arca.taxpayers.set(taxpayer.cuit, taxpayer);
    return json(201, taxpayer);
  });

  router.on("GET", "/_sandbox/arca/faults", () => json(200, state.arca.faults));
  router.on("DELETE", "/_sandbox/arca/faults", () => {
    state.arca.faults = [];
    return json(200, { cleared: true });
  });
  router.on("POST", "/_sandbox/arca/faults", (ctx) => {
    const parsed = createArcaFaultSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "falla inválida", issues: parsed.error.issues });
    const fault = addArcaFault(state.arca, parsed.data);
    return json(201, { id: fault.id, fault });
  });

  router.on("GET", "/_sandbox/arca/config", () => json(200, state.config.arca));
  router.on("POST", "/_sandbox/arca/config", (ctx) => {
    const parsed = arcaConfigPatchSchema.safeParse(bodyOf(ctx));
    if (!parsed.success) return json(400, { error: "configuración inválida", issues: parsed.error.issues });
    const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    state.config.arca = { ...state.config.arca, ...defined };
    return json(200, state.config.arca);
  });

  router.on("GET", "/_sandbox/arca/requests", (ctx) => {
    const method = ctx.query.get("method");
    const service = ctx.query.get("service");
    return json(
      200,
      state.arca.requests.filter((r) => (!method || r.method === method) && (!service || r.service === service)),
    );
  });
  router.on("DELETE", "/_sandbox/arca/requests", () => {
    state.arca.requests = [];
    return json(200, { cleared: true });
  });

  router.on("GET", "/_sandbox/arca/invoices", (ctx) => {
    const cuit = ctx.query.get("cuit");
    return json(200, [...state.arca.invoices.values()].filter((i) => !cuit || i.cuit === cuit).map(invoiceView));
  });

  router.on("GET", "/_sandbox/arca/tickets", () => json(200, state.arca.tickets.map(ticketView)));
}

function invoiceView(i: StoredInvoice): Record<string, unknown> {
  return {
    cuit: i.cuit,
    ptoVta: i.ptoVta,
    cbteTipo: i.cbteTipo,
    cbteNro: i.cbteNro,
    cae: i.cae,
    caeFchVto: i.caeFchVto,
    fchProceso: i.fchProceso,
    observaciones: i.observaciones,
    credited: i.creditedCents / 100,
    authorizedAt: i.authorizedAt,
    detail: i.detail,
  };
}

function ticketView(t: IssuedTicket): Record<string, unknown> {
  return {
    cuit: t.cuit,
    subject: t.subject,
    service: t.service,
    uniqueId: t.uniqueId,
    generationTime: arDateTime(t.generationTime),
    expirationTime: arDateTime(t.expirationTime),
    certificateSerial: t.certificateSerial,
    token: t.token,
    sign: t.sign,
  };
}
