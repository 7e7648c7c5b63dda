import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, defaultTemplateFor } from "./default-templates";
import { assertCustomerFacingTemplate, INTERNAL_TEMPLATE_NAMES, isCustomerFacingTemplate } from "./template-audience";
import { templateFields } from "./template-fields";

const stored = (name: string, body: string, example?: unknown) => ({ name, components: [{ type: "BODY", text: body, ...(example ? { example } : {}) }] });
const system = (use: Parameters<typeof defaultTemplateFor>[0]) => stored(defaultTemplateFor(use).name, defaultTemplateFor(use).body);
// 13:30 UTC on Tuesday 24 November 2026 is 10:30 in Buenos Aires; 03:15 UTC is 00:15 there.
const ctx = { customerName: "Martina Gómez", jobStart: new Date("2026-11-24T13:30:00Z"), technicianName: "Diego Ruiz", jobNumber: 42, organizationName: "Gas del Sur" };

describe("template audience", () => {
  it("classifies the login code and the staff alert as internal, and only them", () => {
    expect([...INTERNAL_TEMPLATE_NAMES].sort()).toEqual(["otp_code", "staff_alert"]);
    expect(isCustomerFacingTemplate("otp_code")).toBe(false);
    expect(isCustomerFacingTemplate("staff_alert")).toBe(false);
    for (const t of DEFAULT_TEMPLATES.filter((t) => !["otp_code", "staff_alert"].includes(t.name))) expect(isCustomerFacingTemplate(t.name)).toBe(true);
    expect(isCustomerFacingTemplate("aviso_demora")).toBe(true);
  });

  it("refuses an internal template with a Spanish reason and lets everything else through", () => {
    expect(() => assertCustomerFacingTemplate({ type: "template", name: "otp_code", language: "es_AR" })).toThrow(/uso interno de CampoTech: no se puede enviar a clientes/);
    expect(() => assertCustomerFacingTemplate({ type: "template", name: "staff_alert" })).toThrow(expect.objectContaining({ code: "TEMPLATE_NOT_APPROVED", status: 422 }));
    expect(() => assertCustomerFacingTemplate({ type: "template", name: "job_scheduled" })).not.toThrow();
    expect(() => assertCustomerFacingTemplate({ type: "text", body: "otp_code" })).not.toThrow();
  });
});

describe("template fields", () => {
  it("names the system templates' variables and prefills them from the conversation (first name, date, 00–23 clock)", () => {
    expect(templateFields(system("job_scheduled"), ctx)).toEqual([
      { index: 1, label: "Nombre del cliente", value: "Martina", example: null },
      { index: 2, label: "Fecha del turno", value: "martes 24/11", example: null },
      { index: 3, label: "Hora del turno", value: "10:30", example: null },
      { index: 4, label: "Técnico", value: "Diego Ruiz", example: null },
    ]);
    const midnight = templateFields(system("job_reminder"), { ...ctx, jobStart: new Date("2026-11-25T03:15:00Z") });
    expect(midnight[2]).toMatchObject({ label: "Hora del turno", value: "00:15" });
  });

  it("leaves a field empty when the conversation does not know it (no next job)", () => {
    const fields = templateFields(system("job_scheduled"), { customerName: "Jorge Pereyra" });
    expect(fields.map((f) => f.value)).toEqual(["Jorge", "", "", ""]);
    expect(templateFields(system("invoice_ready"), {}).map((f) => f.label)).toEqual(["Nombre del cliente", "Importe", "Enlace"]);
  });

  it("labels a business template's variables Dato n, with the examples it was submitted with", () => {
    const fields = templateFields(stored("aviso_demora", "Hola {{1}}, llegamos {{2}} tarde.", { body_text: [["Ana", "20 minutos"]] }), ctx);
    expect(fields).toEqual([
      { index: 1, label: "Dato 1", value: "", example: "Ana" },
      { index: 2, label: "Dato 2", value: "", example: "20 minutos" },
    ]);
    expect(templateFields(stored("sin_ejemplos", "Hola {{1}}, gracias."), ctx)).toEqual([{ index: 1, label: "Dato 1", value: "", example: null }]);
  });

  it("uses a business template's parameter names as labels and prefills the ones it recognizes", () => {
    const example = {
      body_text_named_params: [
        { param_name: "nombre_cliente", example: "Ana" },
        { param_name: "numero_trabajo", example: "7" },
        { param_name: "empresa", example: "Plomería Sur" },
        { param_name: "color_favorito", example: "azul" },
      ],
    };
    const fields = templateFields(stored("aviso_trabajo", "Hola {{1}}, el trabajo {{2}} de {{3}} es {{4}}.", example), ctx);
    expect(fields.map((f) => [f.label, f.value])).toEqual([
      ["Nombre cliente", "Martina"],
      ["Numero trabajo", "42"],
      ["Empresa", "Gas del Sur"],
      ["Color favorito", ""],
    ]);
  });

  it("treats a business template reusing a system name with other variables as a business template", () => {
    expect(templateFields(stored("job_scheduled", "Hola {{1}}, tu turno es el {{2}}."), ctx).map((f) => f.label)).toEqual(["Dato 1", "Dato 2"]);
  });
});
