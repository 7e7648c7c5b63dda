// Content SIDs of the sandbox's built-in es_AR templates (apps/sandbox), so the demo organization works with no
// per-account map. Real accounts put their own HX… SIDs in the credentials JSON (`contentSids`).
export const DEFAULT_TWILIO_CONTENT_SIDS: Record<string, string> = {};
