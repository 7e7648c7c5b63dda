import type { Metadata } from "next";
import Link from "next/link";
import { getConversationAssistant } from "@campotech/core/modules/assistant";
import { countConversations, getConversationEmergency, listConversations, listMessages, type ConversationView, type MessageView } from "@campotech/core/modules/conversations";
import { formatPhoneForPeople } from "@campotech/core/lib/phone";
import { sqlOf } from "@campotech/database";
import { requireSession } from "@/lib/panel/session";
import { ExportLink } from "@/components/exports/export-link";
import { Composer } from "./composer";
import styles from "./inbox.module.css";
import { InboxLive } from "./inbox-live";
import { MarkRead } from "./mark-read";
import { MessageBubble } from "./message-bubble";
import { EmergencyBanner } from "./emergency-banner";
import { InboxShortcuts } from "./inbox-shortcuts";
import { ThreadActions } from "./thread-actions";
import { WindowCountdown } from "./window-countdown";
import { formatDayMonthClockAr } from "@campotech/core/lib/clock-format";

export const metadata: Metadata = { title: "Bandeja" };
export const dynamic = "force-dynamic";

type Search = { q?: string; filtro?: string; c?: string };
const FILTERS = [
  { key: "", label: "Todas", count: "all" },
  { key: "no-leidas", label: "No leídas", count: "unread" },
  { key: "abiertas", label: "Abiertas", count: "open" },
  { key: "cerradas", label: "Cerradas", count: "closed" },
  { key: "mias", label: "Asignadas a mí", count: "mine" },
  { key: "sin-asignar", label: "Sin asignar", count: "unassigned" },
  { key: "ventana-abierta", label: "Ventana abierta", count: "windowOpen" },
  { key: "ventana-cerrada", label: "Ventana cerrada", count: "windowClosed" },
  { key: "urgencias", label: "Urgencias", count: "emergency" },
] as const;
const TIME = { format: formatDayMonthClockAr };

// The shared inbox: the conversation list with search, filters (exact counts) and unread badges, and the open
// thread. Server-rendered from the domain modules; InboxLive re-renders it on every event of the organization.
export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const session = await requireSession("/panel/bandeja");
  const viewer = { userId: session.claims.sub, role: session.claims.role };
  const filter = FILTERS.find((f) => f.key === (search.filtro ?? "")) ?? FILTERS[0];
  const data = await session.tenant(async (tx) => {
    const [list, counts] = await Promise.all([
      listConversations(sqlOf(tx), viewer, {
        ...(search.q ? { search: search.q } : {}),
        ...(filter.key === "no-leidas" ? { unread: true } : {}),
        ...(filter.key === "abiertas" ? { status: "OPEN" as const } : {}),
        ...(filter.key === "cerradas" ? { status: "CLOSED" as const } : {}),
        ...(filter.key === "mias" ? { assignedTo: "me" } : {}),
        ...(filter.key === "sin-asignar" ? { assignedTo: "none" } : {}),
        ...(filter.key === "ventana-abierta" ? { window: "open" as const } : {}),
        ...(filter.key === "ventana-cerrada" ? { window: "closed" as const } : {}),
        ...(filter.key === "urgencias" ? { emergency: true } : {}),
        limit: 50,
      }),
      countConversations(tx, viewer),
    ]);
    const selectedId = search.c ?? null;
    if (!selectedId) return { list, counts, thread: null };
    const conversation = await tx.whatsAppConversation.findFirst({
      where: { id: selectedId, customer: { staffUserId: null } },
      select: { id: true, status: true, unreadCount: true, windowExpiresAt: true, assignedToId: true, customer: { select: { id: true, name: true, phone: true, profileName: true } } },
    });
    if (!conversation) return { list, counts, thread: null };
    const [messages, assistant, users, emergency] = await Promise.all([
      // The latest 200, shown oldest first (ascending order would show a long conversation's first 200 forever).
      listMessages(sqlOf(tx), viewer, { conversationId: conversation.id, order: "desc", limit: 200 }).then((page) => ({ ...page, items: page.items.reverse() })),
      getConversationAssistant(tx, viewer, conversation.id).catch(() => null),
      tx.user.findMany({ where: { isActive: true }, select: { id: true, name: true, role: true }, orderBy: { name: "asc" } }),
      getConversationEmergency(tx, viewer, conversation.id).catch(() => null),
    ]);
    return { list, counts, thread: { conversation, messages: messages.items, assistant, users, emergency } };
  });

  const href = (params: Partial<Search>) => {
    const merged = { q: search.q, filtro: search.filtro, c: search.c, ...params };
    const query = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
    return `/panel/bandeja${query.size ? `?${query}` : ""}`;
  };
  const thread = data.thread;
  const canWrite = session.can("inbox.write") || session.can("conversations.write.assigned");

  return (
    <div className={`${styles.inbox} ${thread ? styles.hasThread : ""}`}>
      <InboxLive />
      <section className={styles.list} aria-label="Conversaciones">
        <div className={styles.listHead}>
          <form role="search" action="/panel/bandeja" className={styles.search}>
            <label className="sr-only" htmlFor="q">Buscar</label>
            <input id="q" name="q" type="search" placeholder="Buscar por nombre, teléfono o texto" defaultValue={search.q ?? ""} />
            {search.filtro ? <input type="hidden" name="filtro" value={search.filtro} /> : null}
          </form>
          <InboxShortcuts selectedId={thread?.conversation.id ?? null} canAssign={session.can("inbox.write")} myUserId={viewer.userId} />
          {session.can("data.export") ? <ExportLink kind="conversations" label="CSV" filters={exportFilters(filter.key, viewer.userId)} /> : null}
        </div>
        <nav aria-label="Filtros" className={styles.filters}>
          {FILTERS.map((f) => (
            <Link key={f.key} href={href({ filtro: f.key || undefined, c: undefined })} aria-current={f.key === filter.key ? "true" : undefined} data-filter={f.count}>
              {f.label} <span className={styles.count}>{data.counts[f.count]}</span>
            </Link>
          ))}
        </nav>
        {data.list.items.length === 0 ? (
          <p className="empty">{search.q ? "No hay conversaciones que coincidan con la búsqueda." : "No hay conversaciones con este filtro."}</p>
        ) : (
          <ul className={styles.conversations}>
            {data.list.items.map((c) => (
              <li key={c.id}>
                <Link href={href({ c: c.id })} aria-current={c.id === thread?.conversation.id ? "true" : undefined} className={styles.conversation} data-conversation-id={c.id} data-phone={c.customer.phone ?? undefined}>
                  <span className={styles.rowTop}>
                    <span className={styles.name}>{c.customer.name}</span>
                    {c.customer.phone ? <span className={styles.phone}>{formatPhoneForPeople(c.customer.phone)}</span> : null}
                    {c.emergency ? <span className={styles.urgent} data-urgent="true">Urgencia</span> : null}
                    <span className={styles.when}>{c.lastMessageAt ? TIME.format(new Date(c.lastMessageAt)) : ""}</span>
                  </span>
                  <span className={styles.rowBottom}>
                    <span className={styles.preview}>
                      {senderPrefix(c, viewer.userId) ? <span className={styles.sender}>{senderPrefix(c, viewer.userId)} </span> : null}
                      {c.lastMessage?.text ?? "Sin mensajes"}
                    </span>
                    {c.status === "CLOSED" ? <span className={styles.tag}>cerrada</span> : null}
                    {c.assignedTo ? <span className={styles.assignee} title={`Asignada a ${c.assignedTo.name}`}>{c.assignedTo.name}</span> : null}
                    {/* The open chat is being marked read (MarkRead): its badge goes at once, not after the round trip. */}
                    {c.unreadCount > 0 && !(c.id === thread?.conversation.id && canWrite) ? <span className="badge" aria-label={`${c.unreadCount} sin leer`}>{c.unreadCount}</span> : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.thread} aria-label="Conversación">
        {thread ? (
          <>
            <header className={styles.threadHead}>
              <Link href={href({ c: undefined })} className={styles.back}>← Conversaciones</Link>
              <h1>{thread.conversation.customer.name}</h1>
              <p className="muted">
                {formatPhoneForPeople(thread.conversation.customer.phone) || "sin teléfono"} · <Link href={`/panel/clientes/${thread.conversation.customer.id}`}>Ver cliente</Link>
              </p>
              <WindowCountdown expiresAt={thread.conversation.windowExpiresAt?.toISOString() ?? null} />
              {/* On a phone the controls fold into one "Acciones" row so the composer stays on screen (CSS-only toggle). */}
              <input type="checkbox" id="thread-actions-toggle" className={styles.actionsToggle} />
              <label htmlFor="thread-actions-toggle" className={styles.actionsLabel}>Acciones</label>
              <div className={styles.actionsBody}>
              <ThreadActions
                conversationId={thread.conversation.id}
                status={thread.conversation.status}
                assignedToId={thread.conversation.assignedToId}
                users={thread.users}
                assistant={thread.assistant ? { enabled: thread.assistant.enabled, pausedUntil: thread.assistant.pausedUntil?.toISOString() ?? null } : null}
                canWrite={canWrite}
              />
              </div>
            </header>
            {thread.emergency ? (
              <EmergencyBanner
                conversationId={thread.conversation.id}
                job={{ id: thread.emergency.job.id, number: thread.emergency.job.number, technicianId: thread.emergency.job.technician?.id ?? null, technicianName: thread.emergency.job.technician?.name ?? null }}
                technicians={thread.users.filter((u) => u.role === "TECHNICIAN").map((u) => ({ id: u.id, name: u.name }))}
                canAssign={session.can("inbox.write")}
              />
            ) : null}
            {thread.conversation.unreadCount > 0 && canWrite ? <MarkRead conversationId={thread.conversation.id} /> : null}
            <Messages messages={thread.messages} />
            {canWrite ? (
              <div className={styles.composerDock} data-inbox-composer>
              <Composer
                conversationId={thread.conversation.id}
                windowOpen={Boolean(thread.conversation.windowExpiresAt && thread.conversation.windowExpiresAt > new Date())}
              />
              </div>
            ) : null}
          </>
        ) : (
          <p className="empty">Elegí una conversación para verla.</p>
        )}
      </section>
    </div>
  );
}

// Who wrote the last message, as the list says it: "Vos:", "Asistente:", "<name>:", nothing for the customer.
function senderPrefix(c: ConversationView, myUserId: string): string | null {
  const last = c.lastMessage;
  if (!last || last.sentBy === "customer" || last.sentBy === "system") return null;
  if (last.sentBy === "assistant") return "Asistente:";
  if (last.sentByUser?.id === myUserId) return "Vos:";
  return last.sentByUser?.name ? `${last.sentByUser.name}:` : null;
}

function Messages({ messages }: { messages: MessageView[] }) {
  const byWaId = new Map(messages.filter((m) => m.whatsappMessageId).map((m) => [m.whatsappMessageId!, m]));
  const reactions = new Map<string, string[]>();
  for (const m of messages) {
    if (m.type !== "REACTION") continue;
    const c = m.content as { targetMessageId?: string; emoji?: string | null };
    if (c.targetMessageId && c.emoji) reactions.set(c.targetMessageId, [...(reactions.get(c.targetMessageId) ?? []), c.emoji]);
  }
  const visible = messages.filter((m) => m.type !== "REACTION" && m.type !== "SYSTEM");
  if (!visible.length) return <p className="empty">Todavía no hay mensajes.</p>;
  return (
    <ol className={styles.messages} aria-label="Mensajes" aria-live="polite">
      {visible.map((m) => (
        <MessageBubble key={m.id} message={m} quoted={m.replyTo ? (byWaId.get(m.replyTo) ?? null) : null} reactions={m.whatsappMessageId ? (reactions.get(m.whatsappMessageId) ?? []) : []} />
      ))}
    </ol>
  );
}

// The CSV export carries the filters the export understands (status, assignee); the others export everything.
function exportFilters(filter: string, myUserId: string): Record<string, string> {
  if (filter === "abiertas") return { estado: "OPEN" };
  if (filter === "cerradas") return { estado: "CLOSED" };
  if (filter === "mias") return { asignada: myUserId };
  if (filter === "sin-asignar") return { asignada: "none" };
  return {};
}
