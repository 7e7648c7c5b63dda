import { describe, expect, it } from "vitest";
import { understandMessage } from "./understand-message";

const BA = (local: string) => new Date(`${local}:00-03:00`);
const now = BA("2026-11-18T10:00");
const priceList = [
  { code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", keywords: ["destapar", "destapacion", "cloaca", "tapado", "tapada"] },
  { code: "SPLIT-3000", name: "Instalación de split 3000 frigorías", serviceType: "HVAC", keywords: ["split", "aire", "instalacion de aire", "3000"] },
  { code: "SPLIT-SERVICE", name: "Service de aire acondicionado", serviceType: "HVAC", keywords: ["service", "aire", "carga de gas", "limpieza"] },
];

describe("understandMessage", () => {
  it("combines intent, service and time", () => {
    const result = understandMessage("Necesito un turno xa destapar la cloaca, el martes a la mñn puede ser?", { now, priceList });
    expect(result).toMatchObject({
      intent: "schedule_request",
      emergency: null,
      entities: { serviceType: "DRAINAGE", serviceCodes: ["DESTAP-CLOACA"], when: { date: "2026-11-24", weekday: 2, dayPart: "morning" } },
    });
    expect(result.normalized).toBe("necesito un turno para destapar la cloaca el martes a la manana puede ser");
  });

  it("resolves the picked slot when slots were offered", () => {
    const offeredSlots = [
      { start: BA("2026-11-19T09:00"), end: BA("2026-11-19T11:00") },
      { start: BA("2026-11-19T15:00"), end: BA("2026-11-19T17:00") },
    ];
    expect(understandMessage("la segunda", { now, priceList, offeredSlots })).toMatchObject({ intent: "schedule_request", entities: { slotChoice: 1 } });
    expect(understandMessage("mañana a la tarde", { now, priceList, offeredSlots }).entities.slotChoice).toBe(1);
    expect(understandMessage("sí", { now, priceList, offeredSlots }).entities.slotChoice).toBeUndefined();
  });

  it("flags emergencies with their kind", () => {
    expect(understandMessage("se reventó un caño y se inunda la cocina!!", { now, priceList })).toMatchObject({ intent: "emergency", emergency: "flood" });
  });

  it("omits entities the text does not state", () => {
    expect(understandMessage("hola", { now, priceList }).entities).toEqual({});
  });
});
