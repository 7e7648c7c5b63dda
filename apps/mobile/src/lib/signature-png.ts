import { encodeGrayPng } from "./encode-png";

export type Point = { x: number; y: number };
export type Stroke = Point[];

export const SIGNATURE_WIDTH = 600;
export const SIGNATURE_HEIGHT = 240;

// Draws the strokes (in pad coordinates, padWidth × padHeight) as 3 px black lines on white and encodes a PNG.
export function signatureToPng(strokes: Stroke[], padWidth: number, padHeight: number): Uint8Array {
  const w = SIGNATURE_WIDTH, h = SIGNATURE_HEIGHT;
  const pixels = new Uint8Array(w * h).fill(255);
  const sx = w / Math.max(1, padWidth), sy = h / Math.max(1, padHeight);
  const dot = (cx: number, cy: number) => {
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const x = Math.round(cx + dx), y = Math.round(cy + dy);
        if (x >= 0 && y >= 0 && x < w && y < h) pixels[y * w + x] = 0;
      }
  };
  for (const stroke of strokes) {
    stroke.forEach((p, i) => {
      const prev = stroke[i - 1] ?? p;
      const steps = Math.max(1, Math.ceil(Math.hypot((p.x - prev.x) * sx, (p.y - prev.y) * sy)));
      for (let s = 0; s <= steps; s++) dot((prev.x + ((p.x - prev.x) * s) / steps) * sx, (prev.y + ((p.y - prev.y) * s) / steps) * sy);
    });
  }
  return encodeGrayPng(w, h, pixels);
}

export function strokesToPath(strokes: Stroke[]): string {
  return strokes
    .filter((s) => s.length)
    .map((s) => s.map((p, i) => `${i ? "L" : "M"}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ") + (s.length === 1 ? " l0.1 0" : ""))
    .join(" ");
}
