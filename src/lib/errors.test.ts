import { describe, expect, it } from "vitest";
import { AppError, ERROR_CATALOG, toAppError } from "./errors";

describe("AppError", () => {
  it("maps codes to HTTP statuses and Spanish messages", () => {
    expect(new AppError("TEMPLATE_REQUIRED").status).toBe(422);
    expect(new AppError("LIMIT_REACHED").status).toBe(429);
    expect(new AppError("NOT_FOUND").toJSON()).toEqual({ error: { code: "NOT_FOUND", message: ERROR_CATALOG.NOT_FOUND.message } });
  });

  it("never exposes unknown errors' messages to clients", () => {
    const wrapped = toAppError(new Error("duplicate key value violates unique constraint \"User_pkey\""));
    expect(wrapped.code).toBe("INTERNAL");
    expect(wrapped.message).not.toContain("duplicate key");
    expect(wrapped.detail).toContain("duplicate key");
  });
});
