import { describe, expect, it } from "vitest";
import { buildTemplateMessage, countPlaceholders } from "./build-template-message";
import { defaultTemplateFor } from "./default-templates";
import { resolveTemplateVariables } from "./resolve-template-variables";

const jobScheduled = defaultTemplateFor("job_scheduled");
const stored = { name: "job_scheduled", language: "es_AR", components: [{ type: "BODY", text: jobScheduled.body }] };

describe("template messages", () => {
  it("resolves context into Argentine-formatted parameters and a readable preview", () => {
    const params = resolveTemplateVariables(jobScheduled.variables, {
      customerName: "Martina Gómez",
      jobStart: new Date("2026-11-24T13:30:00Z"),
      technicianName: "Diego Ruiz",
    });
    expect(params).toEqual(["Martina", "martes 24/11", "10:30", "Diego Ruiz"]);
    const { content, preview } = buildTemplateMessage(stored, params);
    expect(preview).toBe("Hola Martina, tu turno quedó agendado para el martes 24/11 a las 10:30. Técnico: Diego Ruiz.");
    expect(content).toEqual({
      type: "template",
      name: "job_scheduled",
      language: "es_AR",
      components: [{ type: "body", parameters: params.map((text) => ({ type: "text", text })) }],
    });
  });

  it("formats amounts in pesos", () => {
    const t = defaultTemplateFor("payment_confirmed");
    expect(resolveTemplateVariables(t.variables, { customerName: "Jorge", amountCents: 4_500_000 })).toEqual(["Jorge", "$ 45.000"]);
  });

  it("refuses missing context and a wrong parameter count before any provider call", () => {
    expect(() => resolveTemplateVariables(jobScheduled.variables, { customerName: "Ana" })).toThrow(/Faltan datos/);
    expect(() => buildTemplateMessage(stored, ["solo uno"])).toThrow(/necesita 4 valores y se enviaron 1/);
    expect(countPlaceholders("sin variables")).toBe(0);
  });
});
