import type { Reply, RequestContext } from "../http/types.ts";
import { downloadQuery, mediaInfo, saveMedia, uploadProblem } from "../media/store.ts";
import type { BusinessNumber, SandboxState, StoredMedia } from "../state.ts";
import { graphHeaders, graphParamError, invalidTokenError, metaError, unknownObjectError } from "./errors.ts";

// Media upload and the two-step download, shared by Meta (/meta) and 360dialog (/d360): same rules, same bodies.

export function uploadMedia(state: SandboxState, caller: BusinessNumber, ctx: RequestContext): Reply {
  if (ctx.body.kind !== "multipart") return graphParamError("The parameter file is required. Send multipart/form-data.");
  const { fields, files } = ctx.body;
  if (fields.messaging_product !== "whatsapp") return graphParamError("The parameter messaging_product is required.");
  const file = files.find((f) => f.field === "file");
  if (!file) return graphParamError("The parameter file is required.");
  // Meta trusts the part's Content-Type; the `type` field is required by the docs, so fall back to it only if needed.
  const mime = file.mimeType !== "application/octet-stream" ? file.mimeType : (fields.type ?? file.mimeType);
  const problem = uploadProblem(mime, file.data.length);
  if (problem) return metaError(131053, problem);
  const media = saveMedia(state, caller, file.data, mime, file.filename || undefined);
  return { status: 200, json: { id: media.id }, headers: graphHeaders() };
}

export function getMediaInfo(
  state: SandboxState,
  caller: BusinessNumber,
  ctx: RequestContext,
  id: string,
  urlBase: (m: StoredMedia) => string,
): Reply {
  const media = state.media.get(id);
  const scoped = ctx.query.get("phone_number_id");
  if (!media || media.owner !== caller.phoneNumberId || (scoped && scoped !== caller.phoneNumberId)) {
    return unknownObjectError(id, "get");
  }
  return { status: 200, json: mediaInfo(media, `${urlBase(media)}?${downloadQuery(media)}`), headers: graphHeaders() };
}

/** Step 2 for Meta: the opaque URL only serves bytes with the owning number's Bearer token. */
export function downloadMedia(state: SandboxState, ctx: RequestContext, caller: BusinessNumber | undefined): Reply {
  const media = [...state.media.values()].find((m) => m.downloadToken === ctx.params.token);
  if (!caller || !media || media.owner !== caller.phoneNumberId) return invalidTokenError();
  return mediaBytes(media);
}

export function mediaBytes(media: StoredMedia): Reply {
  return {
    status: 200,
    bytes: media.data,
    contentType: media.mimeType,
    headers: {
      "content-length": String(media.size),
      ...(media.filename ? { "content-disposition": `attachment; filename="${media.filename.replace(/"/g, "")}"` } : {}),
    },
  };
}

export function deleteMedia(state: SandboxState, caller: BusinessNumber, id: string): Reply {
  const media = state.media.get(id);
  if (!media || media.owner !== caller.phoneNumberId) return unknownObjectError(id, "delete");
  state.media.delete(id);
  return { status: 200, json: { success: true }, headers: graphHeaders() };
}
