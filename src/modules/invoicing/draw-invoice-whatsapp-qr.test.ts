import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleFacturaA, sampleFacturaB } from "./invoice-test-kit";
import { scannableQrText } from "./draw-invoice-whatsapp-qr";
import { renderInvoicePdf } from "./render-invoice-pdf";

// The "¿Consultas?" WhatsApp QR block, read back with poppler as a person would see the printed invoice.
const dir = mkdtempSync(join(tmpdir(), "invoice-wa-qr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function poppler(tool: "pdftotext" | "pdfimages", pdf: Buffer): string {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync(tool, tool === "pdftotext" ? ["-layout", path, "-"] : ["-list", path], { encoding: "utf8" });
}
const text = (pdf: Buffer) => poppler("pdftotext", pdf).replace(/[ \t]+/g, " ");
const imageCount = (pdf: Buffer) => poppler("pdfimages", pdf).trim().split("\n").length - 2;

const LINK = "https://wa.me/5491123456789?text=Hola%20Fr%C3%ADoSur%20Service%2C%20quiero%20consultar%20por%20un%20trabajo";
const whatsappQr = { url: LINK, phoneDisplay: "11 2345-6789" };

describe("the invoice's WhatsApp QR block", () => {
  it("without a payment QR: beside the CAE, with the number, and the ARCA QR untouched", async () => {
    const pdf = await renderInvoicePdf({ ...sampleFacturaA(), whatsappQr });
    const out = text(pdf);
    expect(out).toContain("¿Consultas?");
    expect(out).toContain("Escribinos por WhatsApp");
    expect(out).toContain("11 2345-6789");
    expect(out).toContain("Escaneá el código o tocalo");
    // The plain line is replaced by the block, not printed twice.
    expect(out).not.toContain("Escribinos por WhatsApp: wa.me");
    expect(out).toContain("CAE N°: 76481234567890");
    // The QR is vector: the only bitmap is still the ARCA QR.
    expect(imageCount(pdf)).toBe(1);
    expect(pdf.toString("latin1")).toContain(`/URI (${LINK})`);
  });

  it("with a MercadoPago QR: a compact block under the CAE, both other QRs kept", async () => {
    const pdf = await renderInvoicePdf({ ...sampleFacturaB(), whatsappQr });
    const out = text(pdf);
    expect(out).toContain("¿Consultas? Escribinos por WhatsApp");
    expect(out).toContain("11 2345-6789 · wa.me/5491123456789");
    expect(out).toContain("Pagá con MercadoPago");
    expect(imageCount(pdf)).toBe(2);
  });

  it("is absent when the plan does not include it (no whatsappQr): the plain line stays", async () => {
    const out = text(await renderInvoicePdf({ ...sampleFacturaA(), whatsappQr: null }));
    expect(out).not.toContain("¿Consultas?");
    expect(out).toContain("Escribinos por WhatsApp: wa.me/5491123456789");
  });
});

describe("scannableQrText", () => {
  it("keeps the prefilled message while the printed modules stay readable, else falls back to the bare number", () => {
    expect(scannableQrText(LINK, 84, 2)).toBe(LINK);
    expect(scannableQrText(LINK, 50, 1)).toBe(LINK);
    const long = `https://wa.me/5491123456789?text=${encodeURIComponent("Hola, quiero pedir presupuesto para instalación de calefón, cañerías y revisión de pérdidas — ¿atienden en Ñuñoa? ".repeat(2).trim())}`;
    expect(scannableQrText(long, 50, 1)).toBe("https://wa.me/5491123456789");
    expect(scannableQrText(long, 176, 4)).toBe(long);
  });
});
