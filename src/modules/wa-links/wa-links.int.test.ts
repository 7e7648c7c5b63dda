import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Tier } from "@campotech/database";
import { resetDatabase } from "../../../database/testing/reset";
import { encryptJson } from "../../lib/crypto";
import { adminDb, withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { buildInvoiceDocument } from "../invoicing/build-invoice-document";
import { renderInvoicePdf } from "../invoicing/render-invoice-pdf";
import { getWaLink } from "./get-wa-link";
import { requireWaLink } from "./require-wa-link";
import { updateWaLinkMessage } from "./update-wa-link-message";

// The link as the settings screen and the invoices read it, on a real database (RLS through withTenant).
const dir = mkdtempSync(join(tmpdir(), "wa-links-int-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pdfText = (pdf: Buffer) => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
};

async function organization(id: string, tier: Tier, options: { owner?: string | null; account?: string; trialEndsAt?: Date; settings?: object } = {}) {
  const admin = adminDb();
  await admin.organization.create({
    data: { id, name: `Gas ${id}`, cuit: `307${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`, tier, ...(options.trialEndsAt ? { trialEndsAt: options.trialEndsAt } : {}), settings: options.settings ?? {} },
  });
  if (options.owner !== null) {
    await admin.user.create({ data: { id: `${id}-owner`, organizationId: id, phone: options.owner ?? "+5491123456789", name: "Dueña", role: "OWNER" } });
  }
  if (options.account) {
    // A suspended account from before must not be the one the link points at.
    await admin.whatsAppBusinessAccount.create({
      data: {
        organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: `${id}-old`, displayPhoneNumber: "541100000000", credentialsEncrypted: encryptJson({ accessToken: "x" }),
        credentialsKeyId: "local-2026", provisioningStatus: "SUSPENDED", createdAt: new Date(Date.now() - 86_400_000),
      },
    });
    await admin.whatsAppBusinessAccount.create({
      data: {
        organizationId: id, bspProvider: "META_DIRECT", phoneNumberId: `${id}-pn`, displayPhoneNumber: options.account, credentialsEncrypted: encryptJson({ accessToken: "x" }),
        credentialsKeyId: "local-2026", provisioningStatus: "ACTIVE",
      },
    });
  }
}

const view = (id: string) => withTenant(id, (tx) => getWaLink(tx, id));
const save = (id: string, message: string | null) => withTenant(id, (tx) => updateWaLinkMessage(tx, { organizationId: id, userId: `${id}-owner` }, { message }));
const audits = (id: string) => adminDb().auditLog.count({ where: { organizationId: id, action: "wa_link.message_set" } });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));

beforeEach(async () => {
  await resetDatabase(env.DATABASE_ADMIN_URL);
});

describe("getWaLink", () => {
  it("points at the ACTIVE WhatsApp Business number, with the default message from the business's name", async () => {
    await organization("wl-pro", "PROFESIONAL", { account: "541152630000" });
    expect(await view("wl-pro")).toMatchObject({
      allowed: true,
      qrAllowed: true,
      upsell: null,
      message: "Hola Gas wl-pro, quiero consultar por un trabajo",
      customMessage: false,
      number: { digits: "541152630000", source: "whatsapp_account", display: "11 5263-0000" },
      link: "https://wa.me/541152630000?text=Hola%20Gas%20wl-pro%2C%20quiero%20consultar%20por%20un%20trabajo",
      problem: null,
    });
  });

  it("falls back to the owner's celular on Inicial (links without a Business number)", async () => {
    await organization("wl-ini", "INICIAL", { owner: "+5492214567890" });
    const link = await view("wl-ini");
    expect(link.number).toEqual({ digits: "5492214567890", source: "owner_phone", display: "221 456-7890" });
    expect(link.link).toMatch(/^https:\/\/wa\.me\/5492214567890\?text=Hola%20Gas%20wl-ini/);
  });

  it("withholds the link below the plan and after a trial ended, with the upgrade note", async () => {
    await organization("wl-free", "FREE");
    await organization("wl-trial", "PROFESIONAL", { trialEndsAt: new Date(Date.now() - 60_000) });
    for (const id of ["wl-free", "wl-trial"]) {
      expect(await view(id)).toMatchObject({ allowed: false, qrAllowed: false, link: null, number: null, requiredPlan: "INICIAL", upsell: "Enlaces wa.me: está disponible desde el plan Inicial." });
    }
    const refused = await failure(withTenant("wl-free", (tx) => requireWaLink(tx, "wl-free")));
    expect(refused).toMatchObject({ code: "PLAN_REQUIRED", fields: { feature: "qrCode", requiredPlan: "INICIAL" } });
  });

  it("explains in Spanish when there is no number at all", async () => {
    await organization("wl-none", "INICIAL", { owner: null });
    const link = await view("wl-none");
    expect(link).toMatchObject({ allowed: true, link: null, number: null });
    expect(link.problem).toContain("todavía no tiene un número de WhatsApp");
    const refused = await failure(withTenant("wl-none", (tx) => requireWaLink(tx, "wl-none")));
    expect(refused).toMatchObject({ code: "CONFLICT", status: 409, message: link.problem });
  });
});

describe("updateWaLinkMessage", () => {
  it("saves the message into the settings (keeping the others), audits once per change and resets with null", async () => {
    await organization("wl-ini", "INICIAL", { settings: { notifications: { quietHours: { start: "22:00", end: "07:00" } } } });
    const saved = await save("wl-ini", "  ¡Hola! Necesito un gasista & presupuesto 🔥  ");
    expect(saved).toMatchObject({ message: "¡Hola! Necesito un gasista & presupuesto 🔥", customMessage: true });
    expect(new URL(saved.link!).searchParams.get("text")).toBe("¡Hola! Necesito un gasista & presupuesto 🔥");
    expect(await audits("wl-ini")).toBe(1);

    // Same text again: nothing changes, nothing is audited (idempotent).
    await save("wl-ini", "¡Hola! Necesito un gasista & presupuesto 🔥");
    expect(await audits("wl-ini")).toBe(1);
    const stored = await adminDb().organization.findUniqueOrThrow({ where: { id: "wl-ini" }, select: { settings: true } });
    expect(stored.settings).toEqual({ notifications: { quietHours: { start: "22:00", end: "07:00" } }, waLink: { message: "¡Hola! Necesito un gasista & presupuesto 🔥" } });

    const reset = await save("wl-ini", null);
    expect(reset).toMatchObject({ customMessage: false, message: "Hola Gas wl-ini, quiero consultar por un trabajo" });
    expect(await audits("wl-ini")).toBe(2);
    expect((await save("wl-ini", "")).customMessage).toBe(false);
    expect(await audits("wl-ini")).toBe(2);
  });

  it("refuses below the plan (PLAN_REQUIRED) and messages over 300 characters", async () => {
    await organization("wl-free", "FREE");
    await organization("wl-ini", "INICIAL");
    expect(await failure(save("wl-free", "Hola"))).toMatchObject({ code: "PLAN_REQUIRED", fields: { feature: "waLinks", requiredPlan: "INICIAL" } });
    await expect(save("wl-ini", "a".repeat(301))).rejects.toThrow();
    expect((await view("wl-ini")).customMessage).toBe(false);
    expect(await audits("wl-free")).toBe(0);
  });
});

describe("the WhatsApp QR on invoices", () => {
  async function authorizedInvoice(organizationId: string): Promise<string> {
    const admin = adminDb();
    await admin.arcaConnection.create({ data: { organizationId, environment: "HOMOLOGACION", cuit: "30712345671", pointOfSale: 2, businessName: "Gas S.R.L.", businessAddress: "Calle Falsa 123" } });
    await admin.customer.create({ data: { id: `${organizationId}-c`, organizationId, phone: "+5491155550000", name: "Ana" } });
    const invoice = await admin.invoice.create({
      data: {
        organizationId, customerId: `${organizationId}-c`, kind: "INVOICE", letter: "B", voucherType: 6, status: "AUTHORIZED", environment: "HOMOLOGACION", pointOfSale: 2, number: 1,
        issueDate: "2026-12-01", serviceFrom: "2026-12-01", serviceTo: "2026-12-01", paymentDueDate: "2026-12-11", receiverName: "Ana", receiverDocType: 99, receiverDocNumber: "0",
        receiverIvaConditionId: 5, netCents: 1500000, ivaCents: 315000, totalCents: 1815000, ivaBreakdown: [{ ivaRateBps: 2100, baseCents: 1500000, ivaCents: 315000 }],
        cae: "75238712345678", caeDueDate: "2026-12-11", authorizedAt: new Date(),
        lines: { create: { organizationId, position: 0, description: "Flexible", quantityMilli: 1000, unitPriceCents: 1500000, ivaRateBps: 2100, netCents: 1500000 } },
      },
    });
    return invoice.id;
  }
  const printed = async (organizationId: string, invoiceId: string) => {
    const document = await withTenant(organizationId, (tx) => buildInvoiceDocument(tx, invoiceId));
    return { document, text: pdfText(await renderInvoicePdf(document)) };
  };

  it("prints '¿Consultas? Escribinos por WhatsApp' with the organization's link from Inicial up, and not on Gratis", async () => {
    await organization("wl-ini", "INICIAL", { owner: "+5492214567890", settings: { waLink: { message: "Consulta por mi factura" } } });
    await organization("wl-free", "FREE", { account: "541152630000" });
    const paid = await printed("wl-ini", await authorizedInvoice("wl-ini"));
    expect(paid.document.whatsappQr).toEqual({ url: "https://wa.me/5492214567890?text=Consulta%20por%20mi%20factura", phoneDisplay: "221 456-7890" });
    expect(paid.text).toContain("¿Consultas?");
    expect(paid.text).toContain("Escribinos por WhatsApp");
    expect(paid.text).toContain("221 456-7890");

    const free = await printed("wl-free", await authorizedInvoice("wl-free"));
    expect(free.document.whatsappQr).toBeNull();
    expect(free.text).not.toContain("¿Consultas?");
    // Gratis keeps the plain contact line it always had.
    expect(free.text).toContain("Escribinos por WhatsApp: wa.me/541152630000");
  });
});
