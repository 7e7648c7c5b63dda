import { formatArs } from "../../messaging/format-ar";

// "$45.000 + IVA" (whole pesos print without decimals), "por metro" when the unit is not a whole service.
export function formatPrice(item: { priceCents: number; ivaRateBps: number; unit: string }): string {
  const pesos = item.priceCents % 100 === 0 ? `$${Math.round(item.priceCents / 100).toLocaleString("es-AR")}` : formatArs(item.priceCents).replace(/\s/g, "");
  const iva = item.ivaRateBps > 0 ? " + IVA" : "";
  const per = ["servicio", "visita"].includes(item.unit) ? "" : ` por ${item.unit}`;
  return `${pesos}${iva}${per}`;
}
