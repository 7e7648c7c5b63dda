import {
  getProvisioningState, releaseProvisioning, resetProvisioning, suspendProvisioning, type ProvisioningView,
} from "@campotech/core/modules/number-provisioning";
import { required, type Command } from "../command";

// issue 19 (provisioning): operators look at and act on an organization's WhatsApp number from the 360dialog
// Partner API (the owner's wizard lives in the dashboard). Every action is audited as OPERATOR.

const STATUS: Record<ProvisioningView["status"], string> = {
  NOT_STARTED: "sin empezar",
  PENDING_NUMBER_SELECTION: "número reservado, falta pedir el código",
  PENDING_VERIFICATION: "esperando el código del SMS",
  ACTIVE: "activo",
  SUSPENDED: "suspendido",
  RELEASED: "liberado",
};

const when = (d: Date | string | null) => (d ? new Date(d).toISOString() : "—");

function show(v: ProvisioningView): string {
  return [
    `Estado:        ${v.status} (${STATUS[v.status]})`,
    `Número:        ${v.phoneNumber ?? "—"}${v.areaCode ? `  (área ${v.areaCode})` : ""}`,
    `Reservado hasta: ${when(v.reservedUntil)}`,
    `SMS a:         ${v.verificationPhone ?? "—"}  código vence ${when(v.verificationExpiresAt)}  intentos ${v.attemptsLeft}  reenvíos ${v.resendsLeft}`,
    `Cuenta:        ${v.accountId ?? "—"}  activo desde ${when(v.activatedAt)}`,
    ...(v.lastError ? [`Último error:  ${v.lastError}`] : []),
  ].join("\n");
}

const OPERATOR = { type: "OPERATOR" as const };

export const provisioningCommands: Command[] = [
  {
    path: ["whatsapp", "provisioning"],
    summary: "Muestra el número de WhatsApp de 360dialog (Partner API) de una organización",
    usage: "campotech whatsapp provisioning --org <id>",
    options: { org: { type: "string" } },
    run: (values) => getProvisioningState(required(values, "org")),
    human: show,
  },
  {
    path: ["whatsapp", "provisioning", "suspend"],
    summary: "Suspende el número activo de una organización (los envíos se frenan; el número sigue siendo suyo)",
    usage: "campotech whatsapp provisioning suspend --org <id> --reason <motivo>",
    options: { org: { type: "string" }, reason: { type: "string" } },
    run: (values) => suspendProvisioning(required(values, "org"), { reason: required(values, "reason") }, OPERATOR),
    human: (v: ProvisioningView) => `Número suspendido.\n${show(v)}`,
  },
  {
    path: ["whatsapp", "provisioning", "release"],
    summary: "Libera el número (reservado o activo): vuelve al pool de 360dialog y la cuenta queda liberada",
    usage: "campotech whatsapp provisioning release --org <id>",
    options: { org: { type: "string" } },
    run: (values) => releaseProvisioning(required(values, "org"), OPERATOR),
    human: (v: ProvisioningView) => `Número liberado.\n${show(v)}`,
  },
  {
    path: ["whatsapp", "provisioning", "reset"],
    summary: "Vuelve el alta del número a cero (libera lo que haya en 360dialog); la organización empieza de nuevo",
    usage: "campotech whatsapp provisioning reset --org <id>",
    options: { org: { type: "string" } },
    run: (values) => resetProvisioning(required(values, "org"), OPERATOR),
    human: (v: ProvisioningView) => `Alta reiniciada.\n${show(v)}`,
  },
];
