import { spawnSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";
import { CLI_ENV } from "../playwright.config";
import { SANDBOX } from "./panel-session";

// Shared by the signup specs: a fresh business's CUIT and phone, the codes the sandbox phone received, and the whole
// /registro flow for specs that only need a business to exist.
export function sql(statement: string): string {
  const result = spawnSync("psql", [CLI_ENV.DATABASE_ADMIN_URL!, "-v", "ON_ERROR_STOP=1", "-tAc", statement], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`psql failed:\n${result.stderr}`);
  return result.stdout.trim();
}

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
// A random CUIT with a valid check digit ("20" + 8 digits + digit); remainders that give 10 are skipped.
export function randomCuit(): string {
  for (;;) {
    const first10 = `20${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;
    const digit = 11 - (WEIGHTS.reduce((acc, w, i) => acc + w * Number(first10[i]), 0) % 11);
    if (digit !== 10) return `${first10}${digit === 11 ? 0 : digit}`;
  }
}

// A Buenos Aires mobile nobody uses yet: the local part (8 digits) and the WhatsApp id the sandbox files it under.
export function randomMobile(): { local: string; waId: string; typed: string } {
  const local = `5${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
  return { local, waId: `54911${local}`, typed: `11 ${local.slice(0, 4)}-${local.slice(4)}` };
}

type SandboxInbox = { provider: string; payload: { Body?: string } }[];
// The last 6-digit code matching `pattern` that reached the phone through `provider` (any provider when omitted).
export async function codeSentTo(waId: string, pattern: RegExp, provider?: string): Promise<string> {
  let code = "";
  await expect
    .poll(async () => {
      const inbox = (await (await fetch(`${SANDBOX}/_sandbox/customers/${waId}/inbox`)).json()) as SandboxInbox;
      const bodies = inbox.filter((m) => !provider || m.provider === provider).map((m) => m.payload.Body ?? JSON.stringify(m.payload));
      code = bodies.map((body) => pattern.exec(body)?.[1]).filter(Boolean).at(-1) ?? "";
      return code;
    }, { timeout: 30_000, message: `a code reached ${waId}` })
    .toMatch(/^\d{6}$/);
  return code;
}

export const signupCodeFor = (waId: string) => codeSentTo(waId, /^(\d{6}) es tu código para crear tu cuenta/, "TWILIO_SMS");

// Signs a new business up from /registro and waits for /panel. Returns who signed up.
export async function signUpBusiness(page: Page, input: { businessName: string; ownerName: string; plan: "Gratis" | "Probar Profesional 14 días" }) {
  const mobile = randomMobile();
  const cuit = randomCuit();
  await page.goto("/registro");
  await page.getByLabel("Tu celular").fill(mobile.typed);
  await page.getByRole("button", { name: "Enviarme el código" }).click();
  await expect(page.getByText("Te mandamos un código por SMS")).toBeVisible();
  await page.getByLabel("Código", { exact: true }).fill(await signupCodeFor(mobile.waId));
  await page.getByLabel("Nombre del negocio").fill(input.businessName);
  await page.getByLabel("CUIT").fill(cuit);
  await page.getByLabel("Condición frente al IVA").selectOption({ label: "Monotributo" });
  await page.getByRole("checkbox", { name: "Gas" }).check();
  await page.getByLabel("Localidad").fill("Lanús");
  await page.getByLabel("Tu nombre").fill(input.ownerName);
  await page.getByRole("radio", { name: new RegExp(`^${input.plan}`) }).check();
  await page.getByRole("button", { name: "Crear mi cuenta" }).click();
  await expect(page).toHaveURL(/\/panel$/, { timeout: 15_000 });
  return { ...mobile, cuit };
}
