import { describe, expect, it } from "vitest";
import { detectOptCommand } from "./detect-opt-command";

describe("detectOptCommand", () => {
  it.each(["BAJA", "baja", "¡Baja!", " STOP ", "Stop.", "No me escriban más", "no me escriban mas!!", "NO ME ESCRIBAN MÁS 🙏", "Darme de baja"])(
    "%j opts out",
    (text) => expect(detectOptCommand(text)).toBe("opt_out"),
  );

  it.each(["ALTA", "alta.", "Start"])("%j opts back in", (text) => expect(detectOptCommand(text)).toBe("opt_in"));

  it.each(["la baja presión del agua", "hola", "", "stop the leak please", undefined])("%j is not a command", (text) => {
    expect(detectOptCommand(text)).toBeNull();
  });
});
