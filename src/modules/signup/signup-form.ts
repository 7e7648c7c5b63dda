import { z } from "zod";
import { AppError } from "../../lib/errors";
import { normalizeCuit } from "../../lib/cuit";

// What the /registro form sends besides the code. Every field carries the Spanish message the form shows next to it,
// and the endpoint validates its body with this same schema, so the page and the domain can't disagree.
export const TRADES = ["PLUMBING", "GAS", "ELECTRICAL", "HVAC", "DRAINAGE", "GENERAL"] as const;
export const IVA_CONDITIONS = ["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"] as const;
export const SIGNUP_PLANS = ["FREE", "PROFESIONAL_TRIAL"] as const;

export const signupFormSchema = z.object({
  phone: z.string().min(6, "Ingresá tu celular.").max(30, "Ingresá tu celular."),
  code: z.string().trim().regex(/^\d{6}$/, "El código tiene 6 dígitos."),
  businessName: z.string().trim().min(2, "Ingresá el nombre del negocio.").max(120, "El nombre es demasiado largo."),
  cuit: z.string().refine((v) => normalizeCuit(v) !== null, "El CUIT no es válido: revisá el número y el dígito verificador."),
  ivaCondition: z.enum(IVA_CONDITIONS, "Elegí tu condición frente al IVA."),
  trades: z.array(z.enum(TRADES, "Rubro desconocido."), "Elegí al menos un rubro.").min(1, "Elegí al menos un rubro.").max(TRADES.length),
  areaCode: z.string().trim().regex(/^[1-9]\d{1,3}$/, "Ingresá el código de área sin 0 ni 15 (por ejemplo 11 o 351)."),
  locality: z.string().trim().min(2, "Ingresá tu localidad.").max(80, "El nombre de la localidad es demasiado largo."),
  ownerName: z.string().trim().min(2, "Ingresá tu nombre.").max(80, "El nombre es demasiado largo."),
  email: z.union([z.literal(""), z.email("El email no es válido.").max(120)]).optional(),
  plan: z.enum(SIGNUP_PLANS, "Elegí un plan."),
});

export type SignupForm = z.output<typeof signupFormSchema>;

export function parseSignupForm(raw: unknown): SignupForm {
  const result = signupFormSchema.safeParse(raw);
  if (result.success) return { ...result.data, trades: [...new Set(result.data.trades)] };
  const fields: Record<string, string> = {};
  // One message per field (the first): the form shows it under that field.
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? "body")] ??= issue.message;
  throw new AppError("VALIDATION_FAILED", { message: "Revisá los datos marcados.", fields });
}
