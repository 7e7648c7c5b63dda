import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Tier, UserRole } from "@campotech/database";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { verifyAuditChain } from "@campotech/core/modules/audit";
import { call, json } from "./api-test-kit";
import { getWaLinkCardPdfEndpoint, getWaLinkEndpoint, getWaLinkQrPngEndpoint, getWaLinkQrSvgEndpoint, updateWaLinkEndpoint } from "./endpoints/wa-links";

// The wa.me link through the route handlers on a real database: plan gating, the message round trip and the files.
// Who may call what is the endpoint matrix's job.
const dir = mkdtempSync(join(tmpdir(), "wa-links-api-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdfText = (pdf: Buffer) => {
  writeFileSync(join(dir, "card.pdf"), pdf);
  return execFileSync("pdftotext", ["-layout", join(dir, "card.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
};

type WaLinkBody = { allowed: boolean; link: string | null; message: string; customMessage: boolean; upsell: string | null; number: { display: string } | null };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

async function organization(id: string, tier: Tier) {
  await adminDb().organization.create({ data: { id, name: id === "wa-ini" ? "Plomería Núñez" : "Gratis SRL", cuit: id === "wa-ini" ? "30712345671" : "20267565393", tier } });
  for (const [i, role] of (["OWNER", "VIEWER"] as const).entries()) {
    await adminDb().user.create({ data: { id: `${id}-${role.toLowerCase()}`, organizationId: id, phone: `+54911234567${i}${id === "wa-ini" ? 0 : 1}`, name: role, role } });
  }
}
const as = (org: string, role: UserRole) => ({ authorization: `Bearer ${issueAccessToken({ id: `${org}-${role.toLowerCase()}`, organizationId: org, role }).token}` });

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await organization("wa-ini", "INICIAL");
  await organization("wa-free", "FREE");
});

describe("/api/settings/wa-link", () => {
  it("GET shows the link to anyone who reads settings; PUT changes the message and the link follows", async () => {
    const before = await json<WaLinkBody>(await call(getWaLinkEndpoint, { headers: as("wa-ini", "VIEWER") }), 200);
    expect(before).toMatchObject({ allowed: true, customMessage: false, message: "Hola Plomería Núñez, quiero consultar por un trabajo", number: { display: "11 2345-6700" } });
    expect(before.link).toBe("https://wa.me/5491123456700?text=Hola%20Plomer%C3%ADa%20N%C3%BA%C3%B1ez%2C%20quiero%20consultar%20por%20un%20trabajo");

    const saved = await json<WaLinkBody>(await call(updateWaLinkEndpoint, { headers: as("wa-ini", "OWNER"), body: { message: "¿Tienen turno hoy? 🚿 Baño & cocina" } }), 200);
    expect(saved.link).toBe("https://wa.me/5491123456700?text=%C2%BFTienen%20turno%20hoy%3F%20%F0%9F%9A%BF%20Ba%C3%B1o%20%26%20cocina");
    const after = await json<WaLinkBody>(await call(getWaLinkEndpoint, { headers: as("wa-ini", "OWNER") }), 200);
    expect(after).toMatchObject({ customMessage: true, message: "¿Tienen turno hoy? 🚿 Baño & cocina", link: saved.link });
    expect((await verifyAuditChain({ organizationId: "wa-ini" })).ok).toBe(true);
  });

  it("PUT refuses a message over 300 characters with a Spanish reason, and a viewer", async () => {
    const tooLong = await json<ErrorBody>(await call(updateWaLinkEndpoint, { headers: as("wa-ini", "OWNER"), body: { message: "x".repeat(301) } }), 400);
    expect(tooLong.error).toMatchObject({ code: "VALIDATION_FAILED", fields: { message: "El mensaje puede tener hasta 300 caracteres." } });
    expect((await call(updateWaLinkEndpoint, { headers: as("wa-ini", "VIEWER"), body: { message: "Hola" } })).status).toBe(403);
  });

  it("on Gratis: GET answers with the upgrade note and no link; PUT and the files answer PLAN_REQUIRED", async () => {
    const free = await json<WaLinkBody>(await call(getWaLinkEndpoint, { headers: as("wa-free", "OWNER") }), 200);
    expect(free).toMatchObject({ allowed: false, link: null, number: null, upsell: "Enlaces wa.me: está disponible desde el plan Inicial." });
    const put = await json<ErrorBody>(await call(updateWaLinkEndpoint, { headers: as("wa-free", "OWNER"), body: { message: "Hola" } }), 403);
    expect(put.error).toEqual({ code: "PLAN_REQUIRED", message: "Enlaces wa.me: está disponible desde el plan Inicial.", fields: { feature: "waLinks", requiredPlan: "INICIAL" } });
    for (const endpoint of [getWaLinkQrPngEndpoint, getWaLinkQrSvgEndpoint, getWaLinkCardPdfEndpoint]) {
      const refused = await json<ErrorBody>(await call(endpoint, { headers: as("wa-free", "OWNER") }), 403);
      expect(refused.error).toMatchObject({ code: "PLAN_REQUIRED", fields: { feature: "qrCode", requiredPlan: "INICIAL" } });
    }
  });
});

describe("the QR files and the printable card", () => {
  it("qr.png is a PNG of the requested size; a bad size is a 400 in Spanish", async () => {
    const response = await call(getWaLinkQrPngEndpoint, { headers: as("wa-ini", "VIEWER"), query: { size: "300" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toContain('filename="whatsapp-qr-plomeria-nunez.png"');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([300, 300]);

    const big = await json<ErrorBody>(await call(getWaLinkQrPngEndpoint, { headers: as("wa-ini", "VIEWER"), query: { size: "5000" } }), 400);
    expect(big.error.message).toBe("El tamaño del QR tiene que ser un número entre 128 y 2048 píxeles.");
    const word = await json<ErrorBody>(await call(getWaLinkQrPngEndpoint, { headers: as("wa-ini", "VIEWER"), query: { size: "grande" } }), 400);
    expect(word.error.fields).toEqual({ size: "El tamaño tiene que ser un número de píxeles." });
  });

  it("qr.svg is a sandboxed SVG document", async () => {
    const response = await call(getWaLinkQrSvgEndpoint, { headers: as("wa-ini", "VIEWER") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
  });

  it("card.pdf carries the business's name, the number and the link with the saved message", async () => {
    await json(await call(updateWaLinkEndpoint, { headers: as("wa-ini", "OWNER"), body: { message: "Quiero un presupuesto" } }), 200);
    const response = await call(getWaLinkCardPdfEndpoint, { headers: as("wa-ini", "VIEWER") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("tarjeta-whatsapp-plomeria-nunez.pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain("Plomería Núñez");
    expect(text).toContain("Escribinos por WhatsApp");
    expect(text).toContain("11 2345-6700");
    expect(text).toContain("wa.me/5491123456700");
    expect(pdf.toString("latin1")).toContain("/URI (https://wa.me/5491123456700?text=Quiero%20un%20presupuesto)");
  });
});

describe("OpenAPI", () => {
  it("documents the link, the message body and the three files with their content types", async () => {
    const { buildOpenApiDocument } = await import("./openapi");
    const { ALL_ENDPOINTS } = await import("./endpoints");
    const doc = buildOpenApiDocument(ALL_ENDPOINTS) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    expect(Object.keys(doc.paths["/api/settings/wa-link"] ?? {}).sort()).toEqual(["get", "put"]);
    for (const [file, type] of [["qr.png", "image/png"], ["qr.svg", "image/svg+xml"], ["card.pdf", "application/pdf"]]) {
      expect(Object.keys(doc.paths[`/api/settings/wa-link/${file}`]?.get?.responses["200"]?.content ?? {}), file).toEqual([type]);
    }
  });
});
