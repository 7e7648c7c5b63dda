import type { ToolCallRecord } from "./call-tool";
import type { ToolContext } from "./tools/assistant-tool";
import type { EmergencyKind, PriceListEntry } from "./understanding/types";

export type HistoryLine = { from: "customer" | "business"; text: string };

export type EngineInput = {
  // The customer's turn as one text (several messages joined), or what a voice note said.
  text: string;
  // Only a reaction (👍) in this turn: it may confirm something the assistant asked, nothing more.
  reactionOnly: boolean;
  ctx: ToolContext;
  organizationName: string;
  priceList: readonly PriceListEntry[];
  history: HistoryLine[];
};

export type EngineOutput = {
  engine: "OFFLINE" | "OPENAI";
  intent: string;
  emergency: EmergencyKind | null;
  // null: nothing to say (a 👍 that confirms nothing).
  reply: string | null;
  toolCalls: ToolCallRecord[];
  error?: string;
};
