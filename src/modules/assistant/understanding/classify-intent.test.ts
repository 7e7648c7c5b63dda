import { describe, expect, it } from "vitest";
import { classifyIntent } from "./classify-intent";

const intent = (text: string, awaitingSlotChoice = false) => classifyIntent(text, { awaitingSlotChoice }).intent;

describe("classifyIntent", () => {
  it("recognizes each intent in Argentine WhatsApp Spanish", () => {
    expect(intent("holaaa buen dia")).toBe("greeting");
    expect(intent("cuanto sale destapar una cloaca?")).toBe("quote_request");
    expect(intent("pueden venir mñn a la tarde?")).toBe("schedule_request");
    expect(intent("puedo cambiar el turno de mañana para el viernes?")).toBe("reschedule");
    expect(intent("quiero cancelar el turno")).toBe("cancel");
    expect(intent("a qué hora viene el técnico?")).toBe("job_status");
    expect(intent("vinieron ayer y sigue goteando, pésimo")).toBe("complaint");
    expect(intent("me pasás con una persona?")).toBe("human_handoff");
    expect(intent("👍")).toBe("confirmation");
    expect(intent("dale gracias")).toBe("confirmation");
    expect(intent("aceptan mercado pago?")).toBe("other");
  });

  it("lets an emergency win over everything else and names its kind", () => {
    const result = classifyIntent("cuánto sale arreglar una pérdida de gas que tengo ahora, huele fuerte");
    expect(result).toMatchObject({ intent: "emergency", emergency: "gas" });
    expect(result.signals.length).toBeGreaterThan(0);
    expect(intent("hola buenas, hay mucho olor a gas, pueden venir hoy?")).toBe("emergency");
  });

  it("keeps gas talk without danger out of emergencies", () => {
    expect(classifyIntent("cuánto sale una prueba de hermeticidad").emergency).toBeNull();
    expect(intent("ayer tuve olor a gas pero ya lo arregló metrogas, cuánto sale revisar todo?")).toBe("quote_request");
  });

  it("follows the precedence for mixed messages", () => {
    expect(intent("pésimo servicio, quiero hablar con el encargado")).toBe("human_handoff");
    expect(intent("cuánto sale la destapación y pueden venir el jueves?")).toBe("schedule_request");
    expect(intent("no vengan, ya lo arregló mi cuñado")).toBe("cancel");
    expect(intent("no voy a estar el jueves, lo pasamos para otro día?")).toBe("reschedule");
  });

  it("after slots were offered, a pick or a yes is a schedule request", () => {
    expect(intent("la primera", true)).toBe("schedule_request");
    expect(intent("sí", true)).toBe("schedule_request");
    expect(intent("el viernes", true)).toBe("schedule_request");
    expect(intent("sí")).toBe("confirmation");
    expect(intent("cuánto sale al final?", true)).toBe("quote_request");
    expect(intent("mejor cancelemos", true)).toBe("cancel");
  });

  it("does not take a deferral for a booking", () => {
    expect(intent("mañana te confirmo")).toBe("other");
    expect(intent("ok, dale, mañana hablamos")).toBe("confirmation");
  });

  it("returns a confidence between 0 and 1", () => {
    for (const text of ["hola", "jaja", "huele a gas", "cuánto sale?"]) {
      const { confidence } = classifyIntent(text);
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
