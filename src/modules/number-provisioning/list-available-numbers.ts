import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { assertPlanFeature } from "../organizations/assert-plan-feature";
import { e164, forPeople, resolveDeps, type ProvisioningDeps } from "./provisioning-record";

export type AvailableNumber = { id: string; phoneNumber: string; display: string; areaCode: string };

// Argentine area codes are 2 to 4 digits without the leading 0 (11, 351, 2944).
const AREA_CODE = /^[1-9]\d{1,3}$/;

export function parseAreaCode(input: string): string {
  const areaCode = input.trim().replace(/^0/, "");
  if (!AREA_CODE.test(areaCode)) {
    throw new AppError("VALIDATION_FAILED", { message: "Ingresá un código de área válido, sin el 0 (por ejemplo 11 o 351).", fields: { areaCode: "Código de área inválido." } });
  }
  return areaCode;
}

export async function listAvailableNumbers(organizationId: string, input: { areaCode: string }, deps: ProvisioningDeps = {}): Promise<AvailableNumber[]> {
  const areaCode = parseAreaCode(input.areaCode);
  const { partner, now } = resolveDeps(deps);
  await withTenant(organizationId, (tx) => assertPlanFeature(tx, organizationId, "virtualNumber", now));
  const numbers = await partner.listNumbers(areaCode);
  return numbers.map((n) => ({ id: n.id, phoneNumber: e164(n.phoneNumber), display: forPeople(e164(n.phoneNumber)) ?? n.phoneNumber, areaCode: n.areaCode }));
}
