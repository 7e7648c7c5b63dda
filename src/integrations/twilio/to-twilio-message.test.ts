import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { toContentVariables, toTwilioMessage } from "./to-twilio-message";

const sender = { from: "5491152630002", contentSids: { job_scheduled: "HX00000000000000000000000000000001" } };

describe("toTwilioMessage", () => {
  it("text: whatsapp: addresses and Body", () => {
    const form = toTwilioMessage({ to: "5491155550123", content: { type: "text", body: "Hola" } }, sender);
    expect(Object.fromEntries(form)).toEqual({ From: "whatsapp:+5491152630002", To: "whatsapp:+5491155550123", Body: "Hola" });
  });

  it("media by link with caption", () => {
    const form = toTwilioMessage({ to: "5491155550123", content: { type: "media", kind: "image", link: "https://x.test/a.jpg", caption: "Foto" } }, sender);
    expect(form.get("MediaUrl")).toBe("https://x.test/a.jpg");
    expect(form.get("Body")).toBe("Foto");
  });

  it("location as Body + PersistentAction geo:", () => {
    const form = toTwilioMessage({ to: "5491155550123", content: { type: "location", latitude: -34.6, longitude: -58.38, name: "Obelisco" } }, sender);
    expect(form.get("PersistentAction")).toBe("geo:-34.6,-58.38|Obelisco");
    expect(form.get("Body")).toBe("Obelisco");
  });

  it("template → ContentSid from the account map + numbered ContentVariables", () => {
    const form = toTwilioMessage(
      {
        to: "5491155550123",
        content: { type: "template", name: "job_scheduled", components: [{ type: "body", parameters: ["Ana", "lunes", "9:00", "Gas"].map((text) => ({ type: "text" as const, text })) }] },
      },
      sender,
    );
    expect(form.get("ContentSid")).toBe("HX00000000000000000000000000000001");
    expect(JSON.parse(form.get("ContentVariables") ?? "")).toEqual({ "1": "Ana", "2": "lunes", "3": "9:00", "4": "Gas" });
    expect(form.has("Body")).toBe(false);
  });

  it("an unknown template name is a validation error, an HX… name is used as is", () => {
    expect(() => toTwilioMessage({ to: "5491155550123", content: { type: "template", name: "nope" } }, sender)).toThrow(AppError);
    const sid = "HXabcdefabcdefabcdefabcdefabcdefab";
    expect(toTwilioMessage({ to: "5491155550123", content: { type: "template", name: sid } }, sender).get("ContentSid")).toBe(sid);
  });

  it("callbackData travels on the StatusCallback URL", () => {
    const form = toTwilioMessage(
      { to: "5491155550123", content: { type: "text", body: "Hola" }, callbackData: "job:42" },
      { ...sender, statusCallbackUrl: "https://app.test/api/webhooks/twilio/status?orgId=o1" },
    );
    expect(form.get("StatusCallback")).toBe("https://app.test/api/webhooks/twilio/status?orgId=o1&callbackData=job%3A42");
  });
});

describe("toContentVariables", () => {
  it("numbers header, body then button parameters in Meta's order; named parameters keep their name", () => {
    expect(
      toContentVariables({
        type: "template",
        name: "otp_code",
        components: [
          { type: "button", subType: "url", index: 0, parameters: [{ type: "text", text: "123456" }] },
          { type: "body", parameters: [{ type: "text", text: "123456" }, { type: "text", text: "x", parameterName: "extra" }] },
        ],
      }),
    ).toEqual({ "1": "123456", extra: "x", "3": "123456" });
  });
});
