// The pull cursor, opaque to clients (base64url JSON). Two phases:
// - snapshot: a full pull in progress — jobs in the view by id after `after`; `horizon` is the transaction horizon
//   taken when it started, where the change phase picks up.
// - changes: every change-log row up to (txid, seq) was delivered, and every transaction up to txid had finished.
// `day` is the Buenos Aires day the window was computed for.
export type SyncCursorState =
  | { v: 1; day: string; phase: "snapshot"; horizon: string; after: string }
  | { v: 1; day: string; phase: "changes"; txid: string; seq: string };

const DIGITS = /^\d{1,19}$/;

export function encodeSyncCursor(state: SyncCursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

// Anything unreadable is treated as no cursor (a full pull): a client never gets stuck on a bad cursor.
export function decodeSyncCursor(cursor: string | undefined): SyncCursorState | null {
  if (!cursor) return null;
  try {
    const state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as SyncCursorState;
    if (state.v !== 1 || typeof state.day !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(state.day)) return null;
    if (state.phase === "snapshot" && DIGITS.test(state.horizon) && typeof state.after === "string" && state.after.length <= 100) return state;
    if (state.phase === "changes" && DIGITS.test(state.txid) && DIGITS.test(state.seq)) return state;
    return null;
  } catch {
    return null;
  }
}
