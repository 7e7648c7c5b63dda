import { describe, expect, it } from "vitest";
import { scoreFeatures } from "./intent-model";
import { modelFeatures } from "./model-features";
import { DEFAULT_TRAINING, trainIntentModel } from "./train-intent-model";

const data: [string, string][] = [
  ["hola buenas", "greeting"], ["buen dia", "greeting"], ["holaaa que tal", "greeting"], ["buenas tardes", "greeting"],
  ["cuanto sale destapar la pileta", "quote_request"], ["precio del service del aire", "quote_request"], ["cuanto cobran la visita", "quote_request"], ["presupuesto para cambiar canilla", "quote_request"],
  ["quiero cancelar la visita", "cancel"], ["cancelen el turno porfa", "cancel"], ["ya no hace falta que vengan, cancelo", "cancel"], ["cancelame lo de mañana", "cancel"],
  ["hay olor a gas", "emergency:gas"], ["tengo olor a gas en la cocina", "emergency:gas"], ["sale gas de la hornalla, olor fuerte", "emergency:gas"], ["olor a gas en el pasillo", "emergency:gas"],
];
const examples = data.map(([text, label]) => ({ features: modelFeatures(text), label }));

describe("trainIntentModel", () => {
  it("gives identical weights for the same data and options", () => {
    expect(JSON.stringify(trainIntentModel(examples))).toBe(JSON.stringify(trainIntentModel(examples)));
  });

  it("gives different weights for another seed (the seed really drives the order)", () => {
    expect(JSON.stringify(trainIntentModel(examples, { ...DEFAULT_TRAINING, seed: 7 }))).not.toBe(JSON.stringify(trainIntentModel(examples)));
  });

  it("learns the training examples and generalizes to a close wording", () => {
    const { vocabulary: _, ...weights } = trainIntentModel(examples, { ...DEFAULT_TRAINING, minCount: 1 });
    const model = { ...weights, temperature: 1, training: { examples: 0, features: 0, epochs: 0, learningRate: 0, l2: 0, minCount: 0, seed: 0, corpusSha256: "" } };
    const top = (text: string) => {
      const p = scoreFeatures(model, modelFeatures(text)).probabilities;
      return model.classes[p.indexOf(Math.max(...p))];
    };
    for (const [text, label] of data) expect(top(text)).toBe(label);
    expect(top("cuanto sale cambiar la canilla del baño")).toBe("quote_request");
    expect(top("hueleee a gas")).toBe("emergency:gas");
    expect(scoreFeatures(model, modelFeatures("olor a gas")).emergencyProbability).toBeGreaterThan(0.5);
  });

  it("drops features whose weights all round to zero", () => {
    const trained = trainIntentModel(examples);
    for (const row of Object.values(trained.weights)) expect(row.some((w) => w !== 0)).toBe(true);
  });
});
