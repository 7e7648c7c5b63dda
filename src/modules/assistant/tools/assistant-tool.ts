import type { z } from "zod";
import type { AssistantSettings } from "../assistant-settings";
import type { AssistantState } from "../assistant-state";
import type { PlanFeatures } from "../../organizations/features";

// What every tool call knows: whose conversation it is, the clock, the dialogue state (tools update it: slots
// offered, the service discussed), the organization's assistant settings and its plan's features.
export type ToolContext = {
  organizationId: string;
  conversationId: string;
  customerId: string;
  customerName: string | null;
  now: Date;
  state: AssistantState;
  settings: AssistantSettings;
  // What the organization's plan includes (at its effective tier): create_job books only with autoJobCreation.
  features: PlanFeatures;
};

// One tool, used the same way by the offline engine (direct calls) and the model (function calling): a JSON
// schema for the model, a zod schema that checks what either of them passes, and the code that does it.
export type AssistantTool<I extends z.ZodType = z.ZodType, R = unknown> = {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  input: I;
  run: (ctx: ToolContext, input: z.output<I>) => Promise<R>;
};

export function defineTool<I extends z.ZodType, R>(tool: AssistantTool<I, R>): AssistantTool<I, R> {
  return tool;
}
