import type { OutboundContent } from "../../contracts/whatsapp";
import { AppError } from "../../lib/errors";
import { DEFAULT_TEMPLATES } from "./default-templates";

// The one list of templates a person may not send to a customer: the system templates marked "internal" (login codes,
// staff alerts). The platform still sends them itself (notifyStaff, login); only the inbox refuses them.
export const INTERNAL_TEMPLATE_NAMES: ReadonlySet<string> = new Set(DEFAULT_TEMPLATES.filter((t) => t.audience === "internal").map((t) => t.name));

export function isCustomerFacingTemplate(name: string): boolean {
  return !INTERNAL_TEMPLATE_NAMES.has(name);
}

// The guard on the inbox's send path: a login code typed by staff would be a phishing tool, and a staff alert makes no
// sense to a customer. Anything that is not a template passes.
export function assertCustomerFacingTemplate(content: OutboundContent): void {
  if (content.type !== "template" || isCustomerFacingTemplate(content.name)) return;
  throw new AppError("TEMPLATE_NOT_APPROVED", {
    message: `La plantilla "${content.name}" es de uso interno de CampoTech: no se puede enviar a clientes. Elegí otra plantilla.`,
  });
}
