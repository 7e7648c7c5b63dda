import { z } from "zod";
import { isValidCuit } from "./cuit.ts";

// The sandbox's padrón: who may issue comprobantes through WSFEv1, as what, and from which points of sale.

export type IvaCondition = "RESPONSABLE_INSCRIPTO" | "MONOTRIBUTO" | "EXENTO";
export type PointOfSaleType = "RECE" | "CAEA" | "OTHER";
export type Taxpayer = { cuit: string; ivaCondition: IvaCondition; pointsOfSale: { number: number; type: PointOfSaleType }[]; builtIn: boolean };

export const ARCA_TAXPAYERS = {
  responsableInscripto: "30712345671",
  monotributo: "20267565393",
  exento: "27234567891",
} as const;

export function builtInTaxpayers(): Taxpayer[] {
  return [
    {
      cuit: ARCA_TAXPAYERS.responsableInscripto,
      ivaCondition: "RESPONSABLE_INSCRIPTO",
      pointsOfSale: [
        { number: 1, type: "RECE" },
        { number: 2, type: "RECE" },
      ],
      builtIn: true,
    },
    { cuit: ARCA_TAXPAYERS.monotributo, ivaCondition: "MONOTRIBUTO", pointsOfSale: [{ number: 1, type: "RECE" }], builtIn: true },
    { cuit: ARCA_TAXPAYERS.exento, ivaCondition: "EXENTO", pointsOfSale: [{ number: 1, type: "RECE" }], builtIn: true },
  ];
}

export const registerTaxpayerSchema = z
  .object({
    cuit: z
      .string()
      .regex(/^\d{11}$/, "la CUIT va con 11 dígitos, sin guiones")
      .refine(isValidCuit, "la CUIT no tiene un dígito verificador válido"),
    ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]),
    pointsOfSale: z
      .array(z.object({ number: z.number().int().min(1).max(99998), type: z.enum(["RECE", "CAEA", "OTHER"]).default("RECE") }))
      .refine((list) => new Set(list.map((p) => p.number)).size === list.length, "hay puntos de venta repetidos"),
  })
  .strict();

/** Issuable comprobante types by IVA condition (sandbox scope: facturas, notas de débito y de crédito A/B/C). */
export function allowedCbteTipos(condition: IvaCondition): number[] {
  return condition === "RESPONSABLE_INSCRIPTO" ? [1, 2, 3, 6, 7, 8] : [11, 12, 13];
}
