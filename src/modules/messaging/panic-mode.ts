import type { Prisma, TenantTx } from "@campotech/database";
import { AppError } from "../../lib/errors";
import { appendAuditLog } from "../audit/append-audit-log";

type Tx = Pick<TenantTx, "panicMode" | "auditLog" | "outboundDelivery" | "$executeRaw">;

// One ACTIVE panic per organization and integration: concurrent trips serialize on a transaction-scoped
// advisory lock, and the second finds the first.
async function lockIntegration(tx: Tx, organizationId: string, integration: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`panic:${organizationId}:${integration}`}))`;
}

// issue 22 (faults): a delivery that finds a panic and holds itself takes this shared lock first, so a resolve (which
// takes it exclusively) either sees that hold and releases it, or commits first and the delivery sees no panic — never
// a hold written after the release that nothing would ever lift. Deliveries do not block each other.
export async function lockIntegrationShared(tx: Pick<TenantTx, "$executeRaw">, organizationId: string, integration: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${`panic:${organizationId}:${integration}`}))`;
}

export async function findActivePanic(tx: Pick<TenantTx, "panicMode">, organizationId: string, integration: string) {
  return tx.panicMode.findFirst({ where: { organizationId, integration, status: "ACTIVE" } });
}

export async function tripPanicMode(
  tx: Tx,
  input: { organizationId: string; integration: string; reason: string; metadata?: Prisma.InputJsonObject; now: Date; autoResolveMs: number },
): Promise<{ panic: { id: string; reason: string }; created: boolean; stale?: boolean }> {
  await lockIntegration(tx, input.organizationId, input.integration);
  const active = await findActivePanic(tx, input.organizationId, input.integration);
  if (active) return { panic: active, created: false };
  // issue 22 (faults): a trip decided on a failure older than the latest resolve is stale — a send that failed
  // mid-storm but reached this point after the operator resolved would otherwise open a new panic that holds every
  // send again (the fault suite saw it: the 5xx storm's held sends never went).
  const resolvedSince = await tx.panicMode.findFirst({
    where: { organizationId: input.organizationId, integration: input.integration, status: "RESOLVED", resolvedAt: { gte: input.now } },
    select: { id: true, reason: true },
  });
  if (resolvedSince) return { panic: resolvedSince, created: false, stale: true };
  const panic = await tx.panicMode.create({
    data: {
      organizationId: input.organizationId,
      integration: input.integration,
      reason: input.reason,
      metadata: input.metadata ?? {},
      triggeredAt: input.now,
      autoResolveAt: new Date(input.now.getTime() + input.autoResolveMs),
    },
  });
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: "SYSTEM",
    action: "panic.tripped",
    entityType: "PanicMode",
    entityId: panic.id,
    metadata: { integration: input.integration, reason: input.reason, ...(input.metadata ?? {}) },
  });
  return { panic, created: true };
}

// Resolves the panic and releases what it held. Returns the held messages so the caller can send them (after
// commit). Resolving something already resolved is refused with a clear reason.
export async function resolvePanicMode(
  tx: Tx,
  input: { organizationId: string; panicId?: string; integration?: string; resolvedBy: string; resolution: string; now: Date },
): Promise<{ panicId: string; integration: string; released: { messageId: string; priority: "HIGH" | "NORMAL" | "LOW" }[] }> {
  const panic = await tx.panicMode.findFirst({
    where: {
      organizationId: input.organizationId,
      status: "ACTIVE",
      ...(input.panicId ? { id: input.panicId } : {}),
      ...(input.integration ? { integration: input.integration } : {}),
    },
  });
  if (!panic) throw new AppError("NOT_FOUND", { message: "No hay un modo pánico activo con esos datos." });
  await lockIntegration(tx, input.organizationId, panic.integration);
  await tx.panicMode.update({
    where: { id: panic.id },
    data: { status: "RESOLVED", resolvedAt: input.now, resolvedBy: input.resolvedBy, resolution: input.resolution },
  });
  await appendAuditLog(tx, {
    organizationId: input.organizationId,
    actorType: input.resolvedBy.startsWith("system") ? "SYSTEM" : "USER",
    actorId: input.resolvedBy.startsWith("system") ? null : input.resolvedBy,
    action: "panic.resolved",
    entityType: "PanicMode",
    entityId: panic.id,
    metadata: { integration: panic.integration, resolution: input.resolution },
  });
  const accountId = panic.integration.replace(/^whatsapp:/, "");
  const held = await tx.outboundDelivery.findMany({
    where: { organizationId: input.organizationId, accountId, heldAt: { not: null } },
    select: { messageId: true, priority: true },
    orderBy: { heldAt: "asc" },
  });
  await tx.outboundDelivery.updateMany({
    where: { messageId: { in: held.map((h) => h.messageId) }, heldAt: { not: null } },
    data: { heldAt: null, heldReason: null },
  });
  return { panicId: panic.id, integration: panic.integration, released: held };
}
