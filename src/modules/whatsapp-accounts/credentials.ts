import { z } from "zod";
import type { BspProvider } from "@campotech/database";
import { AppError } from "../../lib/errors";

// What each provider needs per number. Stored sealed (AES-256-GCM) in credentialsEncrypted.
export const credentialSchemas = {
  // The messages say what is wrong and what to do: a short token is almost always a truncated copy-paste.
  META_DIRECT: z.object({
    accessToken: z.string()
      .min(1, "Falta el token de acceso de Meta: copialo del usuario del sistema en Meta Business.")
      .min(10, "El token de acceso de Meta es demasiado corto (mínimo 10 caracteres); copiá el token completo del usuario del sistema en Meta Business."),
  }),
  DIALOG_360: z.object({
    apiKey: z.string()
      .min(1, "Falta la API key de 360dialog.")
      .min(8, "La API key de 360dialog es demasiado corta (mínimo 8 caracteres); copiá la clave completa desde el panel de 360dialog."),
  }),
  TWILIO: z.object({
    accountSid: z.string().regex(/^AC\w{10,}$/, "El Account SID de Twilio empieza con AC seguido de al menos 10 caracteres."),
    authToken: z.string().min(8, "El Auth Token de Twilio es demasiado corto (mínimo 8 caracteres); copiá el token completo desde la consola de Twilio."),
    contentSids: z.record(z.string(), z.string().regex(/^HX\w+$/)).optional(),
  }),
} as const satisfies Record<BspProvider, z.ZodType>;

export type ProviderCredentials = {
  [P in BspProvider]: z.infer<(typeof credentialSchemas)[P]>;
};

export function parseCredentials<P extends BspProvider>(provider: P, input: unknown): ProviderCredentials[P] {
  const result = credentialSchemas[provider].safeParse(input);
  if (!result.success) {
    const fields = Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "credentials", i.message]));
    throw new AppError("VALIDATION_FAILED", { message: "Las credenciales del proveedor no son válidas.", fields });
  }
  return result.data as ProviderCredentials[P];
}

// Safe to show in UIs and CLI output: never more than the last 4 characters.
export function maskSecret(secret: string): string {
  return secret.length <= 4 ? "••••" : `••••${secret.slice(-4)}`;
}
