import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "@campotech/database/testing";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { call } from "./api-test-kit";
import { exportConversationsEndpoint, exportCustomersEndpoint, exportJobsEndpoint } from "./endpoints/exports";

const ORG = "ex-org";
const OTHER = "ex-other";
const headers = { authorization: `Bearer ${issueAccessToken({ id: "ex-owner", organizationId: ORG, role: "OWNER" }).token}` };
const admin = () => adminDb();
const ROWS = 2_500;

// Reads the body as bytes: the BOM must be really there (Response.text() would strip it).
async function download(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

// RFC 4180 parser for the checks (quoted fields, doubled quotes, CRLF inside quotes).
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await admin().organization.create({ data: { id: ORG, name: "Org EX", cuit: "30712345671", tier: "PROFESIONAL" } });
  await admin().organization.create({ data: { id: OTHER, name: "Otra", cuit: "30500010912", tier: "PROFESIONAL" } });
  await admin().user.create({ data: { id: "ex-owner", organizationId: ORG, phone: "+5491140000001", name: "Dueña", role: "OWNER" } });
  await admin().user.create({ data: { id: "ex-disp", organizationId: ORG, phone: "+5491140000003", name: "Despacho", role: "DISPATCHER" } });
  await admin().user.create({ data: { id: "ex-tech", organizationId: ORG, phone: "+5491140000002", name: "Técnico Tomás", role: "TECHNICIAN" } });
  // Hostile and awkward values, then a few thousand plain rows.
  await admin().customer.create({
    data: {
      id: "ex-a", organizationId: ORG, phone: "+5491155550203", name: "Gómez, \"La Tana\"", notes: "línea 1\nlínea 2", tags: ["consorcio"], email: "=HYPERLINK(\"http://evil\")",
      address: "+54 calle falsa", city: "-CABA", createdAt: new Date("2026-11-10T02:30:00Z"),
    },
  });
  await admin().customer.create({ data: { id: "ex-b", organizationId: ORG, name: "@sum(A1)", createdAt: new Date("2026-12-01T12:00:00Z") } });
  await admin().customer.create({ data: { id: "ex-merged", organizationId: ORG, name: "Gómez duplicada", mergedIntoId: "ex-a", mergedAt: new Date() } });
  await admin().customer.create({ data: { id: "ex-foreign", organizationId: OTHER, name: "Ajena Otra" } });
  await admin().customer.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({ id: `ex-bulk-${i}`, organizationId: ORG, name: `Zz Cliente ${String(i).padStart(5, "0")}`, createdAt: new Date("2026-06-01T12:00:00Z") })),
  });
  await admin().job.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({
      id: `ex-job-${i}`, organizationId: ORG, number: i + 1, customerId: "ex-a", address: "Corrientes 1234", serviceType: "GAS" as const, description: "Calefón",
      status: i % 2 ? ("completed" as const) : ("scheduled" as const), technicianId: "ex-tech", scheduledStart: new Date(Date.UTC(2026, 10, 1 + (i % 28), 13)), paidCents: 1_815_000,
    })),
  });
  await admin().jobLineItem.create({ data: { organizationId: ORG, jobId: "ex-job-0", position: 0, description: "Flexible", quantityMilli: 1500, unitPriceCents: 1_000_000, ivaRateBps: 2100 } });
  await admin().whatsAppConversation.create({ data: { id: "ex-conv", organizationId: ORG, customerId: "ex-a", status: "OPEN", assignedToId: "ex-tech", lastMessageAt: new Date("2026-12-02T03:15:00Z") } });
  await admin().whatsAppConversation.create({ data: { id: "ex-conv-b", organizationId: ORG, customerId: "ex-b", status: "CLOSED", lastMessageAt: new Date("2026-10-02T03:15:00Z") } });
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

describe("customers.csv", () => {
  it("starts with a UTF-8 BOM, quotes per RFC 4180, neutralizes formulas and formats phones and dates for Argentina", async () => {
    const response = await call(exportCustomersEndpoint, { headers, query: { desde: "2026-11-01" } });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="clientes-\d{4}-\d{2}-\d{2}\.csv"$/);
    const { bytes, text } = await download(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(["Nombre", "Teléfono", "Email", "Dirección", "Localidad", "Etiquetas", "Documento", "Notas", "Acepta mensajes", "Cliente desde"]);
    // "desde" leaves out the bulk rows (created in June) and the merged row is never exported.
    expect(rows.slice(1).map((r) => r[0])).toEqual(["'@sum(A1)", 'Gómez, "La Tana"']);
    expect(rows[2]).toEqual(['Gómez, "La Tana"', "11 5555-0203", "'=HYPERLINK(\"http://evil\")", "'+54 calle falsa", "'-CABA", "consorcio", "", "línea 1\nlínea 2", "Sí", "09/11/2026, 23:30"]);
    expect(text).toContain('"Gómez, ""La Tana"""');
    expect(text).not.toContain("Ajena");
    expect(text).not.toContain("duplicada");
  });

  it("exports thousands of rows, each once, with the list's tag and search filters", async () => {
    const all = parseCsv((await download(await call(exportCustomersEndpoint, { headers }))).text.slice(1));
    expect(all).toHaveLength(1 + ROWS + 2);
    expect(new Set(all.map((r) => r[0])).size).toBe(ROWS + 3);
    expect(all.at(-1)![0]).toBe(`Zz Cliente ${String(ROWS - 1).padStart(5, "0")}`);
    const tagged = parseCsv((await download(await call(exportCustomersEndpoint, { headers, query: { etiqueta: "Consorcio" } }))).text.slice(1));
    expect(tagged.slice(1).map((r) => r[0])).toEqual(['Gómez, "La Tana"']);
    const searched = parseCsv((await download(await call(exportCustomersEndpoint, { headers, query: { q: "gómez" } }))).text.slice(1));
    expect(searched.slice(1).map((r) => r[0])).toEqual(['Gómez, "La Tana"']);
  });

  it("records who exported what, with the filters", async () => {
    await download(await call(exportCustomersEndpoint, { headers, query: { etiqueta: "vip", hasta: "2026-12-31" } }));
    const row = await admin().auditLog.findFirstOrThrow({ where: { organizationId: ORG, action: "data.exported" }, orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ actorId: "ex-owner", entityType: "Export", entityId: "customers", metadata: { kind: "customers", filter: { tag: "vip", to: "2027-01-01T03:00:00.000Z" } } });
  });

  it("refuses bad dates and an inverted range in Spanish, and people without data.export", async () => {
    const bad = await call(exportCustomersEndpoint, { headers, query: { desde: "01/12/2026" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("AAAA-MM-DD");
    const inverted = await call(exportCustomersEndpoint, { headers, query: { desde: "2026-12-02", hasta: "2026-12-01" } });
    expect(inverted.status).toBe(400);
    const dispatcher = { authorization: `Bearer ${issueAccessToken({ id: "ex-disp", organizationId: ORG, role: "DISPATCHER" }).token}` };
    expect((await call(exportCustomersEndpoint, { headers: dispatcher })).status).toBe(403);
  });
});

describe("jobs.csv and conversations.csv", () => {
  it("exports jobs with totals in centavos, filtered by status and the scheduled day range (Buenos Aires days)", async () => {
    const rows = parseCsv((await download(await call(exportJobsEndpoint, { headers }))).text.slice(1));
    expect(rows).toHaveLength(1 + ROWS);
    expect(rows[0]).toContain("Total (centavos)");
    expect(rows[1]).toEqual(["1", "Agendado", "Normal", "Gas", 'Gómez, "La Tana"', "11 5555-0203", "Corrientes 1234", "Calefón", "Técnico Tomás", "01/11/2026, 10:00", "", "1815000", "1815000", expect.any(String)]);
    const done = parseCsv((await download(await call(exportJobsEndpoint, { headers, query: { estado: "completed", desde: "2026-11-02", hasta: "2026-11-02" } }))).text.slice(1));
    expect(done.slice(1).every((r) => r[1] === "Terminado" && r[9] === "02/11/2026, 10:00")).toBe(true);
    expect(done.length - 1).toBe(rows.slice(1).filter((r) => r[1] === "Terminado" && r[9]!.startsWith("02/11/2026")).length);
    expect((await call(exportJobsEndpoint, { headers, query: { estado: "perdido" } })).status).toBe(400);
  });

  it("exports conversations with status, assignee and last message, filtered like the inbox", async () => {
    const rows = parseCsv((await download(await call(exportConversationsEndpoint, { headers }))).text.slice(1));
    expect(rows[0]).toEqual(["Cliente", "Teléfono", "Estado", "Asignada a", "Mensajes", "Sin leer", "Último mensaje", "Último mensaje del cliente", "Creada"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Gómez, "La Tana"', "'@sum(A1)"]);
    expect(rows[1]!.slice(0, 7)).toEqual(['Gómez, "La Tana"', "11 5555-0203", "Abierta", "Técnico Tomás", "0", "0", "02/12/2026, 00:15"]);
    const closed = parseCsv((await download(await call(exportConversationsEndpoint, { headers, query: { estado: "CLOSED" } }))).text.slice(1));
    expect(closed.slice(1).map((r) => r[2])).toEqual(["Cerrada"]);
    const december = parseCsv((await download(await call(exportConversationsEndpoint, { headers, query: { desde: "2026-12-01" } }))).text.slice(1));
    expect(december).toHaveLength(2);
  });
});

describe("OpenAPI", () => {
  it("documents the three exports as text/csv downloads and the customer tools", async () => {
    const { buildOpenApiDocument } = await import("./openapi");
    const { ALL_ENDPOINTS } = await import("./endpoints");
    const doc = buildOpenApiDocument(ALL_ENDPOINTS) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
    for (const kind of ["customers", "jobs", "conversations"]) {
      expect(Object.keys(doc.paths[`/api/exports/${kind}.csv`]?.get?.responses["200"]?.content ?? {}), kind).toEqual(["text/csv"]);
    }
    expect(Object.keys(doc.paths["/api/customers/{id}/addresses/{addressId}"] ?? {}).sort()).toEqual(["delete", "patch"]);
    expect(doc.paths["/api/customers/{id}/merge"]?.post).toBeTruthy();
    expect(doc.paths["/api/customers/{id}/tags"]?.post).toBeTruthy();
  });
});
