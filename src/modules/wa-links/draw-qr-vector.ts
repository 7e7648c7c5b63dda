import QRCode from "qrcode";

// Modules per side of the QR for `text` (without the quiet zone): how dense the printed code will be.
export function qrModuleCount(text: string): number {
  return QRCode.create(text, { errorCorrectionLevel: "M" }).modules.size;
}

// Draws a QR as vector squares (not an image): sharp at any print size and no embedded bitmap. Runs of dark modules
// on a row become one rectangle, so viewers do not show hairline seams between neighbouring squares.
export function drawQrVector(pdf: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, options: { margin?: number } = {}): void {
  const margin = options.margin ?? 4;
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const unit = size / (count + 2 * margin);
  pdf.save();
  pdf.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      pdf.rect(x + (start + margin) * unit, y + (row + margin) * unit, (col - start) * unit, unit);
    }
  }
  pdf.fill("#000000");
  pdf.restore();
}
