// The "/" trigger and the insertion of a quick reply, as plain functions so they are tested without a browser.

export type QuickReplyOption = { id: string; shortcut: string; title: string; body: string };

// A "/" at the start of a word, up to the caret: "hola /hor|" → { start: 5, query: "hor" }. A slash inside a word
// ("y/o", a link) is not a trigger.
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}

// Shortcuts that start with what was typed come first, then the ones that contain it in the shortcut or the title.
export function filterQuickReplies(replies: readonly QuickReplyOption[], query: string): QuickReplyOption[] {
  if (!query) return [...replies];
  const starts = replies.filter((r) => r.shortcut.startsWith(query));
  const contains = replies.filter((r) => !starts.includes(r) && (r.shortcut.includes(query) || r.title.toLowerCase().includes(query)));
  return [...starts, ...contains];
}

// {nombre} is the customer's first name; without one it reads naturally with the word removed ("Hola , …" is not).
export function fillQuickReply(body: string, firstName: string | null): string {
  if (firstName) return body.replace(/\{nombre\}/gi, firstName);
  return body.replace(/[ \t]*,?[ \t]*\{nombre\}/gi, "");
}

// The text with "/query" replaced by the reply, and where the caret goes (right after it).
export function insertQuickReply(text: string, trigger: { start: number; query: string }, reply: string): { text: string; caret: number } {
  const end = trigger.start + 1 + trigger.query.length;
  const before = text.slice(0, trigger.start);
  const after = text.slice(end);
  return { text: before + reply + after, caret: before.length + reply.length };
}
