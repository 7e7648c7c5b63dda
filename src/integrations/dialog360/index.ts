export { createDialog360Provider, toDialog360MediaUrl } from "./create-dialog360-provider";
export type { Dialog360Account } from "./create-dialog360-provider";
export { setDialog360Webhook } from "./set-dialog360-webhook";
export { listDialog360Templates } from "./list-dialog360-templates";
export { createDialog360Template } from "./create-dialog360-template";
export { createDialog360PartnerClient } from "./partner-client";
export type { Dialog360PartnerClient, PartnerChannel, PartnerClientConfig, PartnerReservation, PoolNumber } from "./partner-client";
export { partnerErrorCode } from "./partner-errors";
