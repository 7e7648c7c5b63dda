import { shortWaLink } from "../wa-links/build-wa-link";
import { drawQrVector, qrModuleCount } from "../wa-links/draw-qr-vector";
import type { InvoiceDocument } from "./invoice-document";

// The "¿Consultas? Escribinos por WhatsApp" block of the invoice footer (plans with the wa.me QR). It never touches the
// ARCA QR on the left: without a MercadoPago QR it takes the right-hand slot at the payment QR's size; with one, a
// compact QR goes under the CAE lines, where the plain "Escribinos por WhatsApp" line would otherwise be.
const REGULAR = "DejaVuSans"; // registered by render-invoice-pdf
const BOLD = "DejaVuSans-Bold";
const INK = "#000000";
const MUTED = "#555555";
const GREEN = "#1b5e20";

// Below about 0.32 mm per module a phone camera struggles with a printed code. A long prefilled message (up to 300
// characters, accents percent-encoded three times over) can make the link's QR that dense in the footer's small
// square; then the QR carries the bare wa.me/<number> — the chat still opens, without the prefilled text — while
// tapping the block in the PDF keeps the full link.
const MIN_MODULE_PT = 0.9;
export function scannableQrText(url: string, size: number, margin: number): string {
  return size / (qrModuleCount(url) + 2 * margin) >= MIN_MODULE_PT ? url : `https://${shortWaLink(url)}`;
}

export type FooterSlots = { top: number; textX: number; right: number };

export function drawInvoiceWhatsAppQr(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, slots: FooterSlots): void {
  const qr = doc.whatsappQr;
  if (!qr) return;
  if (doc.paymentUrl) drawCompact(pdf, qr, slots);
  else drawBeside(pdf, qr, slots);
  pdf.fillColor(INK);
}

function drawBeside(pdf: PDFKit.PDFDocument, qr: NonNullable<InvoiceDocument["whatsappQr"]>, { top, right }: FooterSlots): void {
  const size = 84;
  const qrX = right - size;
  const labelW = 150;
  const labelX = qrX - labelW - 8;
  drawQrVector(pdf, scannableQrText(qr.url, size, 2), qrX, top + 14, size, { margin: 2 });
  pdf.font(BOLD).fontSize(10).fillColor(INK).text("¿Consultas?", labelX, top + 24, { width: labelW, align: "right", lineBreak: false });
  pdf.text("Escribinos por WhatsApp", labelX, top + 38, { width: labelW, align: "right", lineBreak: false });
  pdf.font(REGULAR).fontSize(9).fillColor(GREEN).text(qr.phoneDisplay, labelX, top + 54, { width: labelW, align: "right", lineBreak: false });
  pdf.fontSize(7.5).fillColor(MUTED).text("Escaneá el código o tocalo", labelX, top + 68, { width: labelW, align: "right", lineBreak: false });
  pdf.link(labelX, top + 14, labelW + 8 + size, size, qr.url);
}

function drawCompact(pdf: PDFKit.PDFDocument, qr: NonNullable<InvoiceDocument["whatsappQr"]>, { top, textX }: FooterSlots): void {
  const size = 50;
  const y = top + 70;
  // Margin 1 inside the square: the paper around it is blank for well over the 4 modules a reader needs.
  drawQrVector(pdf, scannableQrText(qr.url, size, 1), textX, y, size, { margin: 1 });
  const x = textX + size + 8;
  const width = 240;
  pdf.font(BOLD).fontSize(8.5).fillColor(INK).text("¿Consultas? Escribinos por WhatsApp", x, y + 6, { width, lineBreak: false });
  pdf.font(REGULAR).fontSize(8).fillColor(GREEN).text(`${qr.phoneDisplay} · ${shortWaLink(qr.url)}`, x, y + 20, { width, lineBreak: false });
  pdf.fontSize(7).fillColor(MUTED).text("Escaneá el código o tocalo", x, y + 33, { width, lineBreak: false });
  pdf.link(textX, y, size + 8 + width, size, qr.url);
}
