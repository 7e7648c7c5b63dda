export { getLeadOrThrow } from "./get-lead-or-throw";
export { LEAD_SELECT, toLeadView } from "./lead-view";
export type { LeadView } from "./lead-view";
export { listLeads } from "./list-leads";
export type { ListLeadsInput } from "./list-leads";
export { updateLead } from "./update-lead";
export type { LeadChanges } from "./update-lead";
