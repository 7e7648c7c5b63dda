import type { Router } from "../http/router.ts";
import type { Reply, RequestContext } from "../http/types.ts";
import { takeFault } from "../faults.ts";
import { mediaBytes } from "../meta/media-routes.ts";
import { applyFault } from "../outbound/fault-reply.ts";
import type { SandboxState } from "../state.ts";
import { basicAccount, type TwilioAccount } from "./auth.ts";
import { twilioAuthError, twilioError } from "./errors.ts";
import { rfc2822 } from "./resource.ts";
import { handleTwilioSend } from "./send.ts";

// Twilio REST API (api.twilio.com/2010-04-01) under /twilio.

type Authed = (account: TwilioAccount, ctx: RequestContext) => Promise<Reply> | Reply;

function authed(state: SandboxState, endpoint: "send" | "other", handler: Authed): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    const account = basicAccount(state, ctx);
    // A valid token for another account is still "Authenticate" for this path.
    if (!account || (ctx.params.accountSid !== undefined && ctx.params.accountSid !== account.sid)) return twilioAuthError();
    if (endpoint === "other") {
      const fault = takeFault(state, { provider: "TWILIO", phoneNumberId: "", endpoint: "other" });
      if (fault) {
        const outcome = await applyFault(state, ctx, fault, "twilio");
        if (outcome.kind === "reply") return outcome.reply;
      }
    }
    return handler(account, ctx);
  };
}

export function registerTwilioRoutes(router: Router, state: SandboxState): void {
  router.on("POST", "/twilio/2010-04-01/Accounts/:accountSid/Messages.json", authed(state, "send", (a, ctx) => handleTwilioSend(state, a, ctx)));

  router.on(
    "GET",
    "/twilio/2010-04-01/Accounts/:accountSid/Messages/:file",
    authed(state, "other", (a, ctx) => {
      const sid = (ctx.params.file ?? "").replace(/\.json$/, "");
      const message = state.messages.get(sid);
      if (!message?.twilio || message.twilio.account_sid !== a.sid) {
        return twilioError(20404, `The requested resource /2010-04-01/Accounts/${a.sid}/Messages/${sid}.json was not found`);
      }
      return { status: 200, json: { ...message.twilio } };
    }),
  );

  router.on(
    "GET",
    "/twilio/2010-04-01/Accounts/:file",
    authed(state, "other", (a, ctx) => {
      if (ctx.params.file !== `${a.sid}.json`) return twilioAuthError();
      const created = rfc2822(new Date(Date.UTC(2024, 0, 1)));
      return {
        status: 200,
        json: {
          auth_token: "[Redacted]",
          date_created: created,
          date_updated: created,
          friendly_name: "CampoTech Sandbox",
          owner_account_sid: a.sid,
          sid: a.sid,
          status: "active",
          subresource_uris: { messages: `/2010-04-01/Accounts/${a.sid}/Messages.json` },
          type: "Full",
          uri: `/2010-04-01/Accounts/${a.sid}.json`,
        },
      };
    }),
  );

  // Media sent by simulated customers; Twilio requires Basic auth on media URLs when HTTP auth is enabled.
  router.on(
    "GET",
    "/twilio/media/:id",
    authed(state, "other", (a, ctx) => {
      const media = state.media.get(ctx.params.id ?? "");
      const owner = media ? state.numbers.find((n) => n.phoneNumberId === media.owner) : undefined;
      if (!media || owner?.accountSid !== a.sid) return twilioError(20404);
      return mediaBytes(media);
    }),
  );
}
