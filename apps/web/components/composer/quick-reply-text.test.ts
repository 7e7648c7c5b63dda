import { describe, expect, it } from "vitest";
import { fillQuickReply, filterQuickReplies, insertQuickReply, slashQuery } from "./quick-reply-text";

const replies = [
  { id: "1", shortcut: "direccion", title: "Pedir dirección", body: "¿Nos pasás la dirección, {nombre}?" },
  { id: "2", shortcut: "horarios", title: "Horarios de atención", body: "Hola {nombre}, atendemos de 8 a 18." },
  { id: "3", shortcut: "gracias", title: "Cierre", body: "¡Gracias {nombre}!" },
];

describe("quick reply text", () => {
  it('opens on "/" at the start of a word, up to the caret, and not inside a word', () => {
    expect(slashQuery("/", 1)).toEqual({ start: 0, query: "" });
    expect(slashQuery("hola /hor", 9)).toEqual({ start: 5, query: "hor" });
    expect(slashQuery("hola\n/Hor", 9)).toEqual({ start: 5, query: "hor" });
    expect(slashQuery("y/o", 3)).toBeNull();
    expect(slashQuery("https://x.com/a", 15)).toBeNull();
    expect(slashQuery("/hor listo", 10)).toBeNull();
    expect(slashQuery("/hor listo", 4)).toEqual({ start: 0, query: "hor" });
  });

  it("lists shortcuts starting with the query first, then shortcut or title matches", () => {
    expect(filterQuickReplies(replies, "").map((r) => r.id)).toEqual(["1", "2", "3"]);
    expect(filterQuickReplies(replies, "hor").map((r) => r.id)).toEqual(["2"]);
    expect(filterQuickReplies(replies, "cion").map((r) => r.id)).toEqual(["1"]);
    expect(filterQuickReplies(replies, "ierre").map((r) => r.id)).toEqual(["3"]);
    expect(filterQuickReplies(replies, "g").map((r) => r.id)).toEqual(["3"]);
    expect(filterQuickReplies(replies, "zzz")).toEqual([]);
  });

  it("fills {nombre} with the first name, or drops it cleanly without one", () => {
    expect(fillQuickReply("Hola {nombre}, atendemos de 8 a 18.", "Jorge")).toBe("Hola Jorge, atendemos de 8 a 18.");
    expect(fillQuickReply("Hola {nombre}, atendemos de 8 a 18.", null)).toBe("Hola, atendemos de 8 a 18.");
    expect(fillQuickReply("¿Nos pasás la dirección, {nombre}?", null)).toBe("¿Nos pasás la dirección?");
  });

  it("replaces the typed /shortcut with the reply and puts the caret after it", () => {
    expect(insertQuickReply("Perfecto. /hor", { start: 10, query: "hor" }, "Atendemos de 8 a 18.")).toEqual({ text: "Perfecto. Atendemos de 8 a 18.", caret: 30 });
    expect(insertQuickReply("/hor y listo", { start: 0, query: "hor" }, "Hola")).toEqual({ text: "Hola y listo", caret: 4 });
  });
});
