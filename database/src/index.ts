export { createPrismaClient } from "./client";
export type { CreatePrismaClientOptions, Database } from "./client";
export { withTenant, TENANT_SETTING } from "./tenant";
export type { TenantTx } from "./tenant";
export { Prisma } from "../generated/prisma/client.ts";
export {
  ActorType,
  AssistantEngine,
  BspProvider,
  ConversationStatus,
  JobAttachmentKind,
  JobStatus,
  JobUrgency,
  LeadStatus,
  MediaState,
  MessageDirection,
  MessageStatus,
  MessageType,
  OrganizationStatus,
  OutboundPriority,
  PanicStatus,
  ProvisioningStatus,
  ServiceType,
  TemplateCategory,
  TemplateStatus,
  Tier,
  UserRole,
} from "../generated/prisma/client.ts";
export type {
  AssistantRun,
  AuditLog,
  ConversationTurn,
  Customer,
  Lead,
  Organization,
  OutboundDelivery,
  PanicMode,
  PriceListItem,
  RefreshToken,
  User,
  WaTemplate,
  WhatsAppBusinessAccount,
  WhatsAppConversation,
  WhatsAppMessage,
  WhatsAppParkedStatus,
  WhatsAppReaction,
  WhatsAppStatusEvent,
} from "../generated/prisma/client.ts";
