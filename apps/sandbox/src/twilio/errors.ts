import type { Reply } from "../http/types.ts";

// Twilio's error codes used by the sandbox. Sync ones answer the API call; async ones accept the message and then
// fail it through the status callback (like 63016 outside the WhatsApp window).
export type TwilioErrorDef = { message: string; httpStatus: number; async?: boolean; finalStatus?: "failed" | "undelivered" };

export const TWILIO_ERRORS: Record<number, TwilioErrorDef> = {
  20003: { message: "Authenticate", httpStatus: 401 },
  20404: { message: "The requested resource was not found", httpStatus: 404 },
  20429: { message: "Too Many Requests", httpStatus: 429 },
  20500: { message: "Internal Server Error", httpStatus: 500 },
  21211: { message: "The 'To' number is not a valid phone number.", httpStatus: 400 },
  21408: { message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number.", httpStatus: 400 },
  21602: { message: "Message body is required.", httpStatus: 400 },
  21603: { message: "A 'From' phone number is required.", httpStatus: 400 },
  21604: { message: "A 'To' phone number is required.", httpStatus: 400 },
  21606: { message: "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account.", httpStatus: 400 },
  21610: { message: "Attempt to send to unsubscribed recipient", httpStatus: 400 },
  21617: { message: "The concatenated message body exceeds the 1600 character limit.", httpStatus: 400 },
  21620: { message: "Invalid media URL(s)", httpStatus: 400 },
  21655: { message: "The ContentSid is Invalid.", httpStatus: 400 },
  21656: { message: "The ContentVariables Parameter is invalid.", httpStatus: 400 },
  21910: { message: "Invalid From and To pair. From and To should be of the same channel", httpStatus: 400 },
  30003: { message: "Unreachable destination handset", httpStatus: 400, async: true, finalStatus: "undelivered" },
  30005: { message: "Unknown destination handset", httpStatus: 400, async: true, finalStatus: "undelivered" },
  30006: { message: "Landline or unreachable carrier", httpStatus: 400, async: true, finalStatus: "undelivered" },
  30007: { message: "Message filtered", httpStatus: 400, async: true, finalStatus: "undelivered" },
  30008: { message: "Unknown error", httpStatus: 400, async: true, finalStatus: "undelivered" },
  63007: { message: "Twilio could not find a Channel with the specified From address", httpStatus: 400 },
  63016: {
    message: "Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.",
    httpStatus: 400,
    async: true,
    finalStatus: "failed",
  },
  63018: { message: "Rate limit exceeded for Channel", httpStatus: 400, async: true, finalStatus: "failed" },
  63021: { message: "Channel invalid content error", httpStatus: 400, async: true, finalStatus: "failed" },
  63024: { message: "Invalid message recipient", httpStatus: 400, async: true, finalStatus: "failed" },
};

export function twilioErrorBody(code: number, message?: string): Record<string, unknown> {
  const def = TWILIO_ERRORS[code] ?? TWILIO_ERRORS[20500]!;
  return { code, message: message ?? def.message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: def.httpStatus };
}

export function twilioError(code: number, message?: string): Reply {
  const status = TWILIO_ERRORS[code]?.httpStatus ?? 500;
  return { status, json: twilioErrorBody(code, message), headers: { "twilio-request-id": "RQ" + Math.random().toString(16).slice(2).padEnd(32, "0").slice(0, 32) } };
}

export function twilioAuthError(): Reply {
  return { ...twilioError(20003), headers: { "www-authenticate": 'Basic realm="Twilio API"' } };
}
