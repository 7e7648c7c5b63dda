import { adminDb } from "@campotech/core/lib/db";
import { formatCuit } from "@campotech/core/lib/cuit";
import { createOrganization } from "@campotech/core/modules/organizations";
import { optional, required, type Command } from "../command";

export const orgCommands: Command[] = [
  {
    path: ["org", "create"],
    summary: "Crea una organización con su dueño",
    usage: "campotech org create --name <nombre> --cuit <CUIT> --tier <FREE|INICIAL|PROFESIONAL|EMPRESARIAL|ENTERPRISE> --owner-phone <tel> [--owner-name <nombre>] [--area-code 11]",
    options: {
      name: { type: "string" },
      cuit: { type: "string" },
      tier: { type: "string" },
      "owner-phone": { type: "string" },
      "owner-name": { type: "string" },
      "area-code": { type: "string" },
    },
    async run(values) {
      const { organization, owner } = await createOrganization(adminDb(), {
        name: required(values, "name"),
        cuit: required(values, "cuit"),
        tier: required(values, "tier"),
        ownerPhone: required(values, "owner-phone"),
        ...(optional(values, "owner-name") ? { ownerName: optional(values, "owner-name")! } : {}),
        ...(optional(values, "area-code") ? { areaCode: optional(values, "area-code")! } : {}),
      });
      return {
        organization: { id: organization.id, name: organization.name, cuit: organization.cuit, tier: organization.tier },
        owner: { id: owner.id, phone: owner.phone, name: owner.name, role: owner.role },
      };
    },
    human: (r: { organization: { id: string; name: string; cuit: string; tier: string }; owner: { id: string; phone: string } }) =>
      `Organización creada: ${r.organization.name} (${formatCuit(r.organization.cuit)}, ${r.organization.tier})\n` +
      `  id: ${r.organization.id}\n  dueño: ${r.owner.phone} (usuario ${r.owner.id})`,
  },
  {
    path: ["org", "list"],
    summary: "Lista las organizaciones",
    usage: "campotech org list",
    options: {},
    async run() {
      return adminDb().organization.findMany({
        select: { id: true, name: true, cuit: true, tier: true, status: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      });
    },
    human: (rows: { id: string; name: string; cuit: string; tier: string; status: string }[]) =>
      rows.length ? rows.map((o) => `${o.id}  ${o.name}  ${formatCuit(o.cuit)}  ${o.tier}  ${o.status}`).join("\n") : "No hay organizaciones.",
  },
];
