import { formValue, formValues } from "../http/body.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { newTwilioSid } from "../ids.ts";
import { canonicalWaId, parseTwilioAddress } from "../phone.ts";
import { takeFault } from "../faults.ts";
import { applyFault } from "../outbound/fault-reply.ts";
import { isWindowOpen, pushInbox, type InboxEntry, type OutboundMessage, type SandboxState } from "../state.ts";
import { findTemplate, placeholders, renderText } from "../templates/store.ts";
import { scheduleStatuses } from "../webhooks/statuses.ts";
import type { TwilioAccount } from "./auth.ts";
import { twilioNumberFor } from "./auth.ts";
import { templateNameForContentSid } from "./content.ts";
import { twilioError } from "./errors.ts";
import { messageResource } from "./resource.ts";

/** POST Accounts/{sid}/Messages.json: Twilio's validation order, faults, the 24 h WhatsApp window, statuses. */
export async function handleTwilioSend(state: SandboxState, account: TwilioAccount, ctx: RequestContext): Promise<Reply> {
  const fields = ctx.body.kind === "form" ? ctx.body.fields : {};
  const rawTo = formValue(fields, "To");
  const rawFrom = formValue(fields, "From");
  const to = rawTo ? parseTwilioAddress(rawTo) : undefined;
  const from = rawFrom ? parseTwilioAddress(rawFrom) : undefined;
  const number = from ? twilioNumberFor(state, account.sid, from.digits) : undefined;

  let asyncFailure: number | undefined;
  const fault = takeFault(state, { provider: "TWILIO", phoneNumberId: number?.phoneNumberId ?? "", endpoint: "send", ...(to ? { recipient: to.digits } : {}) });
  if (fault) {
    const outcome = await applyFault(state, ctx, fault, "twilio");
    if (outcome.kind === "reply") return outcome.reply;
    asyncFailure = outcome.code;
  }

  if (!rawTo) return twilioError(21604);
  if (!to) return twilioError(21211, `The 'To' number ${rawTo} is not a valid phone number.`);
  if (!rawFrom) return twilioError(21603);
  if (!from || !number) {
    return from?.channel === "whatsapp"
      ? twilioError(63007)
      : twilioError(21606, `The From phone number ${rawFrom} is not a valid, SMS-capable inbound phone number or short code for your account.`);
  }
  if (from.channel !== to.channel) return twilioError(21910);

  const mediaUrls = formValues(fields, "MediaUrl");
  if (mediaUrls.some((u) => !/^https?:\/\/\S+$/i.test(u))) return twilioError(21620);
  const contentSid = formValue(fields, "ContentSid");
  let body = formValue(fields, "Body") ?? "";
  let category = "service";
  if (contentSid) {
    const rendered = renderContent(state, number.wabaId, contentSid, formValue(fields, "ContentVariables"));
    if ("error" in rendered) return rendered.error;
    body = rendered.body;
    category = rendered.category;
  } else {
    if (body === "" && mediaUrls.length === 0) return twilioError(21602);
    if (body.length > 1600) return twilioError(21617);
  }

  const customer = canonicalWaId(to.digits);
  // Free-form WhatsApp outside the customer service window is accepted, then fails with 63016 (reference §6).
  if (asyncFailure === undefined && to.channel === "whatsapp" && !contentSid && !isWindowOpen(state, number, customer)) {
    asyncFailure = 63016;
  }

  const sid = newTwilioSid("SM");
  const resource = messageResource({ sid, accountSid: account.sid, from: rawFrom, to: rawTo, body, numMedia: mediaUrls.length, status: "queued" });
  const provider = to.channel === "whatsapp" ? "TWILIO" : "TWILIO_SMS";
  const inbox: InboxEntry = {
    id: sid,
    provider,
    from: rawFrom,
    to: customer,
    type: contentSid ? "template" : mediaUrls.length > 0 ? "media" : "text",
    payload: fields,
    status: "accepted",
    createdAt: new Date().toISOString(),
  };
  pushInbox(state, customer, inbox);
  const statusCallback = formValue(fields, "StatusCallback") ?? number.statusCallbackUrl;
  const message: OutboundMessage = {
    id: sid,
    provider,
    number,
    recipient: customer,
    inbox,
    category,
    twilio: resource,
    ...(statusCallback ? { statusCallback } : {}),
  };
  state.messages.set(sid, message);
  scheduleStatuses(state, message, asyncFailure);
  return { status: 201, json: { ...resource } };
}

function renderContent(
  state: SandboxState,
  wabaId: string,
  contentSid: string,
  variablesJson: string | undefined,
): { body: string; category: string } | { error: Reply } {
  const name = templateNameForContentSid(contentSid);
  const template = name ? findTemplate(state, wabaId, name, "es_AR") : undefined;
  if (!template) return { error: twilioError(21655) };
  let variables: Record<string, unknown> = {};
  if (variablesJson !== undefined) {
    try {
      const parsed: unknown = JSON.parse(variablesJson);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      variables = parsed as Record<string, unknown>;
    } catch {
      return { error: twilioError(21656) };
    }
  }
  const text = template.components.find((c) => c.type === "BODY")?.text ?? "";
  const values: Record<string, string> = {};
  // Stricter than Twilio (which falls back to sample values): a missing variable is a platform bug worth surfacing.
  for (const key of placeholders(text)) {
    const v = variables[key];
    if (typeof v !== "string" || v.trim() === "") return { error: twilioError(21656, `The ContentVariables Parameter is invalid. Missing value for variable {{${key}}}.`) };
    values[key] = v;
  }
  return { body: renderText(text, values), category: template.category.toLowerCase() };
}
