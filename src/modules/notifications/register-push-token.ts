import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { updateNotificationSettings } from "./update-notification-settings";

const EXPO_TOKEN = /^(ExponentPushToken|ExpoPushToken)\[[A-Za-z0-9_-]{1,200}\]$/;
const MAX_DEVICES = 10;

// The technician app registers its Expo push token on login (and unregisters on logout). A token moves with the
// device: registering it for one user removes it from any other user of the organization (a shared phone).
export async function registerPushToken(
  tx: TenantTx,
  user: { organizationId: string; userId: string },
  input: { token: string; action: "register" | "unregister" },
): Promise<{ devices: number }> {
  if (!EXPO_TOKEN.test(input.token)) throw new AppError("VALIDATION_FAILED", { message: "El token de notificaciones no es un token de Expo válido.", fields: { token: "Formato inválido." } });
  const next = await updateNotificationSettings(tx, user.organizationId, (current) => {
    const staff = Object.fromEntries(
      Object.entries(current.staff).map(([id, pref]) => [id, { ...pref, pushTokens: pref.pushTokens.filter((t) => t !== input.token) }]),
    );
    const mine = staff[user.userId] ?? { channels: ["push" as const], pushTokens: [] };
    if (input.action === "register") mine.pushTokens = [...mine.pushTokens, input.token].slice(-MAX_DEVICES);
    return { ...current, staff: { ...staff, [user.userId]: mine } };
  });
  return { devices: next.staff[user.userId]?.pushTokens.length ?? 0 };
}
