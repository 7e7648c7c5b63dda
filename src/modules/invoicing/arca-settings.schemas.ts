import { z } from "zod";

// What an owner sets for ARCA in the dashboard or the CLI. Spanish messages: they are shown next to the field.
export const arcaSettingsSchema = z.object({
  environment: z.enum(["HOMOLOGACION", "PRODUCCION"]),
  cuit: z.string().min(11, "El CUIT tiene 11 dígitos.").max(13, "El CUIT tiene 11 dígitos."),
  pointOfSale: z.number().int("El punto de venta es un número.").min(1, "El punto de venta va de 1 a 99998.").max(99998, "El punto de venta va de 1 a 99998.").nullable(),
  issuerCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]),
  businessName: z.string().trim().min(2, "Escribí la razón social como figura en ARCA.").max(120),
  businessAddress: z.string().trim().min(5, "Escribí el domicilio comercial.").max(200),
  grossIncomeNumber: z.string().trim().max(30).nullable().optional(),
  activityStartDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "La fecha va como AAAA-MM-DD.").nullable().optional(),
});

export type ArcaSettingsInput = z.infer<typeof arcaSettingsSchema>;
