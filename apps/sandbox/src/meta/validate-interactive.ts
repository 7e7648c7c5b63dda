import type { Reply } from "../http/types.ts";
import { graphParamError, metaError } from "./errors.ts";
import { chars, isObj } from "./validate.ts";

type Obj = Record<string, unknown>;

// Interactive limits (reference §2): 1–3 reply buttons, title ≤20, id ≤256, body ≤1024, footer ≤60, text header ≤60;
// lists: button ≤20, ≤10 sections, ≤10 rows in total, row title ≤24, description ≤72.
export function validateInteractive(p: Obj): Reply | undefined {
  const type = p.type;
  if (typeof type !== "string") return graphParamError("The parameter interactive['type'] is required.");
  const common = checkCommon(p, type);
  if (common) return common;
  if (type === "button") return checkButtons(p);
  if (type === "list") return checkList(p);
  if (type === "cta_url") {
    const params = isObj(p.action) && isObj(p.action.parameters) ? p.action.parameters : undefined;
    if (!params || typeof params.display_text !== "string" || typeof params.url !== "string") {
      return graphParamError("The parameter interactive['action']['parameters'] is required.");
    }
    if (chars(params.display_text) > 20) return invalid("Button title length invalid. Min length: 1, Max length: 20");
    return undefined;
  }
  if (["product", "product_list", "catalog_message", "flow", "location_request_message", "call_permission_request"].includes(type)) {
    return isObj(p.action) ? undefined : graphParamError("The parameter interactive['action'] is required.");
  }
  return graphParamError(`Param interactive['type'] must be one of {BUTTON, LIST, CTA_URL, PRODUCT, PRODUCT_LIST, CATALOG_MESSAGE, FLOW} - got "${type}".`);
}

function checkCommon(p: Obj, type: string): Reply | undefined {
  const needsBody = type !== "product";
  if (needsBody) {
    if (!isObj(p.body) || typeof p.body.text !== "string" || p.body.text === "") return graphParamError("The parameter interactive['body'] is required.");
    if (chars(p.body.text) > 1024) return invalid("Body text length invalid. Min length: 1, Max length: 1024");
  }
  if (p.footer !== undefined) {
    if (!isObj(p.footer) || typeof p.footer.text !== "string") return graphParamError("The parameter interactive['footer']['text'] is required.");
    if (chars(p.footer.text) > 60) return invalid("Footer text length invalid. Min length: 1, Max length: 60");
  }
  if (p.header !== undefined) {
    if (!isObj(p.header) || typeof p.header.type !== "string") return graphParamError("The parameter interactive['header']['type'] is required.");
    if (p.header.type === "text") {
      if (typeof p.header.text !== "string" || p.header.text === "") return graphParamError("The parameter interactive['header']['text'] is required.");
      if (chars(p.header.text) > 60) return invalid("Header text length invalid. Min length: 1, Max length: 60");
    } else if (type === "list") {
      return invalid("Header type must be text for list messages");
    }
  }
  return undefined;
}

function checkButtons(p: Obj): Reply | undefined {
  const buttons = isObj(p.action) ? p.action.buttons : undefined;
  if (!Array.isArray(buttons)) return graphParamError("The parameter interactive['action']['buttons'] is required.");
  if (buttons.length < 1 || buttons.length > 3) return invalid("Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3");
  const ids = new Set<string>();
  for (const b of buttons) {
    const reply = isObj(b) && b.type === "reply" && isObj(b.reply) ? b.reply : undefined;
    if (!reply || typeof reply.id !== "string" || typeof reply.title !== "string") {
      return graphParamError("The parameter interactive['action']['buttons'][0]['reply'] is required.");
    }
    if (chars(reply.title) < 1 || chars(reply.title) > 20) return invalid("Button title length invalid. Min length: 1, Max length: 20");
    if (reply.id === "" || chars(reply.id) > 256) return invalid("Button id length invalid. Min length: 1, Max length: 256");
    if (ids.has(reply.id)) return invalid("Button ids must be unique");
    ids.add(reply.id);
  }
  return undefined;
}

function checkList(p: Obj): Reply | undefined {
  const action = isObj(p.action) ? p.action : undefined;
  if (!action || typeof action.button !== "string") return graphParamError("The parameter interactive['action']['button'] is required.");
  if (chars(action.button) < 1 || chars(action.button) > 20) return invalid("Button text length invalid. Min length: 1, Max length: 20");
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length === 0) return graphParamError("The parameter interactive['action']['sections'] is required.");
  if (sections.length > 10) return invalid("Invalid sections count. Min allowed sections: 1, Max allowed sections: 10");
  let rows = 0;
  const ids = new Set<string>();
  for (const s of sections) {
    if (!isObj(s) || !Array.isArray(s.rows) || s.rows.length === 0) return graphParamError("The parameter interactive['action']['sections'][0]['rows'] is required.");
    if (sections.length > 1 && (typeof s.title !== "string" || s.title === "")) return invalid("Section title is required when there is more than one section");
    if (typeof s.title === "string" && chars(s.title) > 24) return invalid("Section title length invalid. Min length: 1, Max length: 24");
    for (const r of s.rows) {
      rows += 1;
      if (!isObj(r) || typeof r.id !== "string" || typeof r.title !== "string") return graphParamError("The parameter interactive['action']['sections'][0]['rows'][0]['id'] is required.");
      if (chars(r.title) < 1 || chars(r.title) > 24) return invalid("Row title length invalid. Min length: 1, Max length: 24");
      if (r.description !== undefined && (typeof r.description !== "string" || chars(r.description) > 72)) {
        return invalid("Row description length invalid. Min length: 1, Max length: 72");
      }
      if (r.id === "" || chars(r.id) > 200) return invalid("Row id length invalid. Min length: 1, Max length: 200");
      if (ids.has(r.id)) return invalid("Row ids must be unique");
      ids.add(r.id);
    }
  }
  if (rows > 10) return invalid("Invalid rows count. Min allowed rows: 1, Max allowed rows: 10");
  return undefined;
}

function invalid(details: string): Reply {
  return metaError(131009, details);
}
