import { z } from "zod";

// "keyId:base64key,keyId2:base64key2" -> Map. Each key must decode to exactly 32 bytes (AES-256).
const keyring = z.string().min(1).transform((value, ctx) => {
  const keys = new Map<string, Buffer>();
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [id, b64] = part.split(":");
    // Key ids travel inside the sealed value, which uses "." as separator.
    const key = b64 ? Buffer.from(b64, "base64") : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]+$/.test(id) || key.length !== 32) {
      ctx.addIssue({ code: "custom", message: `entry "${id ?? part}" must be keyId:base64 of 32 bytes` });
      return z.NEVER;
    }
    keys.set(id, key);
  }
  return keys;
});

export const cryptoEnv = z.object({
  CREDENTIALS_KEYS: keyring,
  CREDENTIALS_ACTIVE_KEY_ID: z.string().min(1),
});
