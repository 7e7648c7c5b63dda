import { describe, expect, it } from "vitest";
import { assertJobTransition, canTransition, JOB_STATES } from "./job-state-machine";

describe("job state machine", () => {
  it("allows the happy path and rescheduling, nothing out of a finished job", () => {
    for (const [from, to] of [["pending", "scheduled"], ["scheduled", "scheduled"], ["scheduled", "en_camino"], ["en_camino", "working"], ["working", "completed"]] as const) {
      expect(canTransition(from, to)).toBe(true);
    }
    for (const to of JOB_STATES) {
      expect(canTransition("completed", to)).toBe(false);
      expect(canTransition("cancelled", to)).toBe(false);
    }
    expect(canTransition("pending", "working")).toBe(false);
    expect(canTransition("scheduled", "completed")).toBe(false);
  });

  it("refuses illegal transitions with a Spanish reason", () => {
    expect(() => assertJobTransition({ from: "pending", to: "completed", role: "OWNER", isAssignedTechnician: false })).toThrow(
      "Un trabajo pendiente no puede pasar a terminado.",
    );
  });

  it("lets technicians move only their own jobs through the field states", () => {
    expect(() => assertJobTransition({ from: "scheduled", to: "en_camino", role: "TECHNICIAN", isAssignedTechnician: true })).not.toThrow();
    expect(() => assertJobTransition({ from: "scheduled", to: "en_camino", role: "TECHNICIAN", isAssignedTechnician: false })).toThrow(/tus propios trabajos/);
    expect(() => assertJobTransition({ from: "scheduled", to: "cancelled", role: "TECHNICIAN", isAssignedTechnician: true })).toThrow(/tus propios trabajos/);
    expect(() => assertJobTransition({ from: "pending", to: "scheduled", role: "VIEWER", isAssignedTechnician: false })).toThrow(/No tenés permiso/);
    expect(() => assertJobTransition({ from: "pending", to: "scheduled", role: "DISPATCHER", isAssignedTechnician: false })).not.toThrow();
  });
});
