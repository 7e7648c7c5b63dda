import QRCode from "qrcode";
import { AppError } from "../../lib/errors";

export const QR_PNG_SIZES = { min: 128, max: 2048, default: 512 } as const;

// Error correction M (15 %): a sticker on a van or a card in a wallet gets scratched; the 4-module quiet zone is what
// the QR standard asks for, and phones fail to read codes printed without it.
const BASE = { errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000ff", light: "#ffffffff" } } as const;

// A square PNG exactly `size` pixels wide (qrcode scales the modules to fit).
export async function renderWaLinkQrPng(link: string, size: number = QR_PNG_SIZES.default): Promise<Buffer> {
  if (!Number.isInteger(size) || size < QR_PNG_SIZES.min || size > QR_PNG_SIZES.max) {
    throw new AppError("VALIDATION_FAILED", {
      message: `El tamaño del QR tiene que ser un número entre ${QR_PNG_SIZES.min} y ${QR_PNG_SIZES.max} píxeles.`,
      fields: { size: `Entre ${QR_PNG_SIZES.min} y ${QR_PNG_SIZES.max}.` },
    });
  }
  // qrcode sizes the image as floor(modules × (width / modules)), which floating point turns into width − 1 for most
  // sizes; half a pixel more lands it on exactly `size`.
  return QRCode.toBuffer(link, { ...BASE, type: "png", width: size + 0.5 });
}

// Vector, for print shops and signage: scales to any size without blur.
export async function renderWaLinkQrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...BASE, type: "svg" });
}
