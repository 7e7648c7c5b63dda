import type { ActorType } from "@campotech/database";

// Who asked for an export or an erasure: an owner from the dashboard/API (USER) or an operator from the CLI
// (OPERATOR, with the operator's name in the audit metadata).
export type PrivacyActor = { type: Extract<ActorType, "USER" | "OPERATOR">; id: string | null };
