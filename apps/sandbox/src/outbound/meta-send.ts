import { takeFault } from "../faults.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { newWamid } from "../ids.ts";
import { graphHeaders, graphParamError, metaError } from "../meta/errors.ts";
import { isObj, validateSend } from "../meta/validate.ts";
import { canonicalWaId } from "../phone.ts";
import { isWindowOpen, pushInbox, type BusinessNumber, type InboxEntry, type OutboundMessage, type SandboxState } from "../state.ts";
import { checkTemplateSend } from "../templates/check-send.ts";
import { scheduleStatuses } from "../webhooks/statuses.ts";
import { applyFault } from "./fault-reply.ts";

/**
 * POST messages for Meta and 360dialog (same body, same response): faults, mark-as-read, Meta's validation, template
 * checks, then accept and schedule the status webhooks.
 */
export async function handleMetaSend(state: SandboxState, number: BusinessNumber, ctx: RequestContext): Promise<Reply> {
  if (ctx.body.kind === "invalid-json" || ctx.body.kind === "text") {
    return graphParamError("Invalid parameter: the request body is not valid JSON");
  }
  const body = ctx.body.kind === "json" ? ctx.body.value : undefined;
  const recipient = isObj(body) && typeof body.to === "string" ? body.to : undefined;
  let asyncFailure: number | undefined;
  const fault = takeFault(state, { provider: number.provider, phoneNumberId: number.phoneNumberId, recipient, endpoint: "send" });
  if (fault) {
    const outcome = await applyFault(state, ctx, fault, "meta");
    if (outcome.kind === "reply") return outcome.reply;
    asyncFailure = outcome.code;
  }

  if (isObj(body) && body.status !== undefined) return markAsRead(state, body);

  const validation = validateSend(body);
  if (!validation.ok) return validation.reply;
  const { to, type, body: request } = validation.request;
  const waId = canonicalWaId(to);
  if (waId === canonicalWaId(number.displayPhoneNumber)) return metaError(131021);

  let category = "service";
  let rendered: string | undefined;
  if (type === "template") {
    const check = checkTemplateSend(state, number.wabaId, request.template);
    if (!check.ok) return check.reply;
    category = check.template.category.toLowerCase();
    rendered = check.rendered;
  } else if (asyncFailure === undefined && state.config.metaEnforceWindow && !isWindowOpen(state, number, waId)) {
    asyncFailure = 131047;
  }

  const id = newWamid(waId);
  const inbox: InboxEntry = {
    id,
    provider: number.provider,
    from: number.displayPhoneNumber,
    to: waId,
    type,
    payload: rendered === undefined ? request : { ...request, rendered },
    status: "accepted",
    createdAt: new Date().toISOString(),
  };
  pushInbox(state, waId, inbox);
  const message: OutboundMessage = {
    id,
    provider: number.provider,
    number,
    recipient: waId,
    inbox,
    category,
    ...(typeof request.biz_opaque_callback_data === "string" ? { bizOpaque: request.biz_opaque_callback_data } : {}),
  };
  state.messages.set(id, message);
  scheduleStatuses(state, message, asyncFailure);

  return {
    status: 200,
    headers: graphHeaders(),
    json: {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: waId }],
      // Meta adds message_status to template sends (marketing pacing); free-form answers carry only the id.
      messages: [type === "template" ? { id, message_status: "accepted" } : { id }],
    },
  };
}

function markAsRead(state: SandboxState, body: Record<string, unknown>): Reply {
  if (body.status !== "read") return graphParamError(`Param status must be one of {READ} - got "${String(body.status)}".`);
  if (body.messaging_product !== "whatsapp") return graphParamError("The parameter messaging_product is required.");
  if (typeof body.message_id !== "string" || body.message_id === "") return graphParamError("The parameter message_id is required.");
  if (!body.message_id.startsWith("wamid.")) return metaError(100, `Invalid parameter: message_id (${body.message_id}) is not a valid message id`);
  // Remember it so the simulator page can show the customer's message as read (blue ticks).
  for (const list of state.customerMessages.values()) {
    const found = list.find((m) => m.id === body.message_id);
    if (found) found.readByBusiness = true;
  }
  return { status: 200, json: { success: true }, headers: graphHeaders() };
}
