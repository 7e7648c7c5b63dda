import type { AlertReading, AlertRuleContext } from "./alert-rule";

// Per template: a template Meta REJECTED. The alert stays open while the template is rejected and resolves when
// it is edited and sent for review again, approved, or deleted — acknowledging is fixing (or removing) it.
export async function evaluateTemplateRejected({ db }: AlertRuleContext): Promise<AlertReading[]> {
  const rejected = await db.waTemplate.findMany({
    where: { status: "REJECTED" },
    select: { id: true, organizationId: true, name: true, language: true, rejectionReason: true },
    orderBy: { updatedAt: "asc" },
  });
  return rejected.map((template) => ({
    kind: "template_rejected",
    scope: "ORGANIZATION",
    organizationId: template.organizationId,
    subject: template.id,
    value: 1,
    threshold: 1,
    firing: true,
    title: `Plantilla rechazada: ${template.name}`,
    detail: `Meta rechazó la plantilla "${template.name}" (${template.language})${template.rejectionReason ? `: ${template.rejectionReason.slice(0, 300)}` : ""}. Editala y volvé a enviarla a revisión.`,
  }));
}
