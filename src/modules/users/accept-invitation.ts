import { z } from "zod";
import type { Redis } from "ioredis";
import type { TenantTx, UserRole } from "@campotech/database";
import { adminDb, withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { normalizeArgentinePhone } from "../../lib/phone";
import { sharedRedis, whenRedisReady } from "../../lib/redis";
import { appendAuditLog } from "../audit/append-audit-log";
import { enforceAuthLimit } from "../auth/auth-limits";
import { issueSession, type Session } from "../auth/issue-session";
import { bumpSessionVersion, cacheSessionState, type SessionState } from "../auth/session-state";
import { INVITATION_MAX_ATTEMPTS, invitationCodeMatches } from "./invitation-code";
import { assertResponderSeat, isResponderRole } from "./responder-seats";

export const acceptInvitationInputSchema = z.object({
  phone: z.string().min(6).max(30),
  code: z.string().trim().regex(/^\d{6}$/, "El código tiene 6 dígitos."),
  ip: z.string().min(1).max(100),
});

const INVALID = "El código no es válido o venció. Pedile a quien te invitó que te lo reenvíe.";
const LOCKED = "Ingresaste mal el código demasiadas veces. Pedile a quien te invitó que te mande uno nuevo.";

type Candidate = { id: string; organizationId: string };
type Accepted = { session: Session; organizationName: string; state: SessionState | null };

// Public, before any session: the invitee types their phone and the code. Pending invitations for that phone are
// found across organizations with the admin client (no tenant is known yet; only ids leave that query), then each is
// checked inside its own organization. Every try counts against each live invitation before comparing (5 per
// code); the matching one creates the user (or reactivates the one that had that phone), is marked ACCEPTED and
// opens a session, as an OTP login does.
export async function acceptInvitation(
  raw: z.input<typeof acceptInvitationInputSchema>,
  deps: { redis?: Redis; now?: () => number } = {},
): Promise<Session & { organizationName: string }> {
  const redis = deps.redis ?? sharedRedis();
  await whenRedisReady(redis);
  const now = deps.now?.() ?? Date.now();
  const parsed = acceptInvitationInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", { fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) });
  const input = parsed.data;
  const phone = normalizeArgentinePhone(input.phone);
  if (!phone) throw new AppError("INVALID_PHONE", { fields: { phone: "El celular no es un número argentino válido." } });
  await enforceAuthLimit(redis, "verifyPerIp", input.ip, now);

  const candidates: Candidate[] = await adminDb().teamInvitation.findMany({
    where: { phone, status: "PENDING", expiresAt: { gt: new Date(now) } },
    select: { id: true, organizationId: true },
    orderBy: { createdAt: "desc" },
  });
  if (candidates.length === 0) throw new AppError("UNAUTHENTICATED", { message: INVALID });

  let anyTryLeft = false;
  for (const candidate of candidates) {
    const outcome = await withTenant(candidate.organizationId, (tx) => tryCandidate(tx, candidate, phone, input, now));
    if (outcome.kind === "accepted") {
      if (outcome.accepted.state) await cacheSessionState(outcome.accepted.session.user.id, outcome.accepted.state, { redis });
      return { ...outcome.accepted.session, organizationName: outcome.accepted.organizationName };
    }
    if (outcome.kind === "wrong" && outcome.attempts < INVITATION_MAX_ATTEMPTS) anyTryLeft = true;
  }
  throw anyTryLeft ? new AppError("UNAUTHENTICATED", { message: INVALID }) : new AppError("OTP_LOCKED", { message: LOCKED });
}

async function tryCandidate(
  tx: TenantTx,
  candidate: Candidate,
  phone: string,
  input: { code: string; ip: string },
  now: number,
): Promise<{ kind: "accepted"; accepted: Accepted } | { kind: "wrong"; attempts: number } | { kind: "locked" }> {
  // The attempt is taken (atomically, capped) before the code is compared, so parallel guesses cannot exceed it.
  const rows = await tx.$queryRaw<{ attempts: number; codeHash: string; name: string; role: UserRole; expiresAt: Date }[]>`
    UPDATE "TeamInvitation" SET "attempts" = "attempts" + 1, "updatedAt" = now()
    WHERE "id" = ${candidate.id} AND "status" = 'PENDING' AND "attempts" < ${INVITATION_MAX_ATTEMPTS} AND "expiresAt" > ${new Date(now)}
    RETURNING "attempts", "codeHash", "name", "role", "expiresAt"`;
  const row = rows[0];
  if (!row) return { kind: "locked" };
  if (!invitationCodeMatches({ organizationId: candidate.organizationId, phone, codeHash: row.codeHash }, input.code)) {
    await appendAuditLog(tx, {
      organizationId: candidate.organizationId, actorType: "SYSTEM", actorId: null, action: "team.invitation_code_failed",
      entityType: "TeamInvitation", entityId: candidate.id, metadata: { attempt: row.attempts, ip: input.ip },
    });
    return { kind: "wrong", attempts: row.attempts };
  }
  return { kind: "accepted", accepted: await accept(tx, candidate, phone, row, input.ip, now) };
}

async function accept(tx: TenantTx, candidate: Candidate, phone: string, invitation: { name: string; role: UserRole }, ip: string, now: number): Promise<Accepted> {
  const organizationId = candidate.organizationId;
  const existing = await tx.user.findUnique({ where: { organizationId_phone: { organizationId, phone } }, select: { id: true, role: true, isActive: true } });
  // Someone added with that phone meanwhile keeps the access they were given; otherwise the invitation's role applies.
  const role = existing?.isActive ? existing.role : invitation.role;
  if (!existing?.isActive && isResponderRole(role)) await assertResponderSeat(tx, organizationId, { ...(existing ? { excludeUserId: existing.id } : {}), now: new Date(now) });

  let state: SessionState | null = null;
  let userId: string;
  if (!existing) {
    userId = (await tx.user.create({ data: { organizationId, phone, name: invitation.name, role }, select: { id: true } })).id;
  } else {
    userId = existing.id;
    if (!existing.isActive) {
      await tx.user.update({ where: { id: existing.id }, data: { isActive: true, role } });
      state = await bumpSessionVersion(tx, existing.id);
    }
  }
  const { count } = await tx.teamInvitation.updateMany({
    where: { id: candidate.id, status: "PENDING" },
    data: { status: "ACCEPTED", acceptedAt: new Date(now), userId },
  });
  if (count === 0) throw new AppError("UNAUTHENTICATED", { message: INVALID });
  await appendAuditLog(tx, {
    organizationId, actorType: "USER", actorId: userId, action: "team.invitation_accepted", entityType: "TeamInvitation", entityId: candidate.id,
    metadata: { role, userId, reactivated: !!existing && !existing.isActive, ip },
  });
  const session = await issueSession(tx, { id: userId, organizationId, role }, { now });
  await appendAuditLog(tx, { organizationId, actorType: "USER", actorId: userId, action: "auth.login", entityType: "User", entityId: userId, metadata: { ip, via: "invitation" } });
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  return { session, organizationName: organization.name, state };
}
