import { detectEmergency, mentionedHazard } from "../understanding/detect-emergency";
import { normalizeText } from "../understanding/normalize-text";
import type { EmergencyKind } from "../understanding/types";
import { classifyWithModel } from "./classify-with-model";
import { EMERGENCY_ACCEPT } from "./combine-readings";

// The emergency decision the whole pipeline shares (the inbound worker answering at once instead of waiting for the
// turn to close, the assistant passing its pause and business hours): the safety rules, or the learned model when
// it is confident. The same decision understandMessage makes, without the intent work around it.
export function readEmergency(text: string): EmergencyKind | null {
  const normalized = normalizeText(text);
  const rules = detectEmergency(normalized);
  if (rules) return rules.kind;
  const model = classifyWithModel(text);
  return model.emergencyProbability >= EMERGENCY_ACCEPT ? (mentionedHazard(normalized) ?? model.emergencyKind) : null;
}
