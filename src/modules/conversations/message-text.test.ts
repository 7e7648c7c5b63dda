import { describe, expect, it } from "vitest";
import { messageText } from "./message-text";

describe("messageText", () => {
  it("prefers the engine's preview, then body, caption and text", () => {
    expect(messageText({ type: "template", name: "x", preview: "Tu turno es el martes" })).toBe("Tu turno es el martes");
    expect(messageText({ body: "Hola" })).toBe("Hola");
    expect(messageText({ id: "m1", caption: "Así está" })).toBe("Así está");
    expect(messageText({ latitude: 1, longitude: 2 })).toBeNull();
    expect(messageText(null)).toBeNull();
  });
});
