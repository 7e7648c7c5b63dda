import type { TenantTx } from "../../lib/db";
import { countJobsByTechnician, type JobsByTechnicianRow } from "./count-jobs-by-technician";
import { measureAssistantResolution, type AssistantResolutionReport } from "./measure-assistant-resolution";
import { measureFirstResponse, type FirstResponseReport } from "./measure-first-response";
import { toReportRange, type ReportGranularity } from "./report-range";
import { summarizeEmergencies, type EmergenciesReport } from "./summarize-emergencies";
import { sumRevenueByPeriod, type RevenueReport } from "./sum-revenue-by-period";

export type Report = {
  from: string; to: string; days: number; granularity: ReportGranularity;
  jobsByTechnician: JobsByTechnicianRow[];
  revenue: RevenueReport;
  firstResponse: FirstResponseReport;
  assistantResolution: AssistantResolutionReport;
  emergencies: EmergenciesReport;
};

// Everything the reports page shows for one Buenos Aires date range (both days included), aggregated in Postgres.
// The queries run one after another: they share the tenant transaction (RLS), which serves one query at a time.
export async function getReport(tx: TenantTx, organizationId: string, input: { from: string; to: string }): Promise<Report> {
  const range = toReportRange(input);
  const jobsByTechnician = await countJobsByTechnician(tx, organizationId, range);
  const revenue = await sumRevenueByPeriod(tx, organizationId, range);
  const firstResponse = await measureFirstResponse(tx, organizationId, range);
  const assistantResolution = await measureAssistantResolution(tx, organizationId, range);
  const emergencies = await summarizeEmergencies(tx, organizationId, range);
  return { from: range.from, to: range.to, days: range.days, granularity: range.granularity, jobsByTechnician, revenue, firstResponse, assistantResolution, emergencies };
}
