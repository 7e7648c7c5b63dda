import { z } from "zod";
import type { Prisma, TenantTx } from "@campotech/database";
import { outboundContentSchema, type OutboundContent } from "../../contracts/whatsapp";
import { assertValidOutboundMessage, providerCapabilities } from "../../integrations/whatsapp";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { toWaId } from "../../lib/phone";
import { publishOrganizationEvents } from "../events/publish-organization-events";
import { effectiveTier } from "../organizations/effective-tier";
import { buildTemplateMessage } from "../templates/build-template-message";
import { ensureTemplateSendable } from "../templates/ensure-template-sendable";
import { enqueueDelivery } from "./enqueue-delivery";
import { reserveMonthlyMessage } from "./reserve-monthly-message";
import { redactContent, sealContent } from "./secret-content";

export const sendMessageInputSchema = z.object({
  organizationId: z.string().min(1),
  conversationId: z.string().min(1).optional(),
  customerId: z.string().min(1).optional(),
  content: outboundContentSchema,
  priority: z.enum(["high", "normal", "low"]).default("normal"),
  scheduledAt: z.date().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  // Why we send: decides what an opted-out customer may still get and labels the message.
  purpose: z.enum(["reply", "notification", "authentication", "opt_out_confirmation", "emergency", "marketing"]).default("reply"),
  // The template to use when the 24-hour window is closed (or closes before delivery: error 131047).
  templateFallback: z.object({ name: z.string(), language: z.string().default("es_AR"), params: z.array(z.string()) }).optional(),
  smsFallback: z.boolean().optional(),
  sentByUserId: z.string().optional(),
  replyToMessageId: z.string().optional(),
  // When the content stops being worth sending (a login code's expiry). Authentication messages default to 10 min.
  expiresAt: z.date().optional(),
});

export type SendMessageInput = z.input<typeof sendMessageInputSchema>;

const PRIORITY = { high: "HIGH", normal: "NORMAL", low: "LOW" } as const;
const UNCOUNTED_PURPOSES = new Set(["authentication", "opt_out_confirmation"]);
const SECRET_TTL_MS = 10 * 60_000;

// The one way anything is sent on WhatsApp. Validates the content for the account's provider, applies the
// 24-hour rule, opt-outs and the tier's monthly allowance, stores the message as QUEUED and hands it to the
// delivery worker. The same idempotency key never sends twice: the second call returns the first message.
export async function sendMessage(raw: SendMessageInput, now: Date = new Date()) {
  const input = sendMessageInputSchema.parse(raw);
  const { message, created, usageAlert } = await withTenant(input.organizationId, (tx) => storeOutbound(tx, input, now));
  if (usageAlert) {
    await publishOrganizationEvents([
      { type: "usage.threshold", organizationId: input.organizationId, percent: 80, used: usageAlert.used, limit: usageAlert.limit, at: now.toISOString() },
    ]);
  }
  if (created) {
    await enqueueDelivery({ organizationId: input.organizationId, messageId: message.id, priority: PRIORITY[input.priority], notBefore: input.scheduledAt, now });
    await publishOrganizationEvents([
      {
        type: "message.created",
        organizationId: input.organizationId,
        conversationId: message.conversationId,
        messageId: message.id,
        waMessageId: null,
        direction: "OUTBOUND",
        messageType: message.type,
        at: now.toISOString(),
      },
    ]);
  }
  return message;
}

async function storeOutbound(tx: TenantTx, input: z.output<typeof sendMessageInputSchema>, now: Date) {
  if (input.idempotencyKey) {
    const existing = await tx.outboundDelivery.findUnique({
      where: { organizationId_idempotencyKey: { organizationId: input.organizationId, idempotencyKey: input.idempotencyKey } },
      select: { message: true },
    });
    if (existing) return { message: existing.message, created: false, usageAlert: null };
  }
  const conversation = await findOrOpenConversation(tx, input);
  const { customer } = conversation;
  const account = await tx.whatsAppBusinessAccount.findFirst({
    where: conversation.accountId ? { id: conversation.accountId } : { organizationId: input.organizationId, provisioningStatus: "ACTIVE" },
    select: { id: true, bspProvider: true, provisioningStatus: true },
    orderBy: { createdAt: "asc" },
  });
  if (!account) throw new AppError("VALIDATION_FAILED", { message: "La organización no tiene un número de WhatsApp conectado." });
  if (account.provisioningStatus !== "ACTIVE") {
    throw new AppError("SERVICE_UNAVAILABLE", { message: "El número de WhatsApp está suspendido: no se pueden enviar mensajes." });
  }

  const windowOpen = !!conversation.windowExpiresAt && conversation.windowExpiresAt.getTime() > now.getTime();
  if (customer.optedOutAt && !windowOpen && !["authentication", "opt_out_confirmation"].includes(input.purpose)) {
    throw new AppError("OPTED_OUT");
  }
  let content: OutboundContent = input.content;
  let preview = previewOf(content);
  if (content.type !== "template" && !windowOpen) {
    if (!input.templateFallback) throw new AppError("TEMPLATE_REQUIRED");
    ({ content, preview } = await templateContent(tx, input.organizationId, input.templateFallback));
  } else if (content.type === "template") {
    const template = await ensureTemplateSendable(tx, { organizationId: input.organizationId, name: content.name, ...(content.language ? { language: content.language } : {}) });
    preview = previewFromStoredTemplate(template.components, content);
  }
  const recipient = customer.waId ?? (customer.phone ? toWaId(customer.phone) : null);
  if (!recipient) throw new AppError("VALIDATION_FAILED", { message: "El cliente no tiene un número de WhatsApp." });
  assertValidOutboundMessage(
    { to: recipient, content },
    { provider: account.bspProvider, capabilities: providerCapabilities(account.bspProvider) },
  );

  // Login codes and opt-out confirmations are obligations of the platform, not usage: they never count against the
  // plan (a FREE organization must still be able to log in).
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: input.organizationId }, select: { tier: true, trialEndsAt: true } });
  const usage = UNCOUNTED_PURPOSES.has(input.purpose)
    ? { used: 0, limit: null, crossedAlertThreshold: false }
    : await reserveMonthlyMessage(tx, { accountId: account.id, tier: effectiveTier(organization, now) });

  // Login codes are stored redacted; the real content is sealed on the delivery row (secret-content.ts).
  const secret = input.purpose === "authentication";
  const visible = secret ? redactContent(content, preview) : { content, preview };
  const replyTo = input.replyToMessageId ? await replyContextOf(tx, conversation.id, input.replyToMessageId) : null;
  const message = await tx.whatsAppMessage.create({
    data: {
      organizationId: input.organizationId,
      conversationId: conversation.id,
      accountId: account.id,
      direction: "OUTBOUND",
      type: messageTypeOf(content),
      content: { ...(visible.content as Prisma.InputJsonObject), preview: visible.preview } as Prisma.InputJsonObject,
      status: "QUEUED",
      sentByUserId: input.sentByUserId ?? null,
      contextWaMessageId: replyTo,
    },
  });
  await tx.outboundDelivery.create({
    data: {
      organizationId: input.organizationId,
      messageId: message.id,
      accountId: account.id,
      recipient,
      idempotencyKey: input.idempotencyKey ?? null,
      priority: PRIORITY[input.priority],
      purpose: input.purpose,
      templateFallback: input.templateFallback ?? undefined,
      smsFallback: input.smsFallback ?? (input.priority === "high" || input.purpose === "authentication"),
      scheduledAt: input.scheduledAt ?? null,
      sealedContent: secret ? sealContent({ content, preview }) : null,
      secretExpiresAt: secret ? (input.expiresAt ?? new Date(now.getTime() + SECRET_TTL_MS)) : null,
    },
  });
  await tx.whatsAppConversation.update({ where: { id: conversation.id }, data: { lastMessageAt: now } });
  return { message, created: true, usageAlert: usage.crossedAlertThreshold ? usage : null };
}

// The quoted message must be one of this conversation's (RLS already keeps other organizations' rows out of reach,
// but a message id from another conversation would still quote a stranger's message to this customer).
async function replyContextOf(tx: TenantTx, conversationId: string, replyToMessageId: string): Promise<string> {
  const quoted = await tx.whatsAppMessage.findFirst({
    where: { conversationId, OR: [{ waMessageId: replyToMessageId }, { id: replyToMessageId }] },
    select: { waMessageId: true },
  });
  if (!quoted?.waMessageId) {
    throw new AppError("VALIDATION_FAILED", {
      message: "El mensaje que querés responder no es de esta conversación.",
      fields: { replyToMessageId: "El mensaje que querés responder no es de esta conversación." },
    });
  }
  return quoted.waMessageId;
}

async function findOrOpenConversation(tx: TenantTx, input: { organizationId: string; conversationId?: string; customerId?: string }) {
  const include = { customer: { select: { id: true, phone: true, waId: true, optedOutAt: true, name: true } } } as const;
  if (input.conversationId) {
    const conversation = await tx.whatsAppConversation.findUnique({ where: { id: input.conversationId }, include });
    if (!conversation) throw new AppError("NOT_FOUND", { message: "La conversación no existe." });
    return conversation;
  }
  if (!input.customerId) throw new AppError("VALIDATION_FAILED", { message: "Indicá la conversación o el cliente." });
  const customer = await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } });
  if (!customer) throw new AppError("NOT_FOUND", { message: "El cliente no existe." });
  return tx.whatsAppConversation.upsert({
    where: { organizationId_customerId: { organizationId: input.organizationId, customerId: customer.id } },
    create: { organizationId: input.organizationId, customerId: customer.id, status: "OPEN" },
    update: { deletedAt: null }, // a conversation retention soft-deleted comes back when the office writes again
    include,
  });
}

async function templateContent(tx: TenantTx, organizationId: string, fallback: { name: string; language: string; params: string[] }) {
  const template = await ensureTemplateSendable(tx, { organizationId, name: fallback.name, language: fallback.language });
  return buildTemplateMessage({ name: template.name, language: template.language, components: template.components }, fallback.params);
}

function previewFromStoredTemplate(components: unknown, content: Extract<OutboundContent, { type: "template" }>): string {
  const params = (content.components ?? []).flatMap((c) => (c.type === "body" ? c.parameters : [])).map((p) => ("text" in p ? p.text : ""));
  try {
    return buildTemplateMessage({ name: content.name, language: content.language ?? "es_AR", components }, params).preview;
  } catch {
    return `[plantilla ${content.name}]`;
  }
}

function previewOf(content: OutboundContent): string {
  switch (content.type) {
    case "text":
      return content.body;
    case "buttons":
    case "list":
      return content.body;
    case "location":
      return content.name ?? `Ubicación ${content.latitude}, ${content.longitude}`;
    case "reaction":
      return content.emoji;
    case "template":
      return `[plantilla ${content.name}]`;
    default:
      return "caption" in content && content.caption ? content.caption : "[adjunto]";
  }
}

const MEDIA_TYPES = { image: "IMAGE", audio: "AUDIO", video: "VIDEO", sticker: "STICKER", document: "DOCUMENT" } as const;

function messageTypeOf(content: OutboundContent) {
  switch (content.type) {
    case "text":
      return "TEXT" as const;
    case "template":
      return "TEMPLATE" as const;
    case "reaction":
      return "REACTION" as const;
    case "location":
      return "LOCATION" as const;
    case "buttons":
    case "list":
      return "INTERACTIVE" as const;
    case "media":
      return MEDIA_TYPES[content.kind];
  }
}
