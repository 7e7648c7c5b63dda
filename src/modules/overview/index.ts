export { buenosAiresPeriods } from "./buenos-aires-day";
export { countMessageStatuses } from "./count-message-statuses";
export { getOverview } from "./get-overview";
export type { Overview } from "./get-overview";
export { listOpenEmergencies } from "./list-open-emergencies";
export type { OpenEmergency } from "./list-open-emergencies";
export { listTodayJobs } from "./list-today-jobs";
export type { TodayJob } from "./list-today-jobs";
export { medianFirstResponse } from "./median-first-response";
