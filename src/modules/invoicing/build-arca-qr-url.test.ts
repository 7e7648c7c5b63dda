import { describe, expect, it } from "vitest";
import { buildArcaQrUrl, type ArcaQrInput } from "./build-arca-qr-url";

// Both vectors come from reference/ARGENTINA.md §3: ARCA's own example and the worked Factura B example.
const OFFICIAL_URL =
  "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjEsImZlY2hhIjoiMjAyMC0xMC0xMyIsImN1aXQiOjMwMDAwMDAwMDA3LCJwdG9WdGEiOjEwLCJ0aXBvQ21wIjoxLCJucm9DbXAiOjk0LCJpbXBvcnRlIjoxMjEwMCwibW9uZWRhIjoiRE9MIiwiY3R6Ijo2NSwidGlwb0RvY1JlYyI6ODAsIm5yb0RvY1JlYyI6MjAwMDAwMDAwMDEsInRpcG9Db2RBdXQiOiJFIiwiY29kQXV0Ijo3MDQxNzA1NDM2NzQ3Nn0=";
const WORKED_JSON =
  '{"ver":1,"fecha":"2025-06-10","cuit":30712345671,"ptoVta":3,"tipoCmp":6,"nroCmp":1542,"importe":14520.5,"moneda":"PES","ctz":1,"tipoDocRec":96,"nroDocRec":28123456,"tipoCodAut":"E","codAut":75238712345678}';
const WORKED_URL =
  "https://www.afip.gob.ar/fe/qr/?p=eyJ2ZXIiOjEsImZlY2hhIjoiMjAyNS0wNi0xMCIsImN1aXQiOjMwNzEyMzQ1NjcxLCJwdG9WdGEiOjMsInRpcG9DbXAiOjYsIm5yb0NtcCI6MTU0MiwiaW1wb3J0ZSI6MTQ1MjAuNSwibW9uZWRhIjoiUEVTIiwiY3R6IjoxLCJ0aXBvRG9jUmVjIjo5NiwibnJvRG9jUmVjIjoyODEyMzQ1NiwidGlwb0NvZEF1dCI6IkUiLCJjb2RBdXQiOjc1MjM4NzEyMzQ1Njc4fQ==";

const workedExample: ArcaQrInput = {
  issueDate: "2025-06-10",
  issuerCuit: "30712345671",
  pointOfSale: 3,
  voucherType: 6,
  voucherNumber: 1542,
  totalCents: 1_452_050,
  receiverDocType: 96,
  receiverDocNumber: "28123456",
  authorizationCode: "75238712345678",
};

function decodedJson(url: string): string {
  const encoded = new URL(url).searchParams.get("p") ?? "";
  return Buffer.from(encoded, "base64").toString("utf8");
}

describe("buildArcaQrUrl", () => {
  it("reproduces ARCA's official example byte for byte (dollars, ctz 65)", () => {
    const url = buildArcaQrUrl({
      issueDate: "2020-10-13",
      issuerCuit: "30000000007",
      pointOfSale: 10,
      voucherType: 1,
      voucherNumber: 94,
      totalCents: 1_210_000,
      currency: "DOL",
      exchangeRate: "65",
      receiverDocType: 80,
      receiverDocNumber: "20000000001",
      authorizationCode: "70417054367476",
    });
    expect(url).toBe(OFFICIAL_URL);
  });

  it("reproduces the worked Factura B example byte for byte, importe 14520.5", () => {
    const url = buildArcaQrUrl(workedExample);
    expect(url).toBe(WORKED_URL);
    expect(decodedJson(url)).toBe(WORKED_JSON);
  });

  it("uses standard base64 with padding, not base64url", () => {
    const encoded = WORKED_URL.split("?p=")[1] ?? "";
    expect(buildArcaQrUrl(workedExample).split("?p=")[1]).toBe(encoded);
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("serializes importe like JSON.stringify of the decimal amount", () => {
    const importe = (totalCents: number) => JSON.parse(decodedJson(buildArcaQrUrl({ ...workedExample, totalCents }))).importe;
    expect(importe(1_210_000)).toBe(12100);
    expect(importe(1_452_050)).toBe(14520.5);
    expect(importe(1)).toBe(0.01);
    expect(importe(99_999_999_999_999)).toBe(999999999999.99);
    expect(decodedJson(buildArcaQrUrl({ ...workedExample, totalCents: 1_234_505 }))).toContain('"importe":12345.05,');
  });

  it("omits the receiver for an anonymous consumidor final (DocTipo 99, DocNro 0)", () => {
    const json = decodedJson(buildArcaQrUrl({ ...workedExample, receiverDocType: 99, receiverDocNumber: "0" }));
    expect(json).toBe(
      '{"ver":1,"fecha":"2025-06-10","cuit":30712345671,"ptoVta":3,"tipoCmp":6,"nroCmp":1542,"importe":14520.5,"moneda":"PES","ctz":1,"tipoCodAut":"E","codAut":75238712345678}',
    );
  });

  it("accepts another base URL for when the host moves to arca.gob.ar", () => {
    const url = buildArcaQrUrl({ ...workedExample, baseUrl: "https://www.arca.gob.ar/fe/qr/" });
    expect(url).toBe(WORKED_URL.replace("www.afip.gob.ar", "www.arca.gob.ar"));
  });

  it("rejects values that would not serialize as the spec's numbers", () => {
    expect(() => buildArcaQrUrl({ ...workedExample, issuerCuit: "30-71234567-1" })).toThrow(/issuerCuit/);
    expect(() => buildArcaQrUrl({ ...workedExample, authorizationCode: "7523871234567" })).toThrow(/authorizationCode/);
    expect(() => buildArcaQrUrl({ ...workedExample, totalCents: 14520.5 })).toThrow(/totalCents/);
    expect(() => buildArcaQrUrl({ ...workedExample, issueDate: "10/06/2025" })).toThrow(/issueDate/);
    expect(() => buildArcaQrUrl({ ...workedExample, exchangeRate: "1,5" })).toThrow(/exchangeRate/);
  });
});
