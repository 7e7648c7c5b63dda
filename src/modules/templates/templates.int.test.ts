import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../database/testing/reset";
import { startTestSandbox, type TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import { encryptJson } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { applyTemplateStatusUpdate } from "./apply-template-status-update";
import { createTemplate } from "./create-template";
import { ensureTemplateSendable } from "./ensure-template-sendable";
import { syncTemplates } from "./sync-templates";

const ORG = "org-templates";
let sandbox: TestSandbox;
const meta = () => ({ baseUrl: `${sandbox.url}/meta` });

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await resetDatabase(env.DATABASE_ADMIN_URL);
});
beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
  await sandbox.reset();
  await adminDb().organization.create({ data: { id: ORG, name: "Gas Norte", cuit: "30712345671", tier: "PROFESIONAL" } });
  await adminDb().whatsAppBusinessAccount.create({
    data: {
      id: "acct-meta", organizationId: ORG, bspProvider: "META_DIRECT", phoneNumberId: "100000000000001", wabaId: "200000000000001",
      displayPhoneNumber: "541152630000", credentialsEncrypted: encryptJson({ accessToken: "sandbox-meta-access-token-demo" }), credentialsKeyId: "local-2026",
    },
  });
});

describe("template registry", () => {
  it("syncs the provider's templates into the organization's registry", async () => {
    const result = await withTenant(ORG, (tx) => syncTemplates(tx, { organizationId: ORG, accountId: "acct-meta", clientConfig: meta() }));
    expect(result.created).toBeGreaterThanOrEqual(6);
    const approved = await withTenant(ORG, (tx) => ensureTemplateSendable(tx, { organizationId: ORG, name: "job_scheduled" }));
    expect(approved.status).toBe("APPROVED");
    const request = await sandbox.lastRequest("meta", "/message_templates");
    expect(request.method).toBe("GET");
    expect(request.headers.authorization).toBe("Bearer sandbox-meta-access-token-demo");
    const again = await withTenant(ORG, (tx) => syncTemplates(tx, { organizationId: ORG, accountId: "acct-meta", clientConfig: meta() }));
    expect(again).toEqual({ created: 0, updated: result.created });
  });

  it("creates and submits a template, refuses it until approved, then accepts it after the status webhook", async () => {
    const created = await withTenant(ORG, (tx) =>
      createTemplate(tx, {
        organizationId: ORG, accountId: "acct-meta", name: "visit_reminder", category: "UTILITY",
        body: "Hola {{1}}, mañana te visitamos a las {{2}}.", examples: ["Ana", "10:00"], clientConfig: meta(),
      }),
    );
    expect(created.status).toBe("PENDING");
    const submitted = await sandbox.lastRequest("meta", "/message_templates");
    expect(submitted.body).toMatchObject({ name: "visit_reminder", language: "es_AR", category: "UTILITY" });
    await expect(withTenant(ORG, (tx) => ensureTemplateSendable(tx, { organizationId: ORG, name: "visit_reminder" }))).rejects.toMatchObject({
      code: "TEMPLATE_NOT_APPROVED",
    });
    await expect(withTenant(ORG, (tx) => ensureTemplateSendable(tx, { organizationId: ORG, name: "no_such_template" }))).rejects.toMatchObject({
      code: "TEMPLATE_NOT_APPROVED",
    });
    const applied = await withTenant(ORG, (tx) =>
      applyTemplateStatusUpdate(tx, {
        organizationId: ORG,
        value: { event: "APPROVED", message_template_name: "visit_reminder", message_template_language: "es_AR", message_template_id: 99, reason: "NONE" },
      }),
    );
    expect(applied.updated).toBe(1);
    const sendable = await withTenant(ORG, (tx) => ensureTemplateSendable(tx, { organizationId: ORG, name: "visit_reminder" }));
    expect(sendable.providerTemplateId).toBe("99");
  });

  it("validates names and examples before calling the provider", async () => {
    await sandbox.clearRequests();
    await expect(
      withTenant(ORG, (tx) => createTemplate(tx, { organizationId: ORG, accountId: "acct-meta", name: "Con Espacios", category: "UTILITY", body: "x", clientConfig: meta() })),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(
      withTenant(ORG, (tx) => createTemplate(tx, { organizationId: ORG, accountId: "acct-meta", name: "ok_name", category: "UTILITY", body: "Hola {{1}}", clientConfig: meta() })),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await sandbox.requests("meta", "/message_templates")).toEqual([]);
  });
});
