import { z } from "zod";

// Staff notifications: email over SMTP and Expo push. Defaults point at the local sandbox (SMTP catcher on 4025,
// Expo push endpoint on the sandbox's HTTP port).
export const notificationsEnv = z.object({
  SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  SMTP_PORT: z.coerce.number().int().positive().default(4025),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(1).default("CampoTech <no-reply@campotech.local>"),
  EXPO_PUSH_URL: z.url().default("http://127.0.0.1:4010/expo/push/send"),
  EXPO_ACCESS_TOKEN: z.string().optional(),
});
