import { adminDb } from "@campotech/core/lib/db";
import { decidePlanChangeRequest, listPendingPlanChangeRequests, type PendingPlanChangeRequest, type PlanChangeDecision } from "@campotech/core/modules/plans";
import { required, type Command } from "../command";

// Plan changes are requested from the dashboard ("Tu plan") and applied by a CampoTech operator from here.
export const planCommands: Command[] = [
  {
    path: ["org", "plan-requests"],
    summary: "Lista los pedidos de cambio de plan pendientes de todas las organizaciones",
    usage: "campotech org plan-requests",
    options: {},
    run: () => listPendingPlanChangeRequests(adminDb()),
    human: (rows: PendingPlanChangeRequest[]) =>
      rows.length
        ? rows.map((r) => `${r.id}  ${r.organizationName} (${r.organizationId})  ${r.fromTier} → ${r.toTier}  ${r.createdAt.toISOString()}${r.requestedBy ? `  pidió ${r.requestedBy.name} ${r.requestedBy.phone}` : ""}${r.note ? `  «${r.note}»` : ""}`).join("\n")
        : "No hay pedidos de cambio de plan pendientes.",
  },
  {
    path: ["org", "plan-apply"],
    summary: "Aplica un pedido de cambio de plan (o lo rechaza con --reject); aplicar termina la prueba gratis",
    usage: "campotech org plan-apply --request <id> [--reject]",
    options: { request: { type: "string" }, reject: { type: "boolean" } },
    run: (values) => decidePlanChangeRequest(adminDb(), { requestId: required(values, "request"), decision: values.reject ? "reject" : "apply", operator: "cli" }),
    human: (r: PlanChangeDecision) =>
      r.status === "APPLIED" ? `Plan aplicado: la organización ${r.organizationId} ahora está en ${r.tier}.` : `Pedido rechazado: la organización ${r.organizationId} sigue en ${r.tier}.`,
  },
];
