import { z } from "zod";

// ARCA (ex-AFIP) web services per environment. Defaults are ARCA's own hosts (reference/ARGENTINA.md §1.1, §2.1);
// .env.example points homologación at the local sandbox (apps/sandbox), which speaks the same SOAP.
export const arcaEnv = z.object({
  ARCA_WSAA_URL_HOMOLOGACION: z.url().default("https://wsaahomo.afip.gov.ar/ws/services/LoginCms"),
  ARCA_WSFE_URL_HOMOLOGACION: z.url().default("https://wswhomo.afip.gov.ar/wsfev1/service.asmx"),
  ARCA_WSAA_URL_PRODUCCION: z.url().default("https://wsaa.afip.gov.ar/ws/services/LoginCms"),
  ARCA_WSFE_URL_PRODUCCION: z.url().default("https://servicios1.afip.gov.ar/wsfev1/service.asmx"),
  // One call's deadline. A FECAESolicitar without an answer by then is reconciled with FECompConsultar.
  ARCA_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  // RG 4892/2020: the invoice QR's base (ARCA may move it to www.arca.gob.ar).
  ARCA_QR_BASE_URL: z.url().default("https://www.afip.gob.ar/fe/qr/"),
});
