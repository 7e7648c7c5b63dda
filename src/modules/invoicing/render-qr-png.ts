import QRCode, { type QRCodeToBufferOptions } from "qrcode";

// A QR as a grayscale PNG. Error correction M (15 %) survives a smudged printout while keeping the ~300-character ARCA
// URL at a size phones read easily; the 4-module quiet zone is what the QR standard asks for. Grayscale without alpha
// keeps it one image in the PDF (an alpha channel would add a soft mask).
export async function renderQrPng(text: string, options: { scale?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 4,
    scale: options.scale ?? 8,
    color: { dark: "#000000ff", light: "#ffffffff" },
    // qrcode hands rendererOpts to pngjs, whose colorType 0 (grayscale) the qrcode typings do not list.
    rendererOpts: { colorType: 0 } as QRCodeToBufferOptions["rendererOpts"],
  });
}
