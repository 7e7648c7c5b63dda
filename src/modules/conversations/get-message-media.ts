import type { TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { getMediaStorage } from "../media/get-media-storage";
import type { MediaStorage } from "../media/media-storage";
import { assignedScope, type Viewer } from "./viewer";
import { historyCutoff } from "./history-cutoff";

// The stored file of an inbound media message, under the same visibility rules as the message itself. Media that
// is still downloading (or failed) answers 404 with the reason, so the inbox can show "todavía no disponible".
export async function getMessageMedia(
  tx: TenantTx,
  viewer: Viewer,
  id: string,
  storage: MediaStorage = getMediaStorage(),
): Promise<{ bytes: Uint8Array; mimeType: string; filename: string | null }> {
  const row = await tx.whatsAppMessage.findFirst({
    where: { id, conversation: { customer: { staffUserId: null }, ...assignedScope(viewer, "read") } },
    select: { mediaStorageKey: true, mediaMimeType: true, mediaState: true, content: true, conversationId: true, createdAt: true },
  });
  // Outside the plan's history window the file is as missing as its message.
  const since = row ? await historyCutoff(tx, row.conversationId) : null;
  if (!row || (since && row.createdAt < since)) throw new AppError("NOT_FOUND", { message: "El mensaje no existe." });
  if (!row.mediaStorageKey) {
    throw new AppError("NOT_FOUND", {
      message: row.mediaState === "FAILED" ? "No se pudo descargar el archivo del proveedor." : "El archivo todavía no está disponible.",
    });
  }
  const bytes = await storage.get(row.mediaStorageKey);
  if (!bytes) throw new AppError("NOT_FOUND", { message: "El archivo ya no está en el almacenamiento." });
  return { bytes, mimeType: row.mediaMimeType ?? "application/octet-stream", filename: filenameOf(row.content) };
}

// Documents carry the name the customer's phone gave them (top level or under the provider's document object).
function filenameOf(content: unknown): string | null {
  const c = (content ?? {}) as { filename?: unknown; document?: { filename?: unknown } };
  const name = c.filename ?? c.document?.filename;
  return typeof name === "string" && name.trim() ? name : null;
}
