import type { AssistantTool } from "./assistant-tool";
import { attachCustomerPhotosTool } from "./attach-customer-photos";
import { bookVisitTool } from "./book-visit";
import { cancelVisitTool } from "./cancel-visit";
import { createLeadTool } from "./create-lead";
import { escalateEmergencyTool } from "./escalate-emergency";
import { findSlotsTool } from "./find-slots";
import { getCustomerAddressTool } from "./get-customer-address";
import { getJobStatusTool } from "./get-job-status";
import { getPriceTool } from "./get-price";
import { handoffTool } from "./handoff";

// Every tool either engine may call, by name.
export const ASSISTANT_TOOLS: readonly AssistantTool[] = [
  getPriceTool, findSlotsTool, bookVisitTool, createLeadTool, escalateEmergencyTool, handoffTool, getJobStatusTool, cancelVisitTool,
] as AssistantTool[];

// Tools only the offline engine calls (the model is not offered them): recorded like the others.
const OFFLINE_TOOLS: readonly AssistantTool[] = [attachCustomerPhotosTool, getCustomerAddressTool] as AssistantTool[];

export function findTool(name: string): AssistantTool | undefined {
  return ASSISTANT_TOOLS.find((t) => t.name === name) ?? OFFLINE_TOOLS.find((t) => t.name === name);
}
