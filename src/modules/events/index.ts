export type { OrganizationEvent, OrganizationEventType } from "./organization-event";
export { organizationEventsChannel } from "./organization-events-channel";
export { publishOrganizationEvents } from "./publish-organization-events";
export { subscribeOrganizationEvents } from "./subscribe-organization-events";
