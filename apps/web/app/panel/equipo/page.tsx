import type { Metadata } from "next";
import { formatDayMonthClockAr } from "@campotech/core/lib/clock-format";
import { effectiveTier, PLAN_NAMES, TIER_LIMITS } from "@campotech/core/modules/organizations";
import { listTeam, RESPONDER_ROLES } from "@campotech/core/modules/users";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { requireSession } from "@/lib/panel/session";
import { InvitationItem } from "./invitation-item";
import { InviteForm } from "./invite-form";
import { MemberCard } from "./member-card";
import { lastActiveLabel } from "./team-format";
import styles from "./team.module.css";

export const metadata: Metadata = { title: "Equipo" };
export const dynamic = "force-dynamic";

// Who works in the business and what they may do: people (role, access, last activity, a technician's hours),
// invitations waiting for their code, and the invite form. Owners and administrators only (users.manage).
export default async function TeamPage() {
  const session = await requireSession("/panel/equipo");
  if (!session.can("users.manage")) {
    return (
      <>
        <div className="page-head"><h1>Equipo</h1></div>
        <p className="card empty">Solo el dueño o un administrador maneja el equipo.</p>
      </>
    );
  }
  const now = new Date();
  const { team, organization } = await session.tenant(async (tx) => ({
    team: await listTeam(tx, now),
    organization: await tx.organization.findUniqueOrThrow({ where: { id: session.claims.org }, select: { tier: true, trialEndsAt: true } }),
  }));
  const tier = effectiveTier(organization, now);
  const seats = TIER_LIMITS[tier].responders;
  const responders = team.users.filter((u) => u.isActive && RESPONDER_ROLES.includes(u.role)).length;

  return (
    <>
      <div className="page-head">
        <h1>Equipo</h1>
      </div>
      <p className="muted">
        Lugares para responder en la bandeja (dueños, administradores y despachantes): {responders} de {seats ?? "ilimitados"} en el plan {PLAN_NAMES[tier]}. Los técnicos no ocupan lugar.
      </p>
      <div className={styles.layout}>
        <div>
          <section className="card" aria-labelledby="team-people-h">
            <h2 id="team-people-h">Personas ({team.users.length})</h2>
            <ul className={styles.list} aria-label="Personas del equipo">
              {team.users.map((u) => (
                <MemberCard
                  key={u.id}
                  isSelf={u.id === session.claims.sub}
                  actorIsOwner={session.claims.role === "OWNER"}
                  member={{
                    id: u.id, name: u.name, phone: formatPhoneForPeople(u.phone), role: u.role, isActive: u.isActive, schedule: u.schedule,
                    lastActive: lastActiveLabel(u.lastActiveAt?.toISOString() ?? null, now.getTime()),
                  }}
                />
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="team-invitations-h">
            <h2 id="team-invitations-h">Invitaciones pendientes ({team.invitations.length})</h2>
            {team.invitations.length === 0 ? (
              <p className="empty">No hay invitaciones esperando.</p>
            ) : (
              <ul className={styles.list} aria-label="Invitaciones pendientes">
                {team.invitations.map((i) => (
                  <InvitationItem
                    key={i.id}
                    invitation={{
                      id: i.id, name: i.name, phone: formatPhoneForPeople(i.phone), role: i.role, expired: i.status === "EXPIRED",
                      expiresAt: formatDayMonthClockAr(i.expiresAt), sentCount: i.sentCount,
                    }}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
        <section className="card" aria-labelledby="team-invite-h">
          <h2 id="team-invite-h">Invitar a alguien</h2>
          <p className="muted">Le llega un código por WhatsApp (o SMS) y se suma desde /unirme con su celular.</p>
          <InviteForm />
        </section>
      </div>
    </>
  );
}
