import type { Database } from "@campotech/database";
import { AppError } from "../../lib/errors";

// Operators refer to an account by its id or by the provider's phone number id.
export async function findAccountOrThrow(admin: Database, ref: string) {
  const account = await admin.whatsAppBusinessAccount.findFirst({
    where: { OR: [{ id: ref }, { phoneNumberId: ref }] },
    omit: { credentialsEncrypted: true, webhookSecretEncrypted: true },
  });
  if (!account) throw new AppError("NOT_FOUND", { message: `No existe la cuenta de WhatsApp "${ref}".` });
  return account;
}
