export { checkHealth, healthFailureReason } from "./check-health";
export type { DependencyState, HealthReport } from "./check-health";
