import { describe, expect, it } from "vitest";
import { syncMutationSchema } from "./sync-mutation.schemas";

// Issue 22 (poison): text pushed from the phone is sanitised like every other entry point (src/lib/sanitize-text.ts).
const base = { mutationId: "6f1c2b9e-3d4a-4b5c-8d7e-9f0a1b2c3d4e", createdAt: "2026-11-20T12:00:00-03:00", jobId: "job-1" };

describe("syncMutationSchema text", () => {
  it("strips NUL and replaces lone surrogates in notes, set_text values and line descriptions", () => {
    expect(syncMutationSchema.parse({ ...base, type: "transition", to: "completed", note: " listo\u0000 " })).toMatchObject({ note: "listo" });
    expect(syncMutationSchema.parse({ ...base, type: "set_text", field: "notes", value: "caño\u0000 roto \ud800", base: "a\u0000" })).toMatchObject({ value: "caño roto \ufffd", base: "a" });
    const lines = syncMutationSchema.parse({ ...base, type: "set_line_items", baseLinesVersion: "v1", lines: [{ description: "Vis\u0000ita", quantityMilli: 1000 }] });
    expect(lines).toMatchObject({ lines: [{ description: "Visita" }] });
  });
});
