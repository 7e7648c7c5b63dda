export { createMetaProvider } from "./create-meta-provider";
export type { MetaAccount } from "./create-meta-provider";
export { toGraphMessage } from "./to-graph-message";
export { parseGraphError } from "./parse-graph-error";
export { listMetaMessageTemplates } from "./list-message-templates";
export { createMetaMessageTemplate } from "./create-message-template";
export type { MessageTemplate, MessageTemplateDefinition } from "./parse-message-template";
