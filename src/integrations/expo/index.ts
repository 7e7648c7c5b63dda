export { sendPush } from "./send-push";
export type { PushMessage, PushTicket } from "./send-push";
