import { describe, expect, it } from "vitest";
import { renderQrPng } from "./render-qr-png";

const URL =
  "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjEsImZlY2hhIjoiMjAyNS0wNi0xMCIsImN1aXQiOjMwNzEyMzQ1NjcxLCJwdG9WdGEiOjMsInRpcG9DbXAiOjYsIm5yb0NtcCI6MTU0MiwiaW1wb3J0ZSI6MTQ1MjAuNSwibW9uZWRhIjoiUEVTIiwiY3R6IjoxLCJ0aXBvRG9jUmVjIjo5NiwibnJvRG9jUmVjIjoyODEyMzQ1NiwidGlwb0NvZEF1dCI6IkUiLCJjb2RBdXQiOjc1MjM4NzEyMzQ1Njc4fQ==";

describe("renderQrPng", () => {
  it("renders a grayscale PNG with a 4-module quiet zone", async () => {
    const png = await renderQrPng(URL, { scale: 4 });
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    const width = png.readUInt32BE(16);
    expect(png.readUInt32BE(20)).toBe(width);
    expect(png[25]).toBe(0); // IHDR colour type: grayscale, no alpha
    const modules = width / 4 - 8;
    expect((modules - 17) % 4).toBe(0); // 17 + 4 × version
    // Same text, same bytes: the PDF that embeds it stays reproducible.
    expect(await renderQrPng(URL, { scale: 4 })).toEqual(png);
  });
});
