import { CLOUD_API_CAPABILITIES } from "../meta/create-cloud-api-provider";
import { TWILIO_CAPABILITIES } from "../twilio/create-twilio-provider";
import type { BspProvider, ProviderCapabilities } from "./types";

// What a provider can carry, known without credentials: callers validate content when it is queued, long before
// a client is built for the send.
export function providerCapabilities(provider: BspProvider): ProviderCapabilities {
  return provider === "TWILIO" ? TWILIO_CAPABILITIES : CLOUD_API_CAPABILITIES;
}
