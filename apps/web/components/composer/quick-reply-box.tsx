"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import styles from "./composer.module.css";
import { filterQuickReplies, fillQuickReply, insertQuickReply, slashQuery, type QuickReplyOption } from "./quick-reply-text";

// The message box with the "/" list: typing "/" at the start of a word lists the organization's quick replies,
// filtered as the shortcut is typed; ↑/↓ move, Enter or Tab insert (with {nombre} filled in), Esc closes. Without
// an open list, Enter sends and Shift+Enter breaks the line.
export function QuickReplyBox({ value, onChange, replies, customerFirstName }: {
  value: string;
  onChange: (text: string) => void;
  replies: QuickReplyOption[];
  customerFirstName: string | null;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Esc closes the list for the "/" it was opened by; typing another "/" opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const trigger = slashQuery(value, caret);
  const matches = trigger && trigger.start !== dismissedAt ? filterQuickReplies(replies, trigger.query) : [];
  const open = matches.length > 0;
  const current = Math.min(active, matches.length - 1);

  function track(text: string, at: number) {
    onChange(text);
    setCaret(at);
    setActive(0);
    // Once the "/" it closed for is gone, a new "/" at the same place opens the list again.
    if (!slashQuery(text, at)) setDismissedAt(null);
  }

  function insert(reply: QuickReplyOption) {
    if (!trigger) return;
    const next = insertQuickReply(value, trigger, fillQuickReply(reply.body, customerFirstName));
    track(next.text, next.caret);
    requestAnimationFrame(() => ref.current?.setSelectionRange(next.caret, next.caret));
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((current + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === "Enter" || e.key === "Tab") {
        e.preventDefault();
        insert(matches[current]!);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setDismissedAt(trigger!.start);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <div className={styles.box}>
      {open ? (
        <ul id={listId} role="listbox" aria-label="Respuestas rápidas" className={styles.menu}>
          {matches.map((r, i) => (
            <li key={r.id} id={`${listId}-${i}`} role="option" aria-selected={i === current} onMouseDown={(e) => { e.preventDefault(); insert(r); }}>
              <strong>/{r.shortcut} · {r.title}</strong>
              <span className={styles.text}>{fillQuickReply(r.body, customerFirstName)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <label>
        Mensaje
        <textarea ref={ref} value={value} rows={3} required maxLength={4096}
          aria-autocomplete="list" aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${current}` : undefined}
          onChange={(e) => track(e.target.value, e.target.selectionStart)}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown} />
      </label>
      {replies.length ? <p className={`muted ${styles.hint}`}>Escribí / para usar una respuesta rápida.</p> : null}
    </div>
  );
}
