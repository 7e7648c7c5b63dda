import { AppError } from "../../lib/errors";
import { formatArs, formatDateAr, formatTimeAr } from "../messaging/format-ar";
import type { TemplateVariable } from "./default-templates";

// What a notification knows when it needs a template: raw facts, formatted here for Argentine readers
// (dates and times in Buenos Aires, pesos with dot thousands).
export type TemplateContext = {
  customerName?: string;
  jobStart?: Date;
  technicianName?: string;
  amountCents?: number;
  link?: string;
  dueDate?: Date;
  code?: string;
  alertTitle?: string;
  alertBody?: string;
};

// One variable's value for people to read, or undefined when the context does not know it.
export function templateVariableValue(variable: TemplateVariable, ctx: TemplateContext): string | undefined {
  switch (variable) {
    case "customerName":
      return ctx.customerName?.trim().split(/\s+/)[0];
    case "jobDate":
      return ctx.jobStart && formatDateAr(ctx.jobStart);
    case "jobTime":
      return ctx.jobStart && formatTimeAr(ctx.jobStart);
    case "technicianName":
      return ctx.technicianName;
    case "amount":
      return ctx.amountCents === undefined ? undefined : formatArs(ctx.amountCents);
    case "link":
      return ctx.link;
    case "dueDate":
      return ctx.dueDate && formatDateAr(ctx.dueDate);
    case "code":
      return ctx.code;
    case "alertTitle":
      return ctx.alertTitle;
    case "alertBody":
      return ctx.alertBody;
  }
}

export function resolveTemplateVariables(variables: readonly TemplateVariable[], ctx: TemplateContext): string[] {
  const missing = variables.filter((v) => !templateVariableValue(v, ctx));
  if (missing.length) {
    throw new AppError("VALIDATION_FAILED", {
      message: "Faltan datos para completar la plantilla.",
      fields: Object.fromEntries(missing.map((v) => [v, "Es obligatorio para esta plantilla."])),
    });
  }
  return variables.map((v) => templateVariableValue(v, ctx)!);
}
