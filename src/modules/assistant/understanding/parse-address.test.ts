import { describe, expect, it } from "vitest";
import { isCompleteAddress, parseAddress } from "./parse-address";

describe("parseAddress", () => {
  it("splits street, number, floor and locality", () => {
    expect(parseAddress("Av. San Martín 1234 3°B, Lanús")).toEqual({ street: "Av. San Martín", number: "1234", floorApartment: "3°B", locality: "Lanús", references: null });
  });

  it("reads a numbered street with 'nro' and 'entre' as a reference", () => {
    expect(parseAddress("calle 7 nro 845 entre 50 y 51 La Plata")).toEqual({ street: "Calle 7", number: "845", floorApartment: null, locality: "La Plata", references: "entre 50 y 51" });
  });

  it("keeps barrio and city as the locality and the rest as references", () => {
    expect(parseAddress("Pasaje Los Aromos 56, barrio Jardín, Córdoba, timbre rojo")).toEqual({
      street: "Pasaje Los Aromos", number: "56", floorApartment: null, locality: "Barrio Jardín, Córdoba", references: "timbre rojo",
    });
  });

  it("does not take the number inside a street's name for the height", () => {
    expect(parseAddress("Av. 9 de Julio 1500, CABA")).toMatchObject({ street: "Av. 9 de Julio", number: "1500", locality: "CABA" });
    expect(parseAddress("es en 25 de Mayo al 350 piso 2 dto A, Quilmes")).toMatchObject({ street: "25 de Mayo", number: "350", floorApartment: "piso 2 dto A", locality: "Quilmes" });
  });

  it("drops the lead-in words people write before the address", () => {
    expect(parseAddress("sí, es en Mitre 455, Avellaneda")).toMatchObject({ street: "Mitre", number: "455", locality: "Avellaneda" });
    expect(parseAddress("Ruta 2 km 45")).toMatchObject({ street: "Ruta 2 km", number: "45" });
    expect(parseAddress("no, es en lo de mi vieja: calle 7 nro 845 entre 50 y 51 La Plata")).toMatchObject({ street: "Calle 7", number: "845", locality: "La Plata" });
  });

  it("says what is missing", () => {
    const noNumber = parseAddress("Av. Belgrano, Bernal");
    expect(noNumber).toMatchObject({ street: "Av. Belgrano", number: null, locality: "Bernal" });
    expect(isCompleteAddress(noNumber)).toBe(false);
    expect(parseAddress("no sé")).toMatchObject({ street: null, number: null });
    expect(isCompleteAddress(parseAddress("Belgrano 1020"))).toBe(true);
  });
});
