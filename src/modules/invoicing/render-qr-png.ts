import QRCode, { type QRCodeToBufferOptions } from "qrcode";

// A QR as a grayscale PNG. Error correction M (15 %) survives a smudged printout while keeping the ~300-character ARCA
// URL at a size phones read easily; the 4-module quiet zone is what the QR standard asks for. Grayscale without alpha
// keeps it one image in the PDF (an alpha channel would add a soft mask).
export async function renderQrPng(text: string, options: { scale?: number } = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: "png",
    errorCorrectionLevel: "M",
    margin: 4,
    // 4 px per module: a 57-module ARCA QR is ~260 px, about 180 dpi at the 3.7 cm it is printed — sharp on paper
    // and on a phone, and a quarter of the pixels to encode (PNG encoding dominated a busy worker's invoice time).
    scale: options.scale ?? 4,
    color: { dark: "#000000ff", light: "#ffffffff" },
    // qrcode hands rendererOpts to pngjs, whose colorType 0 (grayscale) the qrcode typings do not list.
    // filterType 0: a two-colour image gains nothing from pngjs trying every row filter, and that search is slow.
    rendererOpts: { colorType: 0, filterType: 0 } as QRCodeToBufferOptions["rendererOpts"],
  });
}
