import { adminDb, withTenant } from "@campotech/core/lib/db";
import {
  connectAndVerifyWhatsAppAccount,
  findAccountOrThrow,
  releaseWhatsAppNumber,
  resetUsageCounters,
  rotateCredentialsKey,
  suspendWhatsAppAccount,
} from "@campotech/core/modules/whatsapp-accounts";
import { optional, required, UsageError, type Command, type Values } from "../command";

type AccountView = { id: string; organizationId: string; bspProvider: string; phoneNumberId: string | null; displayPhoneNumber: string; provisioningStatus: string };
const showAccount = (a: AccountView) =>
  `${a.id}  ${a.bspProvider}  ${a.phoneNumberId ?? "(liberado)"}  +${a.displayPhoneNumber}  ${a.provisioningStatus}  org=${a.organizationId}`;

function credentialsFrom(values: Values, provider: string): Record<string, string> {
  const p = provider.toUpperCase();
  if (p.startsWith("META")) return { accessToken: required(values, "access-token") };
  if (p.includes("360")) return { apiKey: required(values, "api-key") };
  if (p === "TWILIO") return { accountSid: required(values, "account-sid"), authToken: required(values, "auth-token") };
  return {};
}

export const whatsappCommands: Command[] = [
  {
    path: ["whatsapp", "connect"],
    summary: "Conecta un número de WhatsApp a una organización (credenciales cifradas)",
    usage:
      "campotech whatsapp connect --org <id> --provider <META_DIRECT|DIALOG_360|TWILIO> --phone-number-id <id> --display-number <número>\n" +
      "    [--waba-id <id>] [--access-token <token> (Meta)] [--api-key <key> (360dialog)] [--account-sid <AC…> --auth-token <token> (Twilio)]\n" +
      "    [--webhook-secret <secreto> (360dialog)]",
    options: {
      org: { type: "string" }, provider: { type: "string" }, "phone-number-id": { type: "string" }, "display-number": { type: "string" },
      "waba-id": { type: "string" }, "access-token": { type: "string" }, "api-key": { type: "string" },
      "account-sid": { type: "string" }, "auth-token": { type: "string" }, "webhook-secret": { type: "string" }, "business-name": { type: "string" },
    },
    async run(values) {
      const provider = required(values, "provider");
      // Verified right away against the provider, so the number never shows as active with no check behind it.
      return connectAndVerifyWhatsAppAccount(adminDb(), {
        organizationId: required(values, "org"),
        provider,
        phoneNumberId: required(values, "phone-number-id"),
        displayPhoneNumber: required(values, "display-number"),
        credentials: credentialsFrom(values, provider),
        ...(optional(values, "waba-id") ? { wabaId: optional(values, "waba-id")! } : {}),
        ...(optional(values, "webhook-secret") ? { webhookSecret: optional(values, "webhook-secret")! } : {}),
        ...(optional(values, "business-name") ? { businessName: optional(values, "business-name")! } : {}),
      });
    },
    human: (a: AccountView & { verification: { ok: boolean; detail: string } }) =>
      `Cuenta conectada:\n  ${showAccount(a)}\n${a.verification.ok ? "Verificación: " : "Verificación fallida: "}${a.verification.detail}`,
  },
  {
    path: ["whatsapp", "list"],
    summary: "Lista las cuentas de WhatsApp (sin credenciales)",
    usage: "campotech whatsapp list [--org <id>]",
    options: { org: { type: "string" } },
    async run(values) {
      const org = optional(values, "org");
      return adminDb().whatsAppBusinessAccount.findMany({
        where: org ? { organizationId: org } : {},
        omit: { credentialsEncrypted: true, webhookSecretEncrypted: true },
        orderBy: { createdAt: "asc" },
      });
    },
    human: (rows: AccountView[]) => (rows.length ? rows.map(showAccount).join("\n") : "No hay cuentas de WhatsApp."),
  },
  {
    path: ["whatsapp", "suspend"],
    summary: "Suspende una cuenta (deja de enviar)",
    usage: "campotech whatsapp suspend --account <id|phone-number-id> --reason <motivo>",
    options: { account: { type: "string" }, reason: { type: "string" } },
    run: (values) => suspendWhatsAppAccount(adminDb(), { account: required(values, "account"), reason: required(values, "reason") }),
    human: (a: AccountView) => `Cuenta suspendida:\n  ${showAccount(a)}`,
  },
  {
    path: ["whatsapp", "reset-usage"],
    summary: "Pone en cero los contadores mensuales de uso",
    usage: "campotech whatsapp reset-usage (--account <id|phone-number-id> | --org <id>)",
    options: { account: { type: "string" }, org: { type: "string" } },
    async run(values) {
      const accountRef = optional(values, "account");
      const org = optional(values, "org");
      if (!accountRef && !org) throw new UsageError("indicá --account o --org");
      const account = accountRef ? await findAccountOrThrow(adminDb(), accountRef) : undefined;
      const organizationId = account?.organizationId ?? org!;
      return withTenant(organizationId, (tx) =>
        resetUsageCounters(tx, { organizationId, force: true, ...(account ? { accountId: account.id } : {}) }),
      );
    },
    human: (r: { reset: number }) => `Contadores reiniciados en ${r.reset} cuenta(s).`,
  },
  {
    path: ["whatsapp", "release"],
    summary: "Libera un número: borra sus credenciales y permite conectarlo en otra organización",
    usage: "campotech whatsapp release --account <id|phone-number-id>",
    options: { account: { type: "string" } },
    run: (values) => releaseWhatsAppNumber(adminDb(), { account: required(values, "account") }),
    human: (a: AccountView) => `Número liberado:\n  ${showAccount(a)}`,
  },
  {
    path: ["credentials", "rotate"],
    summary: "Vuelve a cifrar credenciales, claves de ARCA y otros secretos con la clave activa (CREDENTIALS_ACTIVE_KEY_ID)",
    usage: "campotech credentials rotate",
    options: {},
    run: () => rotateCredentialsKey(adminDb()),
    human: (r: { rotated: number; other?: number }) => `Credenciales recifradas: ${r.rotated}.${r.other ? ` Otros secretos (ARCA, códigos pendientes): ${r.other}.` : ""}`,
  },
];
