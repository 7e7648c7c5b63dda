import { fileURLToPath } from "node:url";

// The committed weights (written by `campotech assistant train`, read by classify-with-model.ts).
export const INTENT_MODEL_PATH = fileURLToPath(new URL("./intent-model.json", import.meta.url));
