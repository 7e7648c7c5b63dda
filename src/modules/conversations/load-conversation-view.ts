import { sqlOf, type TenantTx } from "@campotech/database";
import { loadConversationViews } from "./load-conversation-views";

// Re-reads a conversation after a change, in the inbox list's shape, inside the mutation's transaction.
export async function loadConversationView(tx: TenantTx, id: string) {
  const [view] = await loadConversationViews(sqlOf(tx), [id]);
  if (!view) throw new Error(`conversation ${id} not found`);
  return view;
}
