import type { RequestContext } from "../http/types.ts";
import type { BusinessNumber, SandboxState } from "../state.ts";

export type TwilioAccount = { sid: string; token: string };

/** HTTP Basic AccountSid:AuthToken, checked against the Twilio numbers the sandbox knows (and the env account). */
export function basicAccount(state: SandboxState, ctx: RequestContext): TwilioAccount | undefined {
  const header = ctx.headers.authorization;
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  const sid = decoded.slice(0, colon);
  const token = decoded.slice(colon + 1);
  const known =
    (sid === state.config.twilioAccountSid && token === state.config.twilioAuthToken) ||
    state.numbers.some((n) => n.provider === "TWILIO" && n.accountSid === sid && n.authToken === token);
  return known ? { sid, token } : undefined;
}

export function twilioNumberFor(state: SandboxState, accountSid: string, digits: string): BusinessNumber | undefined {
  return state.numbers.find((n) => n.provider === "TWILIO" && n.accountSid === accountSid && n.displayPhoneNumber === digits);
}
