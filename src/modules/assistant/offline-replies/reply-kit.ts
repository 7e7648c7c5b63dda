import type { ToolCallRecord } from "../call-tool";
import type { EngineInput } from "../engine-types";

// What every offline reply builder shares: the tool caller (records each call for the AssistantRun row), the shapes
// tools return, and a few text helpers.
export type Call = <T>(name: string, args: unknown) => Promise<T | null>;
export type Reply = (input: EngineInput, call: Call) => Promise<string>;
export type { ToolCallRecord };

export type ActiveJob = { jobId: string; number: number; status: string; technicianName: string | null; start: Date | string | null; label: string | null };
export type JobStatus = {
  found: boolean; jobId: string; number: number; status: string; technicianName: string | null; label: string | null; trackingUrl: string | null;
  active: ActiveJob[];
};
export type PriceMatch = { code: string; name: string; serviceType: string; priceCents: number; priceText: string };

export const NO = /^(?:no|nop|nah|no gracias|no por ahora|por ahora no|despues (?:te )?(?:aviso|escribo)|ahora no|dejalo)\b/;
export const YES = /^(?:si+|sip|sisi|dale|ok|okey|okay|bueno|listo|perfecto|correcto|exacto|joya|de una|genial|barbaro|va|esa|ahi|confirmo|es esa|esa misma|la misma|si es ahi|si esa)\b/;

export const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] || null;
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

// Jobs the customer can still move or cancel from the chat (a visit under way goes to a person).
export const changeable = (jobs: ActiveJob[]) => jobs.filter((j) => j.status === "pending" || j.status === "scheduled");
