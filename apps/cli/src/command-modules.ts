import type { Command } from "./command";

// Each command module, loaded on demand, in the order help lists them.
const MODULES = {
  db: () => import("./commands/db").then((m) => m.dbCommands),
  org: () => import("./commands/org").then((m) => m.orgCommands),
  user: () => import("./commands/user").then((m) => m.userCommands),
  whatsapp: () => import("./commands/whatsapp").then((m) => m.whatsappCommands),
  webhooks: () => import("./commands/webhooks").then((m) => m.webhookCommands),
  messaging: () => import("./commands/messaging").then((m) => m.messagingCommands),
  audit: () => import("./commands/audit").then((m) => m.auditCommands),
  assistant: () => import("./commands/assistant").then((m) => m.assistantCommands),
  arca: () => import("./commands/arca").then((m) => m.arcaCommands),
  mercadopago: () => import("./commands/mercadopago").then((m) => m.mercadoPagoCommands),
  tracking: () => import("./commands/tracking").then((m) => m.trackingCommands),
  provisioning: () => import("./commands/provisioning").then((m) => m.provisioningCommands), // issue 19 (provisioning)
  plan: () => import("./commands/plan").then((m) => m.planCommands), // issue 19 (plans)
  operator: () => import("./commands/operator").then((m) => m.operatorCommands), // issue 20 (lead)
  retention: () => import("./commands/retention").then((m) => m.retentionCommands), // issue 20 (retention)
  customer: () => import("./commands/customer").then((m) => m.customerCommands), // issue 20 (retention)
  alerts: () => import("./commands/alerts").then((m) => m.alertsCommands), // issue 20 (alerts)
  stats: () => import("./commands/stats").then((m) => m.statsCommands), // issue 20 (stats)
} satisfies Record<string, () => Promise<Command[]>>;

// The modules holding the commands that start with each word. command-modules.test.ts checks it against every
// module's commands, so a new command cannot be missed.
export const COMMAND_MODULES: Record<string, (keyof typeof MODULES)[]> = {
  db: ["db"],
  org: ["org", "plan"],
  user: ["user"],
  token: ["user"],
  whatsapp: ["whatsapp", "provisioning"],
  credentials: ["whatsapp"],
  webhooks: ["webhooks"],
  "dead-letters": ["messaging"],
  panic: ["messaging"],
  audit: ["audit"],
  assistant: ["assistant"],
  arca: ["arca"],
  mercadopago: ["mercadopago"],
  tracking: ["tracking"],
  operator: ["operator"],
  retention: ["retention"],
  customer: ["customer"],
  alerts: ["alerts"],
  stats: ["stats"],
};

// The commands of the modules a first word needs, or of every module (help), in help's order.
export async function loadCommands(firstWord?: string): Promise<Command[]> {
  const names = (Object.keys(MODULES) as (keyof typeof MODULES)[]).filter((name) => !firstWord || COMMAND_MODULES[firstWord]?.includes(name));
  return (await Promise.all(names.map((name) => MODULES[name]()))).flat();
}

export const MODULE_NAMES = Object.keys(MODULES) as (keyof typeof MODULES)[];
export const loadModule = (name: keyof typeof MODULES) => MODULES[name]();
