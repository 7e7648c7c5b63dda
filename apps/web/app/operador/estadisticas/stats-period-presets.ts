import { AR_TIME_ZONE } from "@campotech/core/lib/clock-format";
import { addDays, localDateOf } from "@campotech/core/lib/time";

// Periods an operator usually wants: the last 30 days (the default), the previous calendar month and this month.
export function statsPeriodPresets(now: Date): { label: string; from: string; to: string }[] {
  const today = localDateOf(now, AR_TIME_ZONE);
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const lastMonthEnd = addDays(firstOfMonth, -1);
  return [
    { label: "Últimos 30 días", from: addDays(today, -29), to: today },
    { label: "Mes anterior", from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd },
    { label: "Este mes", from: firstOfMonth, to: today },
  ];
}
