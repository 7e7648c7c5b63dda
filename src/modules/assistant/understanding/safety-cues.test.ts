import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { understandMessage } from "./understand-message";
import { detectEmergency } from "./detect-emergency";
import { normalizeText } from "./normalize-text";
import type { EmergencyKind } from "./types";

// One message per safety cue of detect-emergency.ts, with the kind it must raise. The source is read to list the
// cues, so a cue added without an example here fails this file. "cue (note)" keys are extra wordings of a cue.
const EXAMPLES: Record<string, [text: string, kind: EmergencyKind]> = {
  "gas:smell": ["hay un olor a gas tremendo en el pasillo", "gas"],
  "gas:smell-near-gas": ["sale un olor raro de la hornalla, como a huevo podrido", "gas"],
  "gas:leak": ["creo que tenemos una fuga de gas en la cocina", "gas"],
  "gas:hiss": ["el regulador de la garrafa hace un silbido fuerte", "gas"],
  "co:alarm": ["está sonando la alarma de monóxido del pasillo", "carbon_monoxide"],
  "co:monoxide": ["creo que hay monóxido, estamos con náuseas", "carbon_monoxide"],
  "co:symptoms+appliance (fainted)": ["la vecina se descompuso en el baño, el calefón tira hollín y no hay ventilación", "carbon_monoxide"],
  "co:symptoms+appliance": ["estamos todos mareados, la estufa estuvo prendida toda la noche con la pieza cerrada", "carbon_monoxide"],
  "power:electro-dependent": ["nos quedamos sin luz y mi papá usa concentrador de oxígeno", "no_power_risk"],
  "power:fallen-cable": ["se cayó un cable de la calle sobre la vereda", "no_power_risk"],
  "power:wet-or-loose-cables": ["sin luz y el tablero está todo mojado por la lluvia", "no_power_risk"],
  "electrical:sparks": ["el enchufe del living tira chispas", "electrical"],
  "electrical:smoke (verb)": ["los cables debajo del escritorio están humeando", "electrical"],
  "electrical:smoke": ["sale humito del ventilador de techo", "electrical"],
  "electrical:burning": ["hay olor a plástico quemado en el tablero", "electrical"],
  "electrical:shock": ["el lavarropas me dio una descarga al tocarlo", "electrical"],
  "electrical:glow": ["las luces parpadean y adentro del medidor se ve un resplandor naranja", "electrical"],
  "electrical:blew-up": ["explotó el enchufe de la cocina", "electrical"],
  "electrical:overheating": ["el cable del aire está recalentado", "electrical"],
  "electrical:hot-fixture": ["el toma de la pieza está caliente y zumba", "electrical"],
  "flood:inundation": ["se inundó el lavadero", "flood"],
  "flood:heavy-flow": ["sale un montón de agua de la pared del baño", "flood"],
  "flood:spreading": ["sale agua del placard y ya está entrando al dormitorio", "flood"],
  "flood:standing-water": ["tengo 5 cm de agua en la cocina", "flood"],
  "flood:indoor-water": ["se llueve adentro, hay agua cayendo del techo por todos lados", "flood"],
  "flood:filling": ["se salió la canilla y la cocina se está llenando de agua", "flood"],
  "flood:burst-pouring": ["se partió el flexible del lavatorio y sale agua", "flood"],
  "urgent+hazard": ["URGENTE problema con la garrafa", "gas"],
};

const source = readFileSync(new URL("./detect-emergency.ts", import.meta.url), "utf8");
const cues = [...new Set([...source.matchAll(/flag\([^,]+, "([a-z_]+:[a-z+-]+|urgent\+hazard)"\)/g)].map((m) => m[1]!))];

describe("safety cues", () => {
  it("has an example for every cue in detect-emergency.ts", () => {
    expect(cues.length).toBeGreaterThan(20);
    expect(cues.filter((cue) => !(cue in EXAMPLES))).toEqual([]);
  });

  for (const [cue, [text, kind]] of Object.entries(EXAMPLES)) {
    it(`${cue}: "${text}"`, () => {
      const found = detectEmergency(normalizeText(text));
      expect(found?.signals).toContain(cue.replace(/ \(.*\)$/, ""));
      expect(found?.kind).toBe(kind);
      // The rules keep the last word whatever the learned model reads: the assistant escalates every one of them.
      const u = understandMessage(text, { now: new Date("2026-11-18T10:00:00-03:00"), priceList: [] });
      expect(u.intent).toBe("emergency");
      expect(u.emergency).toBe(kind);
    });
  }
});
