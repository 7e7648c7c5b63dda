import { z } from "zod";
import { sanitizeText } from "../lib/sanitize-text";

// Outbound WhatsApp content, shared by the server, the web composer and the mobile app (types only there).
// The schemas check shape; WhatsApp's own limits (title lengths, number of buttons, …) are enforced by
// validateOutboundMessage in src/integrations/whatsapp, because some depend on the provider.

export const textContentSchema = z.object({
  type: z.literal("text"),
  // NUL and lone surrogates cannot be stored (src/lib/sanitize-text.ts).
  body: z.string().overwrite((s) => sanitizeText(s)).min(1),
  previewUrl: z.boolean().optional(),
});

// Template parameters mirror Meta's component parameters; Twilio maps them to numbered ContentVariables.
export const templateParameterSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string(), parameterName: z.string().optional() }),
  z.object({
    type: z.literal("currency"),
    currency: z.object({ fallbackValue: z.string(), code: z.string().length(3), amount1000: z.number().int() }),
    parameterName: z.string().optional(),
  }),
  z.object({
    type: z.literal("date_time"),
    dateTime: z.object({ fallbackValue: z.string() }),
    parameterName: z.string().optional(),
  }),
  z.object({
    type: z.enum(["image", "video", "document"]),
    media: z.object({ id: z.string().optional(), link: z.url().optional(), filename: z.string().optional() }),
  }),
  z.object({ type: z.literal("payload"), payload: z.string() }),
]);

export const templateComponentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("header"), parameters: z.array(templateParameterSchema) }),
  z.object({ type: z.literal("body"), parameters: z.array(templateParameterSchema) }),
  z.object({
    type: z.literal("button"),
    subType: z.enum(["quick_reply", "url", "copy_code", "flow", "catalog", "mpm"]),
    index: z.number().int().min(0).max(9),
    parameters: z.array(templateParameterSchema),
  }),
]);

export const templateContentSchema = z.object({
  type: z.literal("template"),
  name: z.string().min(1),
  language: z.string().min(2).default("es_AR"),
  components: z.array(templateComponentSchema).default([]),
});

const replyButtonSchema = z.object({ id: z.string().min(1), title: z.string().min(1) });

export const interactiveHeaderSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1) }),
  z.object({
    type: z.enum(["image", "video", "document"]),
    media: z.object({ id: z.string().optional(), link: z.url().optional(), filename: z.string().optional() }),
  }),
]);

export const buttonsContentSchema = z.object({
  type: z.literal("buttons"),
  body: z.string().min(1),
  header: interactiveHeaderSchema.optional(),
  footer: z.string().optional(),
  buttons: z.array(replyButtonSchema).min(1),
});

export const listContentSchema = z.object({
  type: z.literal("list"),
  body: z.string().min(1),
  button: z.string().min(1),
  header: z.object({ type: z.literal("text"), text: z.string().min(1) }).optional(),
  footer: z.string().optional(),
  sections: z
    .array(
      z.object({
        title: z.string().optional(),
        rows: z.array(z.object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() })),
      }),
    )
    .min(1),
});

export const mediaKindSchema = z.enum(["image", "audio", "video", "document", "sticker"]);

export const mediaContentSchema = z.object({
  type: z.literal("media"),
  kind: mediaKindSchema,
  id: z.string().min(1).optional(),
  link: z.url().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

export const locationContentSchema = z.object({
  type: z.literal("location"),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().optional(),
  address: z.string().optional(),
});

export const reactionContentSchema = z.object({
  type: z.literal("reaction"),
  messageId: z.string().min(1),
  // "" removes a reaction the business sent earlier.
  emoji: z.string(),
});

export const outboundContentSchema = z.discriminatedUnion("type", [
  textContentSchema,
  templateContentSchema,
  buttonsContentSchema,
  listContentSchema,
  mediaContentSchema,
  locationContentSchema,
  reactionContentSchema,
]);

export const outboundMessageSchema = z.object({
  // The recipient's WhatsApp id (digits, as Meta reported it) or E.164.
  to: z.string().min(8),
  content: outboundContentSchema,
  replyToMessageId: z.string().min(1).optional(),
  // Echoed back on status webhooks by Meta/360dialog (biz_opaque_callback_data, ≤512 bytes).
  callbackData: z.string().optional(),
});

export type TextContent = z.infer<typeof textContentSchema>;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;
export type TemplateComponent = z.infer<typeof templateComponentSchema>;
export type TemplateContent = z.input<typeof templateContentSchema>;
export type InteractiveHeader = z.infer<typeof interactiveHeaderSchema>;
export type ButtonsContent = z.infer<typeof buttonsContentSchema>;
export type ListContent = z.infer<typeof listContentSchema>;
export type MediaKind = z.infer<typeof mediaKindSchema>;
export type MediaContent = z.infer<typeof mediaContentSchema>;
export type LocationContent = z.infer<typeof locationContentSchema>;
export type ReactionContent = z.infer<typeof reactionContentSchema>;
export type OutboundContent = z.input<typeof outboundContentSchema>;
export type OutboundContentType = OutboundContent["type"];
export type OutboundMessage = z.input<typeof outboundMessageSchema>;
