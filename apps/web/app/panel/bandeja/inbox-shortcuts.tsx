"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import styles from "./inbox.module.css";

const SHORTCUTS = [
  { keys: "j / Alt+↓", label: "Conversación siguiente" },
  { keys: "k / Alt+↑", label: "Conversación anterior" },
  { keys: "c", label: "Escribir en la conversación abierta" },
  { keys: "a", label: "Asignármela" },
  { keys: "?", label: "Mostrar u ocultar esta ayuda" },
];

// Typing somewhere (search, composer, selects) must never trigger a shortcut.
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

// Keyboard shortcuts for a day at the inbox: move through the list, jump to the composer, take the chat.
export function InboxShortcuts({ selectedId, canAssign, myUserId }: { selectedId: string | null; canAssign: boolean; myUserId: string }) {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function move(step: 1 | -1) {
      const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-conversation-id]")];
      if (!links.length) return;
      const at = links.findIndex((l) => l.dataset.conversationId === selectedId);
      const next = links[at < 0 ? 0 : Math.min(Math.max(at + step, 0), links.length - 1)];
      if (next && next.dataset.conversationId !== selectedId) router.push(next.getAttribute("href") ?? "/panel/bandeja");
    }
    async function assignToMe() {
      if (!selectedId || !canAssign) return;
      const res = await fetch(`/api/whatsapp/conversations/${selectedId}/assign`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: myUserId }),
      });
      if (res.ok) router.refresh();
    }
    function onKey(e: KeyboardEvent) {
      if (typing(e.target) || e.ctrlKey || e.metaKey) return;
      if (e.altKey) {
        if (e.key === "ArrowDown") { e.preventDefault(); move(1); }
        if (e.key === "ArrowUp") { e.preventDefault(); move(-1); }
        return;
      }
      if (e.key === "j") move(1);
      else if (e.key === "k") move(-1);
      else if (e.key === "c") {
        const box = document.querySelector<HTMLTextAreaElement>("[data-inbox-composer] textarea");
        if (box) { e.preventDefault(); box.focus(); }
      } else if (e.key === "a") void assignToMe();
      else if (e.key === "?") setHelp((open) => !open);
      else if (e.key === "Escape") setHelp(false);
    }
    window.addEventListener("keydown", onKey);
    // Says which chat the keys act on now (after hydration and after each move), so tests press only when armed.
    root.current?.setAttribute("data-shortcuts-for", selectedId ?? "");
    return () => window.removeEventListener("keydown", onKey);
  }, [router, selectedId, canAssign, myUserId]);
  return (
    <div className={styles.shortcuts} ref={root}>
      <button type="button" className={styles.helpButton} onClick={() => setHelp((open) => !open)} aria-expanded={help} aria-controls="inbox-shortcuts" title="Atajos de teclado">?</button>
      {help ? (
        <section id="inbox-shortcuts" role="dialog" aria-label="Atajos de teclado" className={styles.helpPanel}>
          <h2>Atajos de teclado</h2>
          <dl>
            {SHORTCUTS.map((s) => (
              <div key={s.keys}><dt><kbd>{s.keys}</kbd></dt><dd>{s.label}</dd></div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
