import { AppError } from "../../lib/errors";

export function assertWindow(start: Date | null | undefined, end: Date | null | undefined): void {
  if (!start && !end) return;
  if (!start || !end || end <= start) {
    throw new AppError("VALIDATION_FAILED", {
      message: "El horario tiene que tener inicio y fin, y el fin después del inicio.",
      fields: { scheduledEnd: "El fin tiene que ser posterior al inicio." },
    });
  }
}
