import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../../lib/env";
import PDFDocument from "pdfkit";
import { formatCuit } from "../../lib/cuit";
import {
  formatDateYmdAr,
  formatMoneyAr,
  formatPointOfSale,
  formatQuantityAr,
  formatRateAr,
  formatVoucherNumber,
  formatVoucherTypeCode,
} from "./format-invoice-values";
import type { InvoiceDocument } from "./invoice-document";
import { renderQrPng } from "./render-qr-png";
import { drawInvoiceWhatsAppQr } from "./draw-invoice-whatsapp-qr";

// The printed electronic invoice (RG 1415 layout): A4, fonts shipped with the module so the output never depends on
// what the server has installed. Everything is drawn at computed positions (margins 0), so pdfkit never breaks pages
// on its own; this file decides where each page ends.

// Read on first use and kept (every invoice of a busy worker uses them); registered by name in each document. Found
// from the repository root, not import.meta.url: a bundler (Next) rewrites asset URLs into browser addresses.
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
function fonts(): { regular: Buffer; bold: Buffer } {
  const dir = join(repositoryRoot(), "src", "modules", "invoicing", "fonts");
  fontBytes ??= { regular: readFileSync(join(dir, "DejaVuSans.ttf")), bold: readFileSync(join(dir, "DejaVuSans-Bold.ttf")) };
  return fontBytes;
}
const REGULAR = "DejaVuSans";
const BOLD = "DejaVuSans-Bold";

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const M = 28;
const LEFT = M;
const RIGHT = PAGE_W - M;
const CONTENT_W = RIGHT - LEFT;
const CENTER = PAGE_W / 2;
const PAGE_NUMBER_Y = PAGE_H - 24;
const CONTENT_BOTTOM = PAGE_H - 36;
const FOOTER_H = 122;
const QR_SIZE = 104;
const PAYMENT_QR_SIZE = 84;

const INK = "#000000";
const MUTED = "#555555";
const RULE = "#999999";
const ZEBRA = "#f3f3f3";
const HEAD_FILL = "#e4e4e4";
const ALERT = "#c62828";

const BODY = 8.5;
const SMALL = 7.5;
const PAD = 4; // horizontal cell padding
const ROW_PAD = 3; // vertical

type Doc = PDFKit.PDFDocument;
type Line = InvoiceDocument["lines"][number];
type Column = { title: string; width: number; align: "left" | "right"; cell: (line: Line) => string };

export type RenderInvoicePdfOptions = {
  // PDF metadata date; defaults to the issue date at 00:00 Buenos Aires so the same invoice renders to the same bytes.
  creationDate?: Date;
};

export async function renderInvoicePdf(doc: InvoiceDocument, options: RenderInvoicePdfOptions = {}): Promise<Buffer> {
  const [invoiceQr, paymentQr] = await Promise.all([
    renderQrPng(doc.qrUrl),
    doc.paymentUrl ? renderQrPng(doc.paymentUrl) : Promise.resolve(null),
  ]);

  const { invoice, issuer } = doc;
  const number = `${formatPointOfSale(invoice.pointOfSale)}-${formatVoucherNumber(invoice.number)}`;
  const pdf = new PDFDocument({
    size: "A4",
    margin: 0,
    bufferPages: true,
    lang: "es-AR",
    displayTitle: true,
    info: {
      Title: `${invoice.kindLabel} ${invoice.letter} ${number}`,
      Author: issuer.businessName,
      Subject: `CAE ${invoice.cae}`,
      Creator: "CampoTech",
      Producer: "CampoTech",
      CreationDate: options.creationDate ?? new Date(`${invoice.issueDate}T00:00:00-03:00`),
    },
  });
  pdf.registerFont(REGULAR, fonts().regular);
  pdf.registerFont(BOLD, fonts().bold);
  pdf.font(REGULAR);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const columns = tableColumns(doc);
  let y = drawEnvironmentBanner(pdf, doc);
  y = drawHeader(pdf, doc, y);
  y = drawPeriod(pdf, doc, y + 6);
  y = drawReceiver(pdf, doc, y + 6);
  y = drawTableHeader(pdf, columns, y + 10);

  const newPage = (): number => {
    pdf.addPage({ size: "A4", margin: 0 });
    return drawContinuationHeader(pdf, doc, drawEnvironmentBanner(pdf, doc)) + 10;
  };

  doc.lines.forEach((line, index) => {
    const height = rowHeight(pdf, columns, line);
    if (y + height > CONTENT_BOTTOM) {
      rule(pdf, LEFT, RIGHT, y, INK);
      y = drawTableHeader(pdf, columns, newPage());
    }
    drawRow(pdf, columns, line, y, height, index);
    y += height;
  });
  rule(pdf, LEFT, RIGHT, y, INK);

  const closing = closingBlocks(doc);
  if (y + 10 + closingHeight(pdf, closing) + FOOTER_H > CONTENT_BOTTOM) y = newPage();
  y = drawTotals(pdf, doc, closing, y + 10);
  drawLegends(pdf, closing.legends, y + 8);
  drawFooter(pdf, doc, invoiceQr, paymentQr);
  drawInvoiceWhatsAppQr(pdf, doc, { top: CONTENT_BOTTOM - FOOTER_H, textX: LEFT + QR_SIZE + 12, right: RIGHT });
  drawPageNumbers(pdf);

  pdf.end();
  return ended;
}

// Red band on every page outside production, so a homologación PDF can never pass for a real one.
function drawEnvironmentBanner(pdf: Doc, doc: InvoiceDocument): number {
  const label = doc.invoice.environmentLabel;
  if (!label) return M;
  pdf.save().rect(LEFT, 8, CONTENT_W, 20).fillAndStroke("#fde8e8", ALERT).restore();
  pdf.font(BOLD).fontSize(10).fillColor(ALERT).text(label, LEFT, 13, { width: CONTENT_W, align: "center", lineBreak: false });
  pdf.fillColor(INK);
  return 36;
}

// Issuer on the left, voucher on the right, the letter in a square in the middle (RG 1415).
function drawHeader(pdf: Doc, doc: InvoiceDocument, top: number): number {
  const { issuer, invoice } = doc;
  const leftX = LEFT + 10;
  const leftW = CENTER - 34 - leftX; // clear of the letter box
  const rightX = CENTER + 34;
  const rightW = RIGHT - 10 - rightX;

  const name = displayName(issuer);
  pdf.font(BOLD).fontSize(14).fillColor(INK);
  pdf.text(name, leftX, top + 12, { width: leftW, height: 36, ellipsis: true });
  let leftY = pdf.y + 6;
  if (name !== issuer.businessName) leftY = labeled(pdf, "Razón social", issuer.businessName, leftX, leftY, leftW) + 2;
  leftY = labeled(pdf, "Domicilio comercial", issuer.address, leftX, leftY, leftW) + 2;
  leftY = labeled(pdf, "Condición frente al IVA", issuer.ivaConditionLabel, leftX, leftY, leftW);

  pdf.font(BOLD).fontSize(16).text(invoice.kindLabel, rightX, top + 12, { width: rightW, lineBreak: false });
  const numbering = `Punto de venta: ${formatPointOfSale(invoice.pointOfSale)}  Comp. Nro: ${formatVoucherNumber(invoice.number)}`;
  pdf.font(BOLD).fontSize(fittingSize(pdf, numbering, rightW, 10, 7));
  pdf.text(numbering, rightX, top + 36, { width: rightW, lineBreak: false });
  let rightY = top + 52;
  rightY = labeled(pdf, "Fecha de emisión", formatDateYmdAr(invoice.issueDate), rightX, rightY, rightW) + 2;
  rightY = labeled(pdf, "CUIT", formatCuit(issuer.cuit), rightX, rightY, rightW) + 2;
  if (issuer.grossIncomeNumber) rightY = labeled(pdf, "Ingresos Brutos", issuer.grossIncomeNumber, rightX, rightY, rightW) + 2;
  if (issuer.activityStartDate) {
    rightY = labeled(pdf, "Inicio de actividades", formatDateYmdAr(issuer.activityStartDate), rightX, rightY, rightW);
  }

  // Whole points keep the box edges crisp on screen.
  const bottom = Math.ceil(Math.max(top + 112, leftY + 10, rightY + 10));
  pdf.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, CONTENT_W, bottom - top).stroke();

  // The letter box sits on the top edge; the divider runs from it to the bottom of the header.
  const box = { w: 48, h: 52 };
  pdf.rect(CENTER - box.w / 2, top, box.w, box.h).fillAndStroke("#ffffff", INK);
  pdf.fillColor(INK).font(BOLD).fontSize(30).text(invoice.letter, CENTER - box.w / 2, top + 4, { width: box.w, align: "center", lineBreak: false });
  pdf.fontSize(7).text(`COD. ${formatVoucherTypeCode(invoice.voucherType)}`, CENTER - box.w / 2, top + 40, {
    width: box.w,
    align: "center",
    lineBreak: false,
  });
  pdf.moveTo(CENTER, top + box.h).lineTo(CENTER, bottom).stroke();
  return bottom;
}

// Pages after the first repeat who and which voucher, compactly, so a loose page can be traced back.
function drawContinuationHeader(pdf: Doc, doc: InvoiceDocument, top: number): number {
  const { issuer, invoice } = doc;
  const height = 40;
  pdf.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, CONTENT_W, height).stroke();
  pdf.rect(CENTER - 18, top, 36, height).stroke();
  pdf.fillColor(INK).font(BOLD).fontSize(20).text(invoice.letter, CENTER - 18, top + 6, { width: 36, align: "center", lineBreak: false });
  pdf.fontSize(6).text(`COD. ${formatVoucherTypeCode(invoice.voucherType)}`, CENTER - 18, top + 30, { width: 36, align: "center", lineBreak: false });
  const leftW = CENTER - 28 - (LEFT + 10);
  pdf.fontSize(10).text(displayName(issuer), LEFT + 10, top + 8, { width: leftW, lineBreak: false, ellipsis: true });
  pdf.font(REGULAR).fontSize(SMALL).text(`CUIT ${formatCuit(issuer.cuit)}`, LEFT + 10, top + 24, { width: leftW, lineBreak: false });
  const rightX = CENTER + 28;
  const rightW = RIGHT - 10 - rightX;
  pdf.font(BOLD).fontSize(9.5).text(invoice.kindLabel, rightX, top + 8, { width: rightW, lineBreak: false });
  pdf.font(REGULAR).fontSize(SMALL);
  pdf.text(
    `Punto de venta: ${formatPointOfSale(invoice.pointOfSale)}  Comp. Nro: ${formatVoucherNumber(invoice.number)}  ·  ${formatDateYmdAr(invoice.issueDate)}`,
    rightX,
    top + 24,
    { width: rightW, lineBreak: false },
  );
  return top + height;
}

function drawPeriod(pdf: Doc, doc: InvoiceDocument, top: number): number {
  const { invoice } = doc;
  const height = 22;
  pdf.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, CONTENT_W, height).stroke();
  const y = top + 7;
  labeled(pdf, "Período facturado desde", formatDateYmdAr(invoice.serviceFrom), LEFT + 10, y, 190);
  labeled(pdf, "Hasta", formatDateYmdAr(invoice.serviceTo), LEFT + 200, y, 110);
  labeled(pdf, "Fecha de vto. para el pago", formatDateYmdAr(invoice.paymentDueDate), LEFT + 318, y, CONTENT_W - 328);
  return top + height;
}

function drawReceiver(pdf: Doc, doc: InvoiceDocument, top: number): number {
  const { receiver, invoice } = doc;
  const leftX = LEFT + 10;
  const leftW = 280;
  const rightX = LEFT + 300;
  const rightW = RIGHT - 10 - rightX;

  let leftY = labeled(pdf, "Apellido y nombre / Razón social", receiver.name, leftX, top + 8, leftW) + 2;
  if (receiver.address) leftY = labeled(pdf, "Domicilio", receiver.address, leftX, leftY, leftW) + 2;

  let rightY = top + 8;
  if (receiver.documentNumber) rightY = labeled(pdf, receiver.documentLabel, receiver.documentNumber, rightX, rightY, rightW) + 2;
  rightY = labeled(pdf, "Condición frente al IVA", receiver.ivaConditionLabel, rightX, rightY, rightW) + 2;

  let bottom = Math.max(leftY, rightY);
  if (invoice.associatedLabel) bottom = labeled(pdf, "Comprobante asociado", invoice.associatedLabel, leftX, bottom + 2, CONTENT_W - 20) + 2;
  bottom = Math.ceil(bottom + 6);
  pdf.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, CONTENT_W, bottom - top).stroke();
  return bottom;
}

// Class A shows net prices and the IVA rate per line; B and C show final prices (IVA included or none).
function tableColumns(doc: InvoiceDocument): Column[] {
  const quantity: Column = { title: "Cant.", width: 50, align: "right", cell: (l) => formatQuantityAr(l.quantityMilli) };
  const unit: Column = { title: "Precio unit.", width: 88, align: "right", cell: (l) => formatMoneyAr(l.unitPriceCents) };
  const subtotal: Column = { title: "Subtotal", width: 96, align: "right", cell: (l) => formatMoneyAr(l.subtotalCents) };
  const rate: Column = {
    title: "Alíc. IVA",
    width: 52,
    align: "right",
    cell: (l) => (l.ivaRateBps === null ? "Exento" : formatRateAr(l.ivaRateBps)),
  };
  const rest = doc.invoice.letter === "A" ? [quantity, unit, rate, subtotal] : [quantity, unit, subtotal];
  const used = rest.reduce((sum, column) => sum + column.width, 0);
  return [{ title: "Descripción", width: CONTENT_W - used, align: "left", cell: (l) => l.description }, ...rest];
}

function drawTableHeader(pdf: Doc, columns: Column[], top: number): number {
  const height = 18;
  pdf.rect(LEFT, top, CONTENT_W, height).fill(HEAD_FILL);
  pdf.lineWidth(0.8).strokeColor(INK).rect(LEFT, top, CONTENT_W, height).stroke();
  pdf.fillColor(INK).font(BOLD).fontSize(8);
  let x = LEFT;
  for (const column of columns) {
    pdf.text(column.title, x + PAD, top + 5, { width: column.width - 2 * PAD, align: column.align, lineBreak: false });
    x += column.width;
  }
  return top + height;
}

// A description taller than a whole page is cut with an ellipsis rather than breaking the layout.
const MAX_DESCRIPTION_HEIGHT = 300;

function rowHeight(pdf: Doc, columns: Column[], line: Line): number {
  const description = columns[0];
  if (!description) return 0;
  pdf.font(REGULAR).fontSize(BODY);
  const textHeight = pdf.heightOfString(line.description, { width: description.width - 2 * PAD });
  return Math.min(textHeight, MAX_DESCRIPTION_HEIGHT) + 2 * ROW_PAD + 1;
}

function drawRow(pdf: Doc, columns: Column[], line: Line, top: number, height: number, index: number): void {
  if (index % 2 === 1) pdf.rect(LEFT, top, CONTENT_W, height).fill(ZEBRA);
  pdf.fillColor(INK).font(REGULAR).fontSize(BODY);
  let x = LEFT;
  for (const [i, column] of columns.entries()) {
    const width = column.width - 2 * PAD;
    if (i === 0) {
      pdf.text(column.cell(line), x + PAD, top + ROW_PAD + 1, { width, height: MAX_DESCRIPTION_HEIGHT, ellipsis: true });
    } else {
      pdf.text(column.cell(line), x + PAD, top + ROW_PAD + 1, { width, align: column.align, lineBreak: false });
    }
    x += column.width;
  }
  pdf.lineWidth(0.8).strokeColor(INK).moveTo(LEFT, top).lineTo(LEFT, top + height).moveTo(RIGHT, top).lineTo(RIGHT, top + height).stroke();
}

type Closing = { rows: { label: string; value: string }[]; total: string; transparency: string | null; legends: string[] };

function closingBlocks(doc: InvoiceDocument): Closing {
  const { totals, invoice } = doc;
  const rows: Closing["rows"] = [];
  if (invoice.letter === "A") {
    rows.push({ label: "Importe neto gravado", value: formatMoneyAr(totals.netCents) });
    for (const rate of totals.ivaByRate) rows.push({ label: `IVA ${formatRateAr(rate.ivaRateBps)}`, value: formatMoneyAr(rate.ivaCents) });
    if (totals.exemptCents !== 0) rows.push({ label: "Importe exento", value: formatMoneyAr(totals.exemptCents) });
  }
  // Ley 27.743 (RG 5614): a class B invoice to a consumidor final states the IVA its prices contain.
  const transparency =
    invoice.letter === "B"
      ? `Régimen de Transparencia Fiscal al Consumidor (Ley 27.743): IVA Contenido ${formatMoneyAr(totals.ivaCents)}`
      : null;
  return {
    rows,
    total: formatMoneyAr(totals.totalCents),
    transparency,
    // The legend list may already carry the same sentence; print it once.
    legends: doc.legends.filter((legend) => legend.trim() !== "" && legend !== transparency),
  };
}

const TOTALS_W = 250;

function closingHeight(pdf: Doc, closing: Closing): number {
  let height = closing.rows.length * 14 + 26;
  pdf.font(REGULAR).fontSize(BODY);
  if (closing.transparency) height += pdf.heightOfString(closing.transparency, { width: CONTENT_W - 20 }) + 16;
  pdf.fontSize(SMALL);
  for (const legend of closing.legends) height += pdf.heightOfString(legend, { width: CONTENT_W }) + 3;
  return height + 8;
}

function drawTotals(pdf: Doc, doc: InvoiceDocument, closing: Closing, top: number): number {
  const x = RIGHT - TOTALS_W;
  let y = top;
  pdf.fillColor(INK).font(REGULAR).fontSize(BODY);
  for (const row of closing.rows) {
    pdf.text(`${row.label}:`, x, y, { width: TOTALS_W - 110, lineBreak: false });
    pdf.text(row.value, x + TOTALS_W - 110, y, { width: 110, align: "right", lineBreak: false });
    y += 14;
  }
  pdf.rect(x - 6, y - 2, TOTALS_W + 6, 22).fill(HEAD_FILL);
  pdf.fillColor(INK).font(BOLD).fontSize(11);
  pdf.text("Importe total:", x, y + 3, { width: TOTALS_W - 130, lineBreak: false });
  pdf.text(closing.total, x + TOTALS_W - 134, y + 3, { width: 130, align: "right", lineBreak: false });
  y += 26;

  if (closing.transparency) {
    pdf.font(REGULAR).fontSize(BODY);
    const height = pdf.heightOfString(closing.transparency, { width: CONTENT_W - 20 }) + 10;
    pdf.lineWidth(0.6).strokeColor(RULE).rect(LEFT, y + 4, CONTENT_W, height).stroke();
    pdf.fillColor(INK).text(closing.transparency, LEFT + 10, y + 9, { width: CONTENT_W - 20 });
    y += height + 6;
  }
  return y;
}

function drawLegends(pdf: Doc, legends: string[], top: number): void {
  let y = top;
  pdf.fillColor(MUTED).font(REGULAR).fontSize(SMALL);
  for (const legend of legends) {
    pdf.text(legend, LEFT, y, { width: CONTENT_W });
    y = pdf.y + 3;
  }
  pdf.fillColor(INK);
}

// Bottom of the last page: the ARCA QR with the CAE next to it, the payment QR on the right, the WhatsApp contact.
function drawFooter(pdf: Doc, doc: InvoiceDocument, invoiceQr: Buffer, paymentQr: Buffer | null): void {
  const { invoice, issuer } = doc;
  const top = CONTENT_BOTTOM - FOOTER_H;
  rule(pdf, LEFT, RIGHT, top, RULE);

  pdf.image(invoiceQr, LEFT, top + 8, { width: QR_SIZE, height: QR_SIZE });
  const textX = LEFT + QR_SIZE + 12;
  const textW = 230;
  pdf.fillColor(INK).font(BOLD).fontSize(12).text("Comprobante Autorizado", textX, top + 20, { width: textW, lineBreak: false });
  labeled(pdf, "CAE N°", invoice.cae, textX, top + 42, textW, 9.5);
  labeled(pdf, "Fecha de Vto. de CAE", formatDateYmdAr(invoice.caeDueDate), textX, top + 58, textW, 9.5);

  if (issuer.whatsappLink && !doc.whatsappQr) {
    const shown = issuer.whatsappLink.replace(/^https?:\/\//, "");
    const y = top + 84;
    pdf.font(BOLD).fontSize(BODY).fillColor(INK).text("Escribinos por WhatsApp: ", textX, y, { continued: true, lineBreak: false });
    pdf.font(REGULAR).fillColor("#1b5e20").text(shown, { underline: true, lineBreak: false });
    pdf.fillColor(INK);
    pdf.link(textX, y - 2, pdf.widthOfString(`Escribinos por WhatsApp: ${shown}`) + 10, 14, issuer.whatsappLink);
  }

  if (paymentQr && doc.paymentUrl) {
    const qrX = RIGHT - PAYMENT_QR_SIZE;
    const labelW = 150;
    pdf.font(BOLD).fontSize(10).fillColor(INK).text("Pagá con MercadoPago", qrX - labelW - 8, top + 30, { width: labelW, align: "right" });
    pdf.font(REGULAR).fontSize(SMALL).fillColor(MUTED).text("Escaneá el código o tocalo", qrX - labelW - 8, pdf.y + 2, {
      width: labelW,
      align: "right",
    });
    pdf.fillColor(INK);
    pdf.image(paymentQr, qrX, top + 14, { width: PAYMENT_QR_SIZE, height: PAYMENT_QR_SIZE });
    pdf.link(qrX - labelW - 8, top + 14, labelW + 8 + PAYMENT_QR_SIZE, PAYMENT_QR_SIZE, doc.paymentUrl);
  }
}

function drawPageNumbers(pdf: Doc): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    pdf.switchToPage(start + i);
    pdf.font(REGULAR).fontSize(SMALL).fillColor(MUTED);
    pdf.text(`Página ${i + 1} de ${count}`, LEFT, PAGE_NUMBER_Y, { width: CONTENT_W, align: "center", lineBreak: false });
  }
  pdf.fillColor(INK);
}

// The largest size from `max` down to `min` (half points) at which the text fits on one line.
function fittingSize(pdf: Doc, text: string, width: number, max: number, min: number): number {
  let size = max;
  while (size > min && pdf.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

// The nombre de fantasía leads when there is one that differs; the razón social then goes underneath.
function displayName(issuer: InvoiceDocument["issuer"]): string {
  const tradeName = issuer.tradeName?.trim();
  return tradeName ? tradeName : issuer.businessName;
}

// "Label: value" with the label in bold; returns the y below the (possibly wrapped) text.
function labeled(pdf: Doc, label: string, value: string, x: number, y: number, width: number, size = BODY): number {
  pdf.fillColor(INK).font(BOLD).fontSize(size).text(`${label}: `, x, y, { width, continued: true });
  pdf.font(REGULAR).text(value, { width });
  return pdf.y;
}

function rule(pdf: Doc, x1: number, x2: number, y: number, color: string): void {
  pdf.lineWidth(0.8).strokeColor(color).moveTo(x1, y).lineTo(x2, y).stroke();
}
