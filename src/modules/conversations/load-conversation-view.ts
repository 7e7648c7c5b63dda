import type { TenantTx } from "@campotech/database";
import { loadConversationViews } from "./load-conversation-views";

// Re-reads a conversation after a change, in the inbox list's shape.
export async function loadConversationView(tx: TenantTx, id: string) {
  const [view] = await loadConversationViews(tx, [id]);
  if (!view) throw new Error(`conversation ${id} not found`);
  return view;
}
