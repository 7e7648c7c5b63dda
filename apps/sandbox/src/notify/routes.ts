import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Router } from "../http/router.ts";
import { json } from "../http/types.ts";
import type { SandboxState } from "../state.ts";

// Expo's push API (https://exp.host/--/api/v2/push/send): one message or an array in, one ticket per message out,
// in order. A token that is not "ExponentPushToken[…]" gets Expo's DeviceNotRegistered error ticket.
const pushMessageSchema = z.object({
  to: z.string(),
  title: z.string().optional(),
  body: z.string().optional(),
  data: z.unknown().optional(),
  sound: z.unknown().optional(),
  priority: z.enum(["default", "normal", "high"]).optional(),
});
const TOKEN = /^Expo(nent)?PushToken\[.+\]$/;

export function registerNotifyRoutes(router: Router, state: SandboxState): void {
  router.on("POST", "/expo/push/send", (ctx) => {
    const body = ctx.body.kind === "json" ? ctx.body.value : undefined;
    const parsed = z.union([pushMessageSchema, z.array(pushMessageSchema)]).safeParse(body);
    if (!parsed.success) return json(400, { errors: [{ code: "VALIDATION_ERROR", message: "\"value\" must be a push message or an array of them" }] });
    const messages = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    const data = messages.map((message) => {
      const ok = TOKEN.test(message.to);
      const id = randomUUID();
      state.pushes.push({ ...message, id, status: ok ? "ok" : "error", receivedAt: new Date().toISOString() });
      return ok
        ? { status: "ok", id }
        : { status: "error", message: `"${message.to}" is not a registered push notification recipient`, details: { error: "DeviceNotRegistered" } };
    });
    return json(200, { data });
  });
  router.on("GET", "/_sandbox/push", () => json(200, state.pushes));
  router.on("GET", "/_sandbox/emails", () => json(200, state.emails));
}
