import { z } from "zod";

export const CUSTOMER_MESSAGE_TYPES = [
  "text", "image", "audio", "voice", "video", "document", "sticker", "location", "contacts",
  "button_reply", "list_reply", "button", "reaction", "unsupported", "system",
] as const;

export const customerMessageSchema = z.object({
  to: z.string().min(1).optional(),
  provider: z.enum(["META_DIRECT", "DIALOG_360", "TWILIO", "TWILIO_SMS"]).optional(),
  type: z.enum(CUSTOMER_MESSAGE_TYPES),
  text: z.string().optional(),
  media: z
    .object({ base64: z.string().optional(), mimeType: z.string().optional(), filename: z.string().optional(), caption: z.string().optional() })
    .optional(),
  location: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() }).optional(),
  reply: z.object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() }).optional(),
  reactionTo: z.string().optional(),
  emoji: z.string().optional(),
  contextMessageId: z.string().optional(),
  referral: z.record(z.string(), z.unknown()).optional(),
  profileName: z.string().optional(),
  contacts: z.array(z.record(z.string(), z.unknown())).optional(),
  /** system messages: the customer's new wa_id. */
  newWaId: z.string().optional(),
  forwarded: z.boolean().optional(),
});

export type CustomerMessageInput = z.infer<typeof customerMessageSchema>;
