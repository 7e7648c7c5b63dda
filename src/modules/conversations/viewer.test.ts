import { describe, expect, it } from "vitest";
import { assignedScope } from "./viewer";

describe("assignedScope", () => {
  it("narrows technicians to their assigned conversations and leaves inbox roles unscoped", () => {
    expect(assignedScope({ userId: "u1", role: "TECHNICIAN" }, "read")).toEqual({ assignedToId: "u1" });
    expect(assignedScope({ userId: "u1", role: "TECHNICIAN" }, "write")).toEqual({ assignedToId: "u1" });
    expect(assignedScope({ userId: "u2", role: "DISPATCHER" }, "write")).toEqual({});
    expect(assignedScope({ userId: "u3", role: "VIEWER" }, "read")).toEqual({});
    // A viewer reaching a write use-case (the route forbids it first) would still be narrowed, never widened.
    expect(assignedScope({ userId: "u3", role: "VIEWER" }, "write")).toEqual({ assignedToId: "u3" });
  });
});
