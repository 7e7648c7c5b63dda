import { z } from "zod";
import {
  getWaLink,
  renderWaLinkCardPdf,
  renderWaLinkQrPng,
  renderWaLinkQrSvg,
  requireWaLink,
  updateWaLinkMessage,
  waLinkMessageInputSchema,
} from "@campotech/core/modules/wa-links";
import { defineEndpoint } from "../define-endpoint";
import { generatedFileResponse } from "../generated-file-response";

const TIERS = ["FREE", "INICIAL", "PROFESIONAL", "EMPRESARIAL", "ENTERPRISE"] as const;

const waLinkSchema = z.object({
  allowed: z.boolean().describe("el plan incluye enlaces wa.me"),
  qrAllowed: z.boolean().describe("el plan incluye el QR (PNG, SVG, tarjeta y en las facturas)"),
  requiredPlan: z.enum(TIERS),
  upsell: z.string().nullable(),
  businessName: z.string(),
  message: z.string().describe("el mensaje que se precarga en el chat"),
  customMessage: z.boolean(),
  defaultMessage: z.string(),
  maxLength: z.number().int(),
  number: z
    .object({ digits: z.string(), display: z.string().describe("como lo lee la gente: 11 2345-6789"), source: z.enum(["whatsapp_account", "owner_phone"]) })
    .nullable(),
  link: z.string().nullable().describe("https://wa.me/549…?text=…; null debajo del plan o sin número"),
  problem: z.string().nullable(),
});

// "FríoSur Service" → "friosur-service": a file name that survives every operating system.
const slug = (name: string) =>
  name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "negocio";

export const getWaLinkEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/wa-link",
  summary: "El enlace wa.me del negocio: número, mensaje precargado y si el plan lo incluye",
  tag: "wa-links",
  permission: "settings.read",
  response: waLinkSchema,
  handler: ({ claims, tenant }) => tenant((tx) => getWaLink(tx, claims.org)),
});

export const updateWaLinkEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/settings/wa-link",
  summary: "Cambia el mensaje que precarga el enlace wa.me (null o vacío vuelve al mensaje por defecto)",
  tag: "wa-links",
  permission: "settings.manage",
  body: waLinkMessageInputSchema,
  response: waLinkSchema,
  handler: ({ body, claims, tenant }) => tenant((tx) => updateWaLinkMessage(tx, { organizationId: claims.org, userId: claims.sub }, body)),
});

export const getWaLinkQrPngEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/wa-link/qr.png",
  summary: "El QR del enlace wa.me en PNG (size: de 128 a 2048 píxeles, 512 por defecto)",
  tag: "wa-links",
  permission: "settings.read",
  query: z.object({ size: z.string().regex(/^\d{1,5}$/, { message: "El tamaño tiene que ser un número de píxeles." }).optional() }),
  response: z.unknown(),
  binary: "image/png",
  async handler({ query, claims, tenant, requestId }) {
    const waLink = await tenant((tx) => requireWaLink(tx, claims.org));
    const png = await renderWaLinkQrPng(waLink.link, query.size ? Number(query.size) : undefined);
    return generatedFileResponse(png, { contentType: "image/png", filename: `whatsapp-qr-${slug(waLink.businessName)}.png`, requestId });
  },
});

export const getWaLinkQrSvgEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/wa-link/qr.svg",
  summary: "El QR del enlace wa.me en SVG (vectorial, para imprenta y carteles)",
  tag: "wa-links",
  permission: "settings.read",
  response: z.unknown(),
  binary: "image/svg+xml",
  async handler({ claims, tenant, requestId }) {
    const waLink = await tenant((tx) => requireWaLink(tx, claims.org));
    const svg = await renderWaLinkQrSvg(waLink.link);
    return generatedFileResponse(svg, { contentType: "image/svg+xml", filename: `whatsapp-qr-${slug(waLink.businessName)}.svg`, requestId });
  },
});

export const getWaLinkCardPdfEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/settings/wa-link/card.pdf",
  summary: "Tarjeta para imprimir (A6, PDF) con el nombre del negocio, el QR, el número y el enlace wa.me",
  tag: "wa-links",
  permission: "settings.read",
  response: z.unknown(),
  binary: "application/pdf",
  async handler({ claims, tenant, requestId }) {
    const waLink = await tenant((tx) => requireWaLink(tx, claims.org));
    const pdf = await renderWaLinkCardPdf({ businessName: waLink.businessName, link: waLink.link, phoneDisplay: waLink.number.display });
    return generatedFileResponse(pdf, { contentType: "application/pdf", filename: `tarjeta-whatsapp-${slug(waLink.businessName)}.pdf`, requestId });
  },
});
