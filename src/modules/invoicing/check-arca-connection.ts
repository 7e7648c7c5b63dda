import type { Redis } from "ioredis";
import type { Prisma } from "@campotech/database";
import { ArcaError, feDummy, lastAuthorizedNumber, pointsOfSale } from "../../integrations/arca";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { loadArcaContext } from "./arca-context";
import { explainArcaError } from "./explain-arca-message";
import { getArcaTicket } from "./get-arca-ticket";
import { voucherTypeOf } from "./voucher-rules";

export type ArcaCheckStep = { step: string; ok: boolean; detail: string };
export type ArcaCheck = { ok: boolean; steps: ArcaCheckStep[]; lastNumbers: { voucherType: number; number: number }[] };

// "Probar conexión" and `campotech arca check`: ARCA's service is up (FEDummy), the certificate gets a ticket
// (WSAA), the point of sale exists and is a web-services one, and the last authorized number of each voucher type
// this organization issues. Each step says in Spanish what is wrong; the result is kept for the settings page.
export async function checkArcaConnection(organizationId: string, deps: { redis: Redis; now: () => number }): Promise<ArcaCheck> {
  const steps: ArcaCheckStep[] = [];
  const lastNumbers: ArcaCheck["lastNumbers"] = [];
  const done = async () => {
    const result: ArcaCheck = { ok: steps.every((s) => s.ok), steps, lastNumbers };
    await withTenant(organizationId, (tx) =>
      tx.arcaConnection.updateMany({ where: { organizationId }, data: { lastCheckAt: new Date(deps.now()), lastCheck: result as unknown as Prisma.InputJsonObject } }),
    );
    return result;
  };
  let ctx;
  try {
    ctx = await loadArcaContext(organizationId, { now: new Date(deps.now()), requirePointOfSale: false });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    steps.push({ step: "Configuración", ok: false, detail: error.message });
    return done();
  }
  try {
    const dummy = await feDummy(ctx.wsfe);
    const up = dummy.appServer === "OK" && dummy.dbServer === "OK" && dummy.authServer === "OK";
    steps.push({ step: "Servicio de facturación (FEDummy)", ok: up, detail: up ? "ARCA responde." : `ARCA informa: aplicación ${dummy.appServer}, base ${dummy.dbServer}, autenticación ${dummy.authServer}.` });
    const auth = await getArcaTicket(ctx, deps);
    steps.push({ step: "Certificado y ticket de acceso (WSAA)", ok: true, detail: `Ticket vigente para el CUIT ${ctx.cuit}.` });
    const points = await pointsOfSale(auth, ctx.wsfe);
    const chosen = points.find((p) => p.number === ctx.connection.pointOfSale);
    const usable = chosen && !chosen.blocked && !chosen.closedOn && /RECE|WEB/i.test(chosen.emissionType);
    steps.push({
      step: "Punto de venta",
      ok: Boolean(usable),
      detail: !ctx.connection.pointOfSale
        ? `Elegí uno de tus puntos de venta para web services: ${points.map((p) => p.number).join(", ") || "ninguno (crealo en ARCA, tipo RECE)"}.`
        : !chosen
          ? `El punto de venta ${ctx.connection.pointOfSale} no existe en ARCA para este CUIT. Disponibles: ${points.map((p) => p.number).join(", ") || "ninguno"}.`
          : usable
            ? `Punto de venta ${chosen.number} (${chosen.emissionType}).`
            : `El punto de venta ${chosen.number} no sirve para web services (${chosen.emissionType}${chosen.blocked ? ", bloqueado" : ""}${chosen.closedOn ? `, dado de baja ${chosen.closedOn}` : ""}).`,
    });
    if (usable) {
      const letters = ctx.connection.issuerCondition === "RESPONSABLE_INSCRIPTO" ? (["A", "B"] as const) : (["C"] as const);
      for (const letter of letters) {
        for (const kind of ["INVOICE", "CREDIT_NOTE"] as const) {
          const voucherType = voucherTypeOf(letter, kind);
          lastNumbers.push({ voucherType, number: await lastAuthorizedNumber(auth, { pointOfSale: chosen.number, voucherType }, ctx.wsfe) });
        }
      }
      steps.push({ step: "Último comprobante autorizado", ok: true, detail: lastNumbers.map((l) => `tipo ${l.voucherType}: ${l.number}`).join(" · ") });
    }
  } catch (error) {
    if (!(error instanceof ArcaError)) throw error;
    steps.push({ step: error.details.service === "wsaa" ? "Certificado y ticket de acceso (WSAA)" : "Servicio de facturación", ok: false, detail: explainArcaError(error) });
  }
  return done();
}
