import { z } from "zod";
import type { BspProvider } from "@campotech/database";
import { AppError } from "../../lib/errors";

// What each provider needs per number. Stored sealed (AES-256-GCM) in credentialsEncrypted.
export const credentialSchemas = {
  META_DIRECT: z.object({ accessToken: z.string().min(10, "el token de acceso es obligatorio") }),
  DIALOG_360: z.object({ apiKey: z.string().min(8, "la API key de 360dialog es obligatoria") }),
  TWILIO: z.object({
    accountSid: z.string().regex(/^AC\w{10,}$/, "el Account SID empieza con AC"),
    authToken: z.string().min(8, "el Auth Token es obligatorio"),
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
