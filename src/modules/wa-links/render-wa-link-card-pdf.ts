import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { repositoryRoot } from "../../lib/env";
import { shortWaLink } from "./build-wa-link";
import { drawQrVector } from "./draw-qr-vector";

// The printable card: A6 (a quarter of an A4 — four per sheet at any copy shop), to stick on the van, the counter or
// the fridge. The same DejaVu fonts the invoices ship (src/modules/invoicing/fonts), so accents and "ñ" print the
// same on every server; the QR is vector so it stays sharp however it is enlarged.
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
function fonts(): { regular: Buffer; bold: Buffer } {
  const dir = join(repositoryRoot(), "src", "modules", "invoicing", "fonts");
  fontBytes ??= { regular: readFileSync(join(dir, "DejaVuSans.ttf")), bold: readFileSync(join(dir, "DejaVuSans-Bold.ttf")) };
  return fontBytes;
}
const REGULAR = "DejaVuSans";
const BOLD = "DejaVuSans-Bold";

const W = 297.64; // A6 in points
const H = 419.53;
const INSET = 14;
const BAND_H = 84;
const QR = 176;
const GREEN_DARK = "#075e54"; // WhatsApp's dark teal: reads well in black-and-white copies too
const GREEN = "#25d366";
const INK = "#1f2933";
const MUTED = "#5f6b76";

export type WaLinkCard = { businessName: string; link: string; phoneDisplay: string };

export async function renderWaLinkCardPdf(card: WaLinkCard, options: { creationDate?: Date } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A6",
    margin: 0,
    lang: "es-AR",
    displayTitle: true,
    info: { Title: `${card.businessName} — WhatsApp`, Author: card.businessName, Creator: "CampoTech", Producer: "CampoTech", CreationDate: options.creationDate ?? new Date() },
  });
  pdf.registerFont(REGULAR, fonts().regular);
  pdf.registerFont(BOLD, fonts().bold);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  const inner = W - 2 * INSET;
  // A rounded frame doubles as the cutting guide.
  pdf.roundedRect(INSET, INSET, inner, H - 2 * INSET, 14).lineWidth(0.75).strokeColor("#c9d3cf").stroke();
  pdf.save().roundedRect(INSET, INSET, inner, BAND_H, 14).clip();
  pdf.rect(INSET, INSET, inner, BAND_H).fill(GREEN_DARK);
  pdf.restore();
  pdf.rect(INSET, INSET + BAND_H - 4, inner, 4).fill(GREEN);

  // The business's name, as large as fits in two lines.
  const nameW = inner - 32;
  let size = 22;
  pdf.font(BOLD);
  while (size > 11 && pdf.fontSize(size).heightOfString(card.businessName, { width: nameW }) > size * 2.5) size -= 1;
  const nameH = Math.min(pdf.heightOfString(card.businessName, { width: nameW }), size * 2.5);
  pdf.fillColor("#ffffff").text(card.businessName, INSET + 16, INSET + (BAND_H - 4 - nameH) / 2, { width: nameW, height: size * 2.5, align: "center", ellipsis: true });

  let y = INSET + BAND_H + 16;
  pdf.font(BOLD).fontSize(16).fillColor(GREEN_DARK).text("Escribinos por WhatsApp", INSET, y, { width: inner, align: "center", lineBreak: false });
  y += 28;

  const qrX = (W - QR) / 2;
  drawQrVector(pdf, card.link, qrX, y, QR);
  pdf.link(qrX, y, QR, QR, card.link);
  y += QR + 8;

  pdf.font(BOLD).fontSize(20).fillColor(INK).text(card.phoneDisplay, INSET, y, { width: inner, align: "center", lineBreak: false });
  y += 28;
  const shown = shortWaLink(card.link);
  pdf.font(REGULAR).fontSize(10).fillColor(GREEN_DARK).text(shown, INSET, y, { width: inner, align: "center", lineBreak: false, link: card.link, underline: true });
  y += 18;
  pdf.fontSize(8).fillColor(MUTED).text("Escaneá el código con la cámara del celular o tocá el enlace.", INSET + 16, y, { width: inner - 32, align: "center" });

  pdf.end();
  return ended;
}
