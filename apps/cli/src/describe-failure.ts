import { isAppError } from "@campotech/core/lib/errors";
import { UsageError } from "./command";

// Turns any failure into one line an operator can act on, never a stack trace.
export function describeFailure(error: unknown): { code: string; message: string; fields?: Record<string, string> } {
  if (isAppError(error)) return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  if (error instanceof UsageError) return { code: "USAGE", message: error.message };
  const err = error as { code?: string; message?: string; cause?: { code?: string } };
  if (err.code?.startsWith("ERR_PARSE_ARGS")) return { code: "USAGE", message: err.message ?? "opción inválida" };
  const text = `${err.message ?? ""} ${err.code ?? ""} ${err.cause?.code ?? ""}`;
  if (/ECONNREFUSED|connect ECONN|Can't reach database|DatabaseNotReachable/i.test(text) && /5432|postgres|database/i.test(text)) {
    return {
      code: "SERVICE_UNAVAILABLE",
      message:
        "No se puede conectar a Postgres (DATABASE_URL / DATABASE_ADMIN_URL). ¿Está corriendo? " +
        "Probá: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, o docker compose up -d postgres",
    };
  }
  return { code: "INTERNAL", message: err.message ?? String(error) };
}
