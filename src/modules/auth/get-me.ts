import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";
import type { AccessTokenClaims } from "./access-token";

// The signed-in user as the dashboard and the app show it. A deactivated user's still-valid token gets 401.
export async function getMe(claims: AccessTokenClaims) {
  const user = await withTenant(claims.org, (tx) =>
    tx.user.findUnique({
      where: { id: claims.sub },
      select: { id: true, name: true, phone: true, email: true, role: true, isActive: true, organization: { select: { id: true, name: true, tier: true } } },
    }),
  );
  if (!user?.isActive) throw new AppError("UNAUTHENTICATED");
  const { isActive: _active, ...me } = user;
  return me;
}
