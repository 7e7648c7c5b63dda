import type { Reply } from "../http/types.ts";
import { isValidPhone } from "../phone.ts";
import { graphParamError, metaError } from "./errors.ts";
import { validateInteractive } from "./validate-interactive.ts";

// Meta's request rules for POST /{phone-number-id}/messages (reference §2). Template existence and parameters need
// the WABA's template store and are checked in templates/check-send.ts.

export const MESSAGE_TYPES = [
  "text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "template", "reaction",
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

type Obj = Record<string, unknown>;
export type SendRequest = { to: string; type: MessageType; body: Obj };
export type Validation = { ok: true; request: SendRequest } | { ok: false; reply: Reply };

const MEDIA_TYPES = new Set(["image", "audio", "video", "document", "sticker"]);

export function chars(s: string): number {
  return [...s].length;
}

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function validateSend(body: unknown): Validation {
  if (!isObj(body)) return bad(graphParamError("The parameter messaging_product is required."));
  if (body.messaging_product === undefined) return bad(graphParamError("The parameter messaging_product is required."));
  if (body.messaging_product !== "whatsapp") {
    return bad(graphParamError(`Param messaging_product must be one of {WHATSAPP} - got "${String(body.messaging_product)}".`));
  }
  if (body.recipient_type !== undefined && body.recipient_type !== "individual" && body.recipient_type !== "group") {
    return bad(graphParamError(`Param recipient_type must be one of {INDIVIDUAL, GROUP} - got "${String(body.recipient_type)}".`));
  }
  if (typeof body.to !== "string" || body.to === "") return bad(graphParamError("The parameter to is required."));
  if (!isValidPhone(body.to)) return bad(metaError(100, `Invalid parameter: to (${body.to}) is not a valid phone number`));
  const type = body.type ?? "text";
  if (typeof type !== "string" || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
    return bad(graphParamError(`Param type must be one of {${MESSAGE_TYPES.map((t) => t.toUpperCase()).join(", ")}} - got "${String(type)}".`));
  }
  const payload = body[type];
  if (!isObj(payload) && !(type === "contacts" && Array.isArray(payload))) {
    return bad(graphParamError(`The parameter ${type} is required.`));
  }
  const ctx = body.context;
  if (ctx !== undefined && (!isObj(ctx) || typeof ctx.message_id !== "string")) {
    return bad(graphParamError("The parameter context['message_id'] is required."));
  }
  if (body.biz_opaque_callback_data !== undefined) {
    if (typeof body.biz_opaque_callback_data !== "string" || Buffer.byteLength(body.biz_opaque_callback_data) > 512) {
      return bad(metaError(131009, "biz_opaque_callback_data must be a string of at most 512 bytes"));
    }
  }
  const problem = checkType(type as MessageType, payload);
  if (problem) return bad(problem);
  return { ok: true, request: { to: body.to, type: type as MessageType, body } };
}

function checkType(type: MessageType, payload: unknown): Reply | undefined {
  if (type === "text") {
    const p = payload as Obj;
    if (typeof p.body !== "string" || p.body === "") return graphParamError("The parameter text['body'] is required.");
    if (chars(p.body) > 4096) return graphParamError("Param text['body'] must be at most 4096 characters long.");
    return undefined;
  }
  if (MEDIA_TYPES.has(type)) return checkMedia(type, payload as Obj);
  if (type === "location") {
    const p = payload as Obj;
    if (typeof p.latitude !== "number" || typeof p.longitude !== "number" || Math.abs(p.latitude) > 90 || Math.abs(p.longitude) > 180) {
      return metaError(131009, "location: latitude and longitude must be numbers (latitude -90..90, longitude -180..180)");
    }
    return undefined;
  }
  if (type === "contacts") {
    if (!Array.isArray(payload) || payload.length === 0) return graphParamError("The parameter contacts is required.");
    for (const c of payload) {
      if (!isObj(c) || !isObj(c.name) || typeof c.name.formatted_name !== "string") {
        return graphParamError("The parameter contacts[0]['name']['formatted_name'] is required.");
      }
    }
    return undefined;
  }
  if (type === "reaction") {
    const p = payload as Obj;
    if (typeof p.message_id !== "string" || p.message_id === "") return graphParamError("The parameter reaction['message_id'] is required.");
    if (p.emoji !== undefined && typeof p.emoji !== "string") return metaError(131009, "reaction: emoji must be a string");
    return undefined;
  }
  if (type === "interactive") return validateInteractive(payload as Obj);
  return undefined;
}

function checkMedia(type: string, p: Obj): Reply | undefined {
  const hasId = typeof p.id === "string" && p.id !== "";
  const hasLink = typeof p.link === "string" && p.link !== "";
  if (hasId === hasLink) return metaError(131009, `${type}: exactly one of id or link must be provided`);
  if (hasLink && !/^https?:\/\//i.test(p.link as string)) return metaError(131009, `${type}: link must be an http(s) URL`);
  if (p.caption !== undefined) {
    if (type === "audio" || type === "sticker") return metaError(131009, `${type}: caption is not supported for ${type} messages`);
    if (typeof p.caption !== "string" || chars(p.caption) > 1024) return metaError(131009, `${type}: caption must be at most 1024 characters`);
  }
  if (p.filename !== undefined && type !== "document") return metaError(131009, `${type}: filename is only supported for documents`);
  return undefined;
}

function bad(reply: Reply): Validation {
  return { ok: false, reply };
}
