export type BspTrigger = { key: "clientsWithAi" | "monthlyVolume" | "monthlyCost" | "uptime" | "webhookP95"; value: number | null; threshold: string; met: boolean | null };

export const BSP_THRESHOLDS = { clientsWithAi: 100, monthlyVolume: 50_000, uptime: 0.999, webhookP95Ms: 500 } as const;

// When applying as a BSP makes sense: ≥ 100 organizations with the assistant, ≥ 50,000 messages a month (inbound
// plus outbound in the period, scaled to 30 days), uptime of the web ≥ 99.9 % over 90 days, webhook acks answered
// in < 500 ms at the 95th percentile. The monthly message cost has no threshold (met is null): it is the number the
// application weighs against a BSP's margin. A metric with no data (null) is not met.
export function evaluateBspTriggers(input: { withAssistant: number; monthlyVolume: number; monthlyCostCents: number; uptime: number | null; webhookP95Ms: number | null }): BspTrigger[] {
  const { withAssistant, monthlyVolume, monthlyCostCents, uptime, webhookP95Ms } = input;
  return [
    { key: "clientsWithAi", value: withAssistant, threshold: `≥ ${BSP_THRESHOLDS.clientsWithAi}`, met: withAssistant >= BSP_THRESHOLDS.clientsWithAi },
    { key: "monthlyVolume", value: monthlyVolume, threshold: "≥ 50.000", met: monthlyVolume >= BSP_THRESHOLDS.monthlyVolume },
    { key: "monthlyCost", value: monthlyCostCents, threshold: "—", met: null },
    { key: "uptime", value: uptime, threshold: "≥ 99,9 %", met: uptime !== null && uptime >= BSP_THRESHOLDS.uptime },
    { key: "webhookP95", value: webhookP95Ms, threshold: `< ${BSP_THRESHOLDS.webhookP95Ms} ms`, met: webhookP95Ms !== null && webhookP95Ms < BSP_THRESHOLDS.webhookP95Ms },
  ];
}
