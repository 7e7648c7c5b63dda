import { sendTwilioSms } from "../../integrations/twilio";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { logger } from "../../lib/logger";
import { ensureStaffRecipient } from "../auth/ensure-staff-recipient";
import { sendMessage } from "../messaging/send-message";
import { ROLE_NAMES } from "./role-names";
import type { UserRole } from "@campotech/database";

export type InvitationDelivery = { channel: "whatsapp" | "sms" | "none"; messageId: string | null };

export function invitationText(input: { inviterName: string; organizationName: string; role: UserRole; code: string }): string {
  return (
    `${input.inviterName} te invitó a sumarte a ${input.organizationName} en CampoTech como ${ROLE_NAMES[input.role]}. ` +
    `Tu código: ${input.code}. Entrá en ${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/unirme (vence en 72 horas).`
  );
}

// Through the organization's own WhatsApp number, like login codes (request-otp.ts), as the internal staff_alert
// template: the invitee's 24-hour window is closed and the text must carry who invites and where to go, which the
// otp_code template cannot. purpose "authentication" keeps the code out of the stored message (only the sealed copy
// has it), does not count against the plan and falls back to SMS if the delivery fails later. The invitee has no
// user yet, so the recipient row is keyed by the phone ("invitation:<phone>" as staffUserId: hidden from customer
// lists like every staff recipient). When the organization cannot send at all (no number, template not approved,
// panic), the platform's SMS sender takes it at once.
export async function sendInvitationCode(
  input: { organizationId: string; phone: string; name: string; text: string; expiresAt: Date },
  now: Date,
): Promise<InvitationDelivery> {
  try {
    const customerId = await withTenant(input.organizationId, (tx) =>
      ensureStaffRecipient(tx, { userId: `invitation:${input.phone}`, organizationId: input.organizationId, name: input.name, phone: input.phone }),
    );
    const message = await sendMessage(
      {
        organizationId: input.organizationId,
        customerId,
        content: {
          type: "template",
          name: "staff_alert",
          language: "es_AR",
          components: [{ type: "body", parameters: [{ type: "text", text: "Invitación a tu equipo" }, { type: "text", text: input.text }] }],
        },
        purpose: "authentication",
        priority: "high",
        expiresAt: input.expiresAt,
      },
      now,
    );
    return { channel: "whatsapp", messageId: message.id };
  } catch (error) {
    logger.warn({ organizationId: input.organizationId, err: (error as Error).message }, "invitation whatsapp send failed");
  }
  const sms = await sendTwilioSms({ to: input.phone, from: env.TWILIO_SMS_FROM, body: input.text });
  if (sms.ok) return { channel: "sms", messageId: null };
  logger.error({ organizationId: input.organizationId, err: sms.error.code }, "invitation sms fallback failed");
  return { channel: "none", messageId: null };
}
