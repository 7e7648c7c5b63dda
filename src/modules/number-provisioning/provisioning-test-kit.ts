import { createDialog360PartnerClient } from "../../integrations/dialog360/partner-client";
import type { TestSandbox } from "../../integrations/whatsapp/sandbox-harness";
import type { ProvisioningDeps } from "./provisioning-record";

// Test-only helpers for the provisioning integration tests (not exported from index.ts): deps pointed at a test
// sandbox, and the SMS code as the owner's phone received it.

export function depsFor(sandbox: TestSandbox, now?: Date): ProvisioningDeps {
  return {
    partner: createDialog360PartnerClient({ baseUrl: `${sandbox.url}/dialog360/partner/api/v2` }),
    dialog360: { baseUrl: `${sandbox.url}/d360` },
    ...(now ? { now } : {}),
  };
}

type InboxSms = { provider: string; payload: { Body?: string } };

export async function lastSmsCode(sandbox: TestSandbox, phone: string): Promise<string> {
  const inbox = (await sandbox.control("GET", `/_sandbox/customers/${phone.replace(/\D/g, "")}/inbox`)) as InboxSms[];
  const sms = inbox.filter((m) => m.provider === "DIALOG_360_SMS").at(-1);
  const code = /\b(\d{6})\b/.exec(sms?.payload.Body ?? "")?.[1];
  if (!code) throw new Error(`no verification SMS for ${phone}`);
  return code;
}

export async function poolIds(sandbox: TestSandbox, areaCode: string): Promise<string[]> {
  const res = await fetch(`${sandbox.url}/dialog360/partner/api/v2/partners/sandbox-partner/numbers?area_code=${areaCode}`, {
    headers: { "x-api-key": "sandbox-d360-partner-key" },
  });
  return ((await res.json()) as { numbers: { id: string }[] }).numbers.map((n) => n.id);
}

export const wrongCode = (code: string) => (code === "000000" ? "111111" : "000000");
