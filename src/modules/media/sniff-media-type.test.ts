import { describe, expect, it } from "vitest";
import { isInlineMediaType, sniffMediaType } from "./sniff-media-type";

const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

describe("sniffMediaType", () => {
  it.each([
    ["image/jpeg", b([0xff, 0xd8, 0xff, 0xe0])],
    ["image/png", b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ["image/webp", b("RIFF", [0, 0, 0, 0], "WEBP")],
    ["image/gif", b("GIF89a")],
    ["audio/ogg", b("OggS", [0, 2])],
    ["audio/amr", b("#!AMR\n")],
    ["audio/mpeg", b("ID3", [4, 0])],
    ["audio/mp4", b([0, 0, 0, 0x20], "ftypM4A ")],
    ["video/mp4", b([0, 0, 0, 0x20], "ftypisom")],
    ["video/3gpp", b([0, 0, 0, 0x20], "ftyp3gp5")],
    ["video/webm", b([0x1a, 0x45, 0xdf, 0xa3])],
    ["application/pdf", b("%PDF-1.4")],
  ])("recognizes %s", (type, bytes) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it.each([
    ["SVG", b(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)],
    ["HTML", b("<!doctype html><script>alert(1)</script>")],
    ["an XML prolog", b(`<?xml version="1.0"?><svg/>`)],
    ["nothing", b()],
  ])("does not recognize %s", (_, bytes) => {
    expect(sniffMediaType(bytes)).toBeNull();
  });

  it("shows inline only pictures, audio and video — never PDFs or unknown files", () => {
    expect(isInlineMediaType("image/png")).toBe(true);
    expect(isInlineMediaType("audio/ogg")).toBe(true);
    expect(isInlineMediaType("application/pdf")).toBe(false);
    expect(isInlineMediaType(null)).toBe(false);
  });
});
