import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleFacturaA, sampleFacturaB, sampleFacturaC, sampleNotaDeCreditoB } from "./invoice-test-kit";
import { renderInvoicePdf } from "./render-invoice-pdf";

// Reads the PDFs back with poppler-utils (pdftotext, pdfinfo, pdfimages), as a person or a parser would see them.
const dir = mkdtempSync(join(tmpdir(), "invoice-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function poppler(tool: string, args: string[], pdf: Buffer): string {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  try {
    return execFileSync(tool, [...args, path, ...(tool === "pdftotext" ? ["-"] : [])], { encoding: "utf8" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} not found: apt-get install -y poppler-utils`);
    throw error;
  }
}

// Layout text with runs of spaces collapsed, so assertions read like the printed lines.
function text(pdf: Buffer): string {
  return poppler("pdftotext", ["-layout"], pdf).replace(/[ \t]+/g, " ");
}

function pageCount(pdf: Buffer): number {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler("pdfinfo", [], pdf))?.[1]);
}

function imageCount(pdf: Buffer): number {
  return poppler("pdfimages", ["-list"], pdf).trim().split("\n").length - 2; // minus the two header lines
}

const TRANSPARENCY = "Régimen de Transparencia Fiscal al Consumidor (Ley 27.743): IVA Contenido";

describe("renderInvoicePdf", () => {
  it("renders a Factura A with net amounts and IVA per rate", async () => {
    const pdf = await renderInvoicePdf(sampleFacturaA());
    const out = text(pdf);

    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(1);
    expect(out).toMatch(/^ ?A ?$/m);
    expect(out).toContain("COD. 01");
    expect(out).toContain("FACTURA");
    expect(out).toContain("Punto de venta: 00002 Comp. Nro: 00000015");
    expect(out).toContain("Fecha de emisión: 30/11/2026");
    expect(out).toContain("CUIT: 30-71234567-1");
    expect(out).toContain("Ingresos Brutos: 901-123456-7");
    expect(out).toContain("Inicio de actividades: 01/03/2019");
    expect(out).toContain("FríoSur Service");
    expect(out).toContain("Razón social: Climatización del Sur S.R.L.");
    expect(out).toContain("Condición frente al IVA: IVA Responsable");
    expect(out).toContain("Período facturado desde: 01/11/2026 Hasta: 30/11/2026 Fecha de vto. para el pago: 10/12/2026");
    expect(out).toContain("Constructora Andina S.A.");
    expect(out).toContain("CUIT: 30-70987654-2");

    expect(out).toContain("Alíc. IVA");
    expect(out).toMatch(/Instalación eléctrica en vivienda en construcción 1,5 \$ 1\.234,50 10,5% \$ 1\.851,75/);
    expect(out).toMatch(/3 \$ 45\.000 21% \$ 135\.000/);
    // The long description wraps instead of running into the numbers.
    expect(out).toMatch(/Mantenimiento preventivo de equipos de aire.*\n.*acondicionado split 3000 frigorías/);

    expect(out).toContain("Importe neto gravado: $ 153.851,75");
    expect(out).toContain("IVA 21%: $ 31.920");
    expect(out).toContain("IVA 10,5%: $ 194,43");
    expect(out).toContain("Importe total: $ 185.966,18");
    expect(out).not.toContain("Ley 27.743");

    expect(out).toContain("Comprobante Autorizado");
    expect(out).toContain("CAE N°: 76481234567890");
    expect(out).toContain("Fecha de Vto. de CAE: 10/12/2026");
    expect(out).toContain("Escribinos por WhatsApp: wa.me/5491123456789");
    expect(out).toContain("Página 1 de 1");
    expect(imageCount(pdf)).toBe(1);
  });

  it("renders a Factura B to a consumidor final with the Ley 27.743 line and a MercadoPago QR", async () => {
    const pdf = await renderInvoicePdf(sampleFacturaB());
    const out = text(pdf);

    expect(out).toMatch(/^ ?B ?$/m);
    expect(out).toContain("COD. 06");
    expect(out).toContain("Punto de venta: 00002 Comp. Nro: 00000016");
    expect(out).toContain("María José Ñañez");
    expect(out).toContain("DNI: 28.123.456");
    expect(out).toContain("Condición frente al IVA: Consumidor Final");
    expect(out).not.toContain("Alíc. IVA");
    expect(out).toMatch(/Visita técnica a domicilio 1 \$ 12\.345,50 \$ 12\.345,50/);
    expect(out).toContain("Importe total: $ 57.345,50");
    expect(out).not.toContain("Importe neto gravado");
    expect(out).toContain(`${TRANSPARENCY} $ 9.952,52`);
    expect(out).toContain("CAE N°: 76481234567891");
    expect(out).toContain("Pagá con MercadoPago");
    expect(imageCount(pdf)).toBe(2);
  });

  it("renders a Factura C from a monotributista with no IVA anywhere", async () => {
    const pdf = await renderInvoicePdf(sampleFacturaC());
    const out = text(pdf);

    expect(out).toMatch(/^ ?C ?$/m);
    expect(out).toContain("COD. 11");
    expect(out).toContain("Electricidad Peña");
    expect(out).toContain("Razón social: Peña Núñez, Martín");
    expect(out).toContain("Condición frente al IVA: Responsable Monotributo");
    expect(out).toContain("Punto de venta: 00001 Comp. Nro: 00000238");
    expect(out).toMatch(/Cable unipolar 2,5 mm² \(metros\) 12,5 \$ 950 \$ 11\.875/);
    expect(out).toContain("Importe total: $ 49.875");
    expect(out).not.toContain("IVA Contenido");
    expect(out).not.toContain("Ley 27.743");
    expect(out).not.toMatch(/IVA \d/);
    expect(out).toContain("CAE N°: 76471234567892");
    expect(out).toContain("Fecha de Vto. de CAE: 08/12/2026");
    expect(imageCount(pdf)).toBe(1);
  });

  it("renders a Nota de Crédito B with its associated voucher and the homologación warning", async () => {
    const pdf = await renderInvoicePdf(sampleNotaDeCreditoB());
    const out = text(pdf);

    expect(out).toContain("NOTA DE CRÉDITO");
    expect(out).toContain("COD. 08");
    expect(out).toContain("Punto de venta: 00002 Comp. Nro: 00000003");
    expect(out).toContain("Comprobante asociado: Factura B 0002-00000016 del 2026-11-30");
    expect(out).toContain("HOMOLOGACIÓN — sin validez fiscal");
    expect(out).toContain("Importe total: $ 5.000");
    expect(out).toContain(`${TRANSPARENCY} $ 867,77`);
    expect(out).toContain("CAE N°: 76491234567893");
  });

  it("prints the Ley 27.743 line once even when the legends carry it too", async () => {
    const doc = sampleFacturaB();
    const legend = "El crédito fiscal discriminado en el presente comprobante solo podrá ser computado a efectos del Régimen de Sostenimiento e Inclusión Fiscal para Pequeños Contribuyentes de la Ley N° 27.618.";
    doc.legends = [`${TRANSPARENCY} $ 9.952,52`, legend];
    const out = text(await renderInvoicePdf(doc));

    expect(out.split(TRANSPARENCY).length - 1).toBe(1);
    expect(out.replace(/\s+/g, " ")).toContain(legend);
  });

  it("flows 60 lines onto a second page, repeating the table header and numbering the pages", async () => {
    const pdf = await renderInvoicePdf(sampleFacturaC(60));
    const out = text(pdf);
    const pages = out.split("\f").filter((page) => page.trim() !== "");

    expect(pageCount(pdf)).toBe(2);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Página 1 de 2");
    expect(pages[1]).toContain("Página 2 de 2");
    for (const page of pages) expect(page).toMatch(/Descripción Cant\. Precio unit\. Subtotal/);
    expect(pages[1]).toContain("Punto de venta: 00001 Comp. Nro: 00000238");
    expect(pages[0]).toContain("1. Destapación de cañería");
    expect(pages[1]).toContain("60. Cable unipolar");
    expect(pages[0]).not.toContain("Importe total");
    expect(pages[1]).toContain("Importe total: $ 1.496.250");
    expect(pages[1]).toContain("CAE N°: 76471234567892");
  });

  it("produces the same bytes for the same invoice and honours an explicit creation date", async () => {
    const doc = sampleFacturaB();
    const [first, second] = await Promise.all([renderInvoicePdf(doc), renderInvoicePdf(doc)]);
    expect(first.equals(second)).toBe(true);
    expect(poppler("pdfinfo", ["-isodates"], first)).toMatch(/CreationDate:\s+2026-11-30T03:00:00Z/);

    const dated = await renderInvoicePdf(doc, { creationDate: new Date("2026-12-01T15:04:05Z") });
    expect(poppler("pdfinfo", ["-isodates"], dated)).toMatch(/CreationDate:\s+2026-12-01T15:04:05Z/);
  });

  it("embeds only the DejaVu fonts shipped with the module", async () => {
    const fonts = poppler("pdffonts", [], await renderInvoicePdf(sampleFacturaA()));
    const names = fonts.trim().split("\n").slice(2).map((line) => line.split(/\s+/)[0]);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)?$/);
    expect(fonts).not.toContain("Helvetica");
  });

  it("links the WhatsApp contact and the payment QR", async () => {
    const raw = (await renderInvoicePdf(sampleFacturaB())).toString("latin1");
    expect(raw).toContain("/URI (https://wa.me/5491123456789)");
    expect(raw).toContain("/URI (https://www.mercadopago.com.ar/checkout/v1/redirect?pref_id=");
  });
});
