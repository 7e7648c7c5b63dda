import { fileURLToPath } from "node:url";

// The evaluation sets live next to this file (see LABELS.md for how they are labelled).
export const EVAL_MESSAGES_PATH = fileURLToPath(new URL("./messages.jsonl", import.meta.url));
export const EVAL_HOLDOUT_PATH = fileURLToPath(new URL("./messages.holdout.jsonl", import.meta.url));
// Blind sets written after the learned model was frozen (LABELS.md), scored once; kept as regression bars.
export const EVAL_BLIND_PATHS = [
  fileURLToPath(new URL("./messages.blind-v12.jsonl", import.meta.url)),
  fileURLToPath(new URL("./messages.blind-v13.jsonl", import.meta.url)),
];
