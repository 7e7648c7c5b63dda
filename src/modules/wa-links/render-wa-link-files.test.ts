import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import QRCode from "qrcode";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { buildWaLink } from "./build-wa-link";
import { renderWaLinkCardPdf } from "./render-wa-link-card-pdf";
import { QR_PNG_SIZES, renderWaLinkQrPng, renderWaLinkQrSvg } from "./render-wa-link-qr";

const dir = mkdtempSync(join(tmpdir(), "wa-link-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function poppler(tool: "pdftotext" | "pdfinfo", pdf: Buffer): string {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync(tool, tool === "pdftotext" ? ["-layout", path, "-"] : [path], { encoding: "utf8" });
}

const LINK = buildWaLink({ phone: "+5491123456789", message: "Hola Peña Gas, quiero consultar por un trabajo" });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// IHDR is the first chunk: length (4), "IHDR" (4), width (4), height (4).
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("renderWaLinkQrPng", () => {
  it.each([128, 512, 1000, 2048])("is a square PNG of exactly %i px", async (size) => {
    const png = await renderWaLinkQrPng(LINK, size);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: size, height: size });
  });

  it("defaults to 512 px and refuses sizes outside 128–2048 with a Spanish reason", async () => {
    expect(pngSize(await renderWaLinkQrPng(LINK))).toEqual({ width: QR_PNG_SIZES.default, height: QR_PNG_SIZES.default });
    for (const size of [127, 2049, 300.5, Number.NaN]) {
      const error = await renderWaLinkQrPng(LINK, size).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe("El tamaño del QR tiene que ser un número entre 128 y 2048 píxeles.");
    }
  });
});

describe("renderWaLinkQrSvg", () => {
  it("is an SVG document whose grid is the link's QR plus the 4-module quiet zone", async () => {
    const svg = await renderWaLinkQrSvg(LINK);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    const modules = QRCode.create(LINK, { errorCorrectionLevel: "M" }).modules.size;
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });
});

describe("renderWaLinkCardPdf", () => {
  it("is an A6 page with the business's name, the call to action, the number for people and the link", async () => {
    const pdf = await renderWaLinkCardPdf({ businessName: "Peña Gas — Instalaciones", link: LINK, phoneDisplay: "11 2345-6789" }, { creationDate: new Date("2026-12-03T12:00:00Z") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const info = poppler("pdfinfo", pdf);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+297\.64 x 419\.53 pts$/m);
    const text = poppler("pdftotext", pdf).replace(/\s+/g, " ");
    expect(text).toContain("Peña Gas — Instalaciones");
    expect(text).toContain("Escribinos por WhatsApp");
    expect(text).toContain("11 2345-6789");
    expect(text).toContain("wa.me/5491123456789");
    // Tapping the QR or the link opens the chat with the prefilled message.
    expect(pdf.toString("latin1")).toContain(`/URI (${LINK})`);
  });

  it("fits a long business name without pushing the QR off the page", async () => {
    const name = "Servicios Integrales de Climatización, Refrigeración y Electricidad del Conurbano Sur S.R.L.";
    const pdf = await renderWaLinkCardPdf({ businessName: name, link: LINK, phoneDisplay: "11 2345-6789" });
    expect(poppler("pdfinfo", pdf)).toMatch(/^Pages:\s+1$/m);
    expect(poppler("pdftotext", pdf).replace(/\s+/g, " ")).toContain("Escribinos por WhatsApp 11 2345-6789 wa.me/5491123456789");
  });
});
