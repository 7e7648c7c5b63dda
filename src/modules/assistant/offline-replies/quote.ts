import type { EngineInput } from "../engine-types";
import { mentionedHazard } from "../understanding/detect-emergency";
import type { Understanding } from "../understanding/types";
import { lower, type Call, type PriceMatch } from "./reply-kit";

// Prices from the price list (a lead either way), and what the customer asked for remembered for the booking.
export async function quote(input: EngineInput, u: Understanding, call: Call, hello: string): Promise<string> {
  const { ctx } = input;
  const found = await call<{ matches: PriceMatch[] }>("get_price", { query: input.text.slice(0, 500) });
  ctx.state.description = input.text.slice(0, 300);
  ctx.state.awaiting = "schedule_offer";
  // Turns offered after a quote are for a new visit, not for one the customer was moving earlier.
  ctx.state.jobId = undefined;
  const best = found?.matches[0];
  if (!best) {
    await call("create_lead", { summary: input.text.slice(0, 300), ...(u.entities.serviceType ? { serviceType: u.entities.serviceType } : {}) });
    if (u.entities.serviceType) ctx.state.service = { serviceType: u.entities.serviceType };
    const hazard = mentionedHazard(u.normalized);
    if (hazard) {
      ctx.state.awaiting = "emergency_check";
      ctx.state.hazard = { kind: hazard, text: input.text.slice(0, 300) };
    }
    const urgentHint = hazard ? " Si es una urgencia (olor a gas, chispas, humo, agua que no para), respondé URGENTE." : "";
    return `${hello}Ese trabajo no está en nuestra lista de precios, así que le pasé tu consulta al equipo de ${input.organizationName} para que te envíen el presupuesto.${urgentHint || " Si querés, mientras tanto te paso turnos para una visita de diagnóstico."}`;
  }
  await call("create_lead", { summary: input.text.slice(0, 300), serviceType: best.serviceType, priceListCode: best.code, quotedCents: best.priceCents });
  const others = (found?.matches ?? []).slice(1, 2).filter((m) => m.serviceType === best.serviceType);
  const extra = others.map((m) => ` Si lo que necesitás es ${lower(m.name)}, sale ${m.priceText}.`).join("");
  return `${hello}${best.name} tiene un costo de ${best.priceText} (materiales aparte).${extra} ¿Querés que te pase turnos para la visita?`;
}

export function rememberRequest(input: EngineInput, u: Understanding): void {
  const { ctx } = input;
  if (!ctx.state.description) ctx.state.description = input.text.slice(0, 300);
  const code = u.entities.serviceCodes?.[0];
  const item = input.priceList.find((p) => p.code === code);
  const detected = u.entities.serviceType;
  // "revisar el aire" matches the generic diagnosis visit by its verb; the trade named (aire → HVAC) says more.
  if (item && !(item.serviceType === "GENERAL" && detected && detected !== "GENERAL")) ctx.state.service = { code: item.code, serviceType: item.serviceType, name: item.name };
  else if (detected) ctx.state.service = { serviceType: detected };
}
