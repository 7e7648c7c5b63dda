export { createQuickReply } from "./create-quick-reply";
export { deleteQuickReply } from "./delete-quick-reply";
export { listQuickReplies } from "./list-quick-replies";
export { quickReplyChangesSchema, quickReplyInputSchema, quickReplyShortcut } from "./quick-reply.schemas";
export type { QuickReplyChanges, QuickReplyInput } from "./quick-reply.schemas";
export type { QuickReplyView } from "./quick-reply-view";
export { updateQuickReply } from "./update-quick-reply";
