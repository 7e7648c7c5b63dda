import type { Database } from "@campotech/database";
import type { ClientConfig } from "../../integrations/whatsapp";
import type { Keyring } from "../../lib/crypto";
import { connectWhatsAppAccount, type ConnectWhatsAppAccountInput } from "./connect-whatsapp-account";
import { verifyWhatsAppAccount } from "./verify-whatsapp-account";

// Connecting a number is not done until the provider has answered: the probe runs right after the row is stored
// (outside its transaction) and its outcome is recorded, so the number never reads "Activo" with no check behind
// it. A failed probe keeps the number connected (the owner fixes the credentials) and says why.
export async function connectAndVerifyWhatsAppAccount(
  admin: Database,
  input: ConnectWhatsAppAccountInput,
  options: { keyring?: Keyring; clientConfig?: ClientConfig } = {},
) {
  const account = await connectWhatsAppAccount(admin, input, options.keyring);
  const verification = await verifyWhatsAppAccount({
    organizationId: account.organizationId,
    accountId: account.id,
    ...(options.clientConfig ? { clientConfig: options.clientConfig } : {}),
    actor: { type: input.actor?.type ?? "OPERATOR", ...(input.actor?.id ? { id: input.actor.id } : {}) },
  });
  return { ...account, lastHealthCheckAt: verification.ok ? verification.checkedAt : account.lastHealthCheckAt, verification };
}
