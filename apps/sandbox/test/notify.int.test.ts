import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { type TestSandbox, useSandbox } from "./helpers.ts";

let sb: TestSandbox;
useSandbox((s) => {
  sb = s;
});

// A bare SMTP conversation (no client library in the sandbox): each command waits for the server's reply.
async function sendMail(port: number, lines: string[]): Promise<string[]> {
  const socket = connect(port, "127.0.0.1");
  const replies: string[] = [];
  let buffer = "";
  let waiting: (() => void) | undefined;
  socket.on("data", (chunk) => {
    buffer += chunk.toString();
    if (/^\d{3} [^\n]*\r\n$/m.test(buffer.split("\r\n").slice(-2).join("\r\n"))) {
      replies.push(buffer.trim());
      buffer = "";
      waiting?.();
    }
  });
  const reply = () => new Promise<void>((resolve) => (waiting = resolve));
  await reply();
  for (const line of lines) {
    socket.write(`${line}\r\n`);
    await reply();
  }
  socket.end();
  return replies;
}

describe("SMTP catcher", () => {
  it("accepts mail and shows it on GET /_sandbox/emails", async () => {
    const replies = await sendMail(sb.smtpPort, [
      "EHLO test",
      "MAIL FROM:<no-reply@campotech.local>",
      "RCPT TO:<ana@delsur.test>",
      "DATA",
      "Subject: =?UTF-8?Q?Urgencia_en_Caballito_=E2=80=94_p=C3=A9rdida?=\r\nFrom: CampoTech <no-reply@campotech.local>\r\n\r\nHay una pérdida de gas.\r\n.",
      "QUIT",
    ]);
    expect(replies.at(-2)).toMatch(/^250/);
    const emails = (await sb.call("GET", "/_sandbox/emails")).json;
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ from: "no-reply@campotech.local", to: ["ana@delsur.test"], subject: "Urgencia en Caballito — pérdida" });
    expect(emails[0].raw).toContain("Hay una pérdida de gas.");
  });
});

describe("Expo push", () => {
  it("answers one ticket per message in Expo's format and records them", async () => {
    const res = await sb.call("POST", "/expo/push/send", {
      json: [
        { to: "ExponentPushToken[abc123]", title: "Nuevo trabajo", body: "Destapación en Palermo", data: { jobId: "job-1" }, sound: "default", priority: "high" },
        { to: "not-a-token", title: "x", body: "y" },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.data[0]).toMatchObject({ status: "ok" });
    expect(res.json.data[0].id).toBeTypeOf("string");
    expect(res.json.data[1]).toMatchObject({ status: "error", details: { error: "DeviceNotRegistered" } });
    const pushes = (await sb.call("GET", "/_sandbox/push")).json;
    expect(pushes.map((p: { to: string; status: string }) => [p.to, p.status])).toEqual([["ExponentPushToken[abc123]", "ok"], ["not-a-token", "error"]]);
    expect(pushes[0]).toMatchObject({ title: "Nuevo trabajo", data: { jobId: "job-1" }, priority: "high" });
    expect((await sb.call("POST", "/expo/push/send", { json: { nope: true } })).status).toBe(400);
  });
});
