import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import type { PlanFeature } from "../organizations/features";
import { NO_WHATSAPP_NUMBER } from "./build-wa-link";
import { getWaLink, type WaLinkView } from "./get-wa-link";

export type ReadyWaLink = WaLinkView & { link: string; number: NonNullable<WaLinkView["number"]> };

// For what is made from the link (the QR files, the printable card): PLAN_REQUIRED below the plan, and a clear
// Spanish reason when there is no number to point the link at.
export async function requireWaLink(tx: TenantTx, organizationId: string, feature: PlanFeature = "qrCode"): Promise<ReadyWaLink> {
  await assertPlanFeature(tx, organizationId, feature);
  const view = await getWaLink(tx, organizationId);
  if (!view.link || !view.number) throw new AppError("CONFLICT", { message: view.problem ?? NO_WHATSAPP_NUMBER });
  return view as ReadyWaLink;
}
