import { describe, expect, it } from "vitest";
import { photoRequestFor } from "./photo-request";

describe("photoRequestFor", () => {
  it("asks for a photo where it helps the technician prepare", () => {
    expect(photoRequestFor({ code: "DESTAP-CLOACA", serviceType: "DRAINAGE" }, "se tapó la cloaca")).toContain("tapada");
    expect(photoRequestFor({ code: "SPLIT-3000", serviceType: "HVAC" }, "quiero instalar un split")).toContain("split");
    expect(photoRequestFor({ serviceType: "ELECTRICAL" }, "salta la térmica del tablero")).toContain("tablero");
    expect(photoRequestFor({ serviceType: "PLUMBING" }, "gotea la canilla de la cocina")).toContain("canilla");
    expect(photoRequestFor({ serviceType: "PLUMBING" }, "tengo una pérdida en el baño")).toContain("pérdida");
  });

  it("does not ask when a photo says nothing useful", () => {
    expect(photoRequestFor({ code: "SPLIT-SERVICE", serviceType: "HVAC" }, "service del aire")).toBeNull();
    expect(photoRequestFor({ code: "VISITA", serviceType: "GENERAL" }, "que vengan a revisar")).toBeNull();
    expect(photoRequestFor(undefined, undefined)).toBeNull();
  });
});
