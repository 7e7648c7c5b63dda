import type { Prisma } from "@campotech/database";
import { AppError } from "../../lib/errors";

export const QUICK_REPLY_SELECT = { id: true, shortcut: true, title: true, body: true, createdAt: true, updatedAt: true } satisfies Prisma.QuickReplySelect;

export type QuickReplyView = Prisma.QuickReplyGetPayload<{ select: typeof QUICK_REPLY_SELECT }>;

export const shortcutTaken = (shortcut: string) =>
  new AppError("CONFLICT", { message: `Ya hay una respuesta rápida con el atajo /${shortcut}.`, fields: { shortcut: "Ya existe: elegí otro atajo." } });

// Two people saving the same shortcut at once: the unique index decides, and the loser hears it in Spanish.
export function rethrowShortcutTaken(error: unknown, shortcut: string): never {
  if ((error as { code?: string }).code === "P2002") throw shortcutTaken(shortcut);
  throw error;
}
