import type { Redis } from "ioredis";
import { ArcaError, inspectCertificate, requestAccessTicket, type WsfeAuth } from "../../integrations/arca";
import { decryptSecret, encryptSecret } from "../../lib/crypto";
import { withTenant } from "../../lib/db";
import { acquireLock } from "../../lib/redis-lock";
import type { ArcaContext } from "./arca-context";

export type TicketDeps = { redis: Redis; now: () => number };

const SERVICE = "wsfe";
export const RENEW_MARGIN_MS = 10 * 60_000;
// After coe.alreadyAuthenticated WSAA will not issue a new ticket for a while (2 min in production, 10 in
// homologación, and sometimes longer): keep using the stored one and ask again after this.
const RETRY_AFTER_ALREADY_AUTHENTICATED_MS = 2 * 60_000;

// The Ticket de Acceso for WSFE, shared by every process through Postgres (reference/ARGENTINA.md §1.5): reused
// while more than 10 minutes remain; renewed under a lock, re-reading the row once the lock is held; stored before
// use. A refusal because a ticket already exists (coe.alreadyAuthenticated) keeps the stored one while it is valid.
export async function getArcaTicket(ctx: ArcaContext, deps: TicketDeps): Promise<WsfeAuth> {
  const fingerprint = inspectCertificate(ctx.certificatePem).fingerprint;
  const fresh = await readTicket(ctx, fingerprint);
  const now = deps.now();
  if (fresh && usable(fresh, now)) return auth(ctx, fresh);

  const lock = await acquireLock(deps.redis, `arca:ticket:${ctx.organizationId}:${ctx.environment}`, { ttlMs: 60_000, waitMs: ctx.wsaa.timeoutMs + 5_000 });
  if (!lock) throw new ArcaError("timeout", "ticket_lock", "Otro proceso está renovando el ticket de ARCA", { service: "wsaa" });
  try {
    const stored = await readTicket(ctx, fingerprint);
    if (stored && usable(stored, deps.now())) return auth(ctx, stored);
    try {
      const ticket = await requestAccessTicket({ service: SERVICE, certificatePem: ctx.certificatePem, privateKeyPem: ctx.privateKeyPem, now: deps.now() }, ctx.wsaa);
      await withTenant(ctx.organizationId, (tx) => {
        const data = {
          certificateFingerprint: fingerprint,
          tokenEncrypted: encryptSecret(ticket.token),
          signEncrypted: encryptSecret(ticket.sign),
          generationTime: ticket.generationTime,
          expirationTime: ticket.expirationTime,
          renewNotBefore: null,
        };
        return tx.arcaTicket.upsert({
          where: { organizationId_environment_service: { organizationId: ctx.organizationId, environment: ctx.environment, service: SERVICE } },
          create: { organizationId: ctx.organizationId, environment: ctx.environment, service: SERVICE, ...data },
          update: data,
        });
      });
      return { token: ticket.token, sign: ticket.sign, cuit: ctx.cuit };
    } catch (error) {
      const stillValid = stored && stored.expirationTime.getTime() > deps.now();
      if (error instanceof ArcaError && error.code === "coe.alreadyAuthenticated" && stillValid) {
        await withTenant(ctx.organizationId, (tx) =>
          tx.arcaTicket.update({ where: { id: stored.id }, data: { renewNotBefore: new Date(deps.now() + RETRY_AFTER_ALREADY_AUTHENTICATED_MS) } }),
        );
        return auth(ctx, stored);
      }
      throw error;
    }
  } finally {
    await lock.release();
  }
}

// WSFE said the ticket is not good (600): forget it, so the next call asks WSAA again.
export async function dropArcaTicket(ctx: ArcaContext): Promise<void> {
  await withTenant(ctx.organizationId, (tx) =>
    tx.arcaTicket.deleteMany({ where: { organizationId: ctx.organizationId, environment: ctx.environment, service: SERVICE } }),
  );
}

type StoredTicket = { id: string; tokenEncrypted: string; signEncrypted: string; expirationTime: Date; renewNotBefore: Date | null };

async function readTicket(ctx: ArcaContext, fingerprint: string): Promise<StoredTicket | null> {
  const row = await withTenant(ctx.organizationId, (tx) =>
    tx.arcaTicket.findUnique({
      where: { organizationId_environment_service: { organizationId: ctx.organizationId, environment: ctx.environment, service: SERVICE } },
      select: { id: true, tokenEncrypted: true, signEncrypted: true, expirationTime: true, renewNotBefore: true, certificateFingerprint: true },
    }),
  );
  // A ticket signed with another certificate (the organization uploaded a new one) is not ours to use.
  return row && row.certificateFingerprint === fingerprint ? row : null;
}

function usable(ticket: StoredTicket, now: number): boolean {
  if (ticket.expirationTime.getTime() - RENEW_MARGIN_MS > now) return true;
  return ticket.expirationTime.getTime() > now && !!ticket.renewNotBefore && ticket.renewNotBefore.getTime() > now;
}

function auth(ctx: ArcaContext, ticket: StoredTicket): WsfeAuth {
  return { token: decryptSecret(ticket.tokenEncrypted), sign: decryptSecret(ticket.signEncrypted), cuit: ctx.cuit };
}
