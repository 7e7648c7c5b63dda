import { describe, expect, it } from "vitest";
import { bearer, CUSTOMER, META, metaText, parseJson, type Receiver, type TestSandbox, useSandbox } from "./helpers.ts";

let receiver: Receiver;
let sb: TestSandbox;
const send = (body: unknown, token = META.token) => sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: body, headers: bearer(token) });

useSandbox((s, r) => {
  sb = s;
  receiver = r;
});

function buttons(n: number, title = (i: number) => `Opción ${i}`) {
  return {
    messaging_product: "whatsapp",
    to: CUSTOMER,
    type: "interactive",
    interactive: {
      type: "button",
      body: { text: "¿Confirmás el turno?" },
      action: { buttons: Array.from({ length: n }, (_, i) => ({ type: "reply", reply: { id: `b${i}`, title: title(i) } })) },
    },
  };
}

function template(name: string, params: string[], extra: unknown[] = []) {
  return {
    messaging_product: "whatsapp",
    to: CUSTOMER,
    type: "template",
    template: { name, language: { code: "es_AR" }, components: [{ type: "body", parameters: params.map((text) => ({ type: "text", text })) }, ...extra] },
  };
}

describe("Meta Cloud API auth", () => {
  it("answers a wrong or missing token with 401 code 190 and Meta's body", async () => {
    for (const token of ["wrong-token", ""]) {
      const res = await sb.call("POST", `/meta/v24.0/${META.phoneNumberId}/messages`, { json: metaText(CUSTOMER, "hola"), headers: token ? bearer(token) : {} });
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({ message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190 });
      expect(res.json.error.fbtrace_id).toMatch(/^A[\w-]{10,}$/);
    }
  });

  it("answers an unknown phone number id with (#100)-family 'Unsupported post request'", async () => {
    const res = await sb.call("POST", "/meta/v24.0/999999999999999/messages", { json: metaText(CUSTOMER, "hola"), headers: bearer() });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(100);
    expect(res.json.error.message).toContain("Unsupported post request. Object with ID '999999999999999' does not exist");
  });
});

describe("Meta sends", () => {
  it("accepts a text and returns Meta's shape with the canonical Argentine wa_id", async () => {
    const res = await send(metaText("541155550123", "Hola"));
    expect(res.status).toBe(200);
    expect(res.json.messaging_product).toBe("whatsapp");
    expect(res.json.contacts).toEqual([{ input: "541155550123", wa_id: "5491155550123" }]);
    expect(res.json.messages).toHaveLength(1);
    expect(res.json.messages[0].id).toMatch(/^wamid\.HBg[A-Za-z0-9+/=]+$/);
    const inbox = (await sb.call("GET", "/_sandbox/customers/5491155550123/inbox")).json;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: res.json.messages[0].id, provider: "META_DIRECT", type: "text", payload: metaText("541155550123", "Hola") });
  });

  it("records the exact request for tests of the client layer", async () => {
    await send({ ...metaText(CUSTOMER, "Hola"), biz_opaque_callback_data: "job:1" });
    const reqs = (await sb.call("GET", "/_sandbox/requests?provider=meta&path=/messages")).json;
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ method: "POST", path: `/meta/v24.0/${META.phoneNumberId}/messages`, body: { biz_opaque_callback_data: "job:1" } });
    expect(reqs[0].headers.authorization).toBe(`Bearer ${META.token}`);
    expect(JSON.parse(reqs[0].rawBody)).toEqual(reqs[0].body);
    expect(reqs[0].response.status).toBe(200);
  });

  it("accepts every other message type", async () => {
    const bodies: Record<string, unknown> = {
      image: { link: "https://example.com/a.jpg", caption: "Foto" },
      audio: { id: "123" },
      video: { link: "https://example.com/a.mp4" },
      document: { link: "https://example.com/a.pdf", filename: "factura.pdf", caption: "Factura" },
      sticker: { id: "456" },
      location: { latitude: -34.6, longitude: -58.38, name: "Obelisco" },
      contacts: [{ name: { formatted_name: "Juan Pérez" }, phones: [{ phone: "+5491155550199" }] }],
      reaction: { message_id: "wamid.ABC", emoji: "👍" },
      interactive: { type: "list", body: { text: "Elegí" }, action: { button: "Ver", sections: [{ title: "A", rows: [{ id: "r1", title: "Uno", description: "d" }] }] } },
    };
    for (const [type, payload] of Object.entries(bodies)) {
      const res = await send({ messaging_product: "whatsapp", to: CUSTOMER, type, [type]: payload, context: { message_id: "wamid.QUOTED" } });
      expect(res.status, type).toBe(200);
    }
    expect((await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)).json.map((m: { type: string }) => m.type)).toEqual(Object.keys(bodies));
  });

  it("marks a message as read", async () => {
    const res = await send({ messaging_product: "whatsapp", status: "read", message_id: "wamid.XYZ", typing_indicator: { type: "text" } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ success: true });
  });
});

describe("Meta validation", () => {
  it("rejects a 4th reply button with 131009 naming the buttons", async () => {
    expect((await send(buttons(3))).status).toBe(200);
    const res = await send(buttons(4));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 131009, message: "(#131009) Parameter value is not valid", type: "OAuthException" });
    expect(res.json.error.error_data).toEqual({ messaging_product: "whatsapp", details: "Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3" });
  });

  it("rejects a button title over 20 characters", async () => {
    const res = await send(buttons(1, () => "x".repeat(21)));
    expect(res.json.error.code).toBe(131009);
    expect(res.json.error.error_data.details).toContain("Button title length invalid");
    expect((await send(buttons(1, () => "x".repeat(20)))).status).toBe(200);
  });

  it("enforces list limits: 11 rows, row title 25, description 73", async () => {
    const list = (rows: unknown[]) => ({
      messaging_product: "whatsapp",
      to: CUSTOMER,
      type: "interactive",
      interactive: { type: "list", body: { text: "Elegí" }, action: { button: "Ver opciones", sections: [{ title: "S", rows }] } },
    });
    const row = (i: number, title = `Fila ${i}`, description?: string) => ({ id: `r${i}`, title, ...(description ? { description } : {}) });
    expect((await send(list(Array.from({ length: 10 }, (_, i) => row(i))))).status).toBe(200);
    const cases = [
      [list(Array.from({ length: 11 }, (_, i) => row(i))), "rows count"],
      [list([row(1, "y".repeat(25))]), "Row title length"],
      [list([row(1, "ok", "d".repeat(73))]), "Row description length"],
    ] as const;
    for (const [body, details] of cases) {
      const res = await send(body);
      expect(res.json.error.code).toBe(131009);
      expect(res.json.error.error_data.details).toContain(details);
    }
  });

  it("rejects media with both id and link, audio captions, bad locations, too-long text", async () => {
    const both = await send({ messaging_product: "whatsapp", to: CUSTOMER, type: "image", image: { id: "1", link: "https://x.test/a.jpg" } });
    expect(both.json.error.code).toBe(131009);
    const audio = await send({ messaging_product: "whatsapp", to: CUSTOMER, type: "audio", audio: { id: "1", caption: "no" } });
    expect(audio.json.error.error_data.details).toContain("caption is not supported");
    const loc = await send({ messaging_product: "whatsapp", to: CUSTOMER, type: "location", location: { latitude: "-34", longitude: -58 } });
    expect(loc.json.error.code).toBe(131009);
    const long = await send(metaText(CUSTOMER, "a".repeat(4097)));
    expect(long.json.error).toMatchObject({ code: 100, message: "(#100) Param text['body'] must be at most 4096 characters long." });
    const noProduct = await send({ to: CUSTOMER, type: "text", text: { body: "x" } });
    expect(noProduct.json.error.message).toBe("(#100) The parameter messaging_product is required.");
  });
});

describe("Meta templates", () => {
  it("sends an approved built-in template and reports message_status accepted", async () => {
    const res = await send(template("job_scheduled", ["Martina", "lunes 3", "10:00", "Carlos"]));
    expect(res.status).toBe(200);
    expect(res.json.messages[0]).toMatchObject({ message_status: "accepted" });
    const inbox = (await sb.call("GET", `/_sandbox/customers/${CUSTOMER}/inbox`)).json;
    expect(inbox[0].payload.rendered).toBe("Hola Martina, tu turno quedó agendado para el lunes 3 a las 10:00. Técnico: Carlos.");
  });

  it("answers an unknown template (or wrong language) with 132001", async () => {
    for (const body of [template("no_such_template", ["x"]), { ...template("welcome", ["x"]), template: { name: "welcome", language: { code: "en_US" } } }]) {
      const res = await send(body);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: 132001, message: "(#132001) Template name does not exist in the translation" });
    }
  });

  it("answers a parameter count mismatch with 132000 and an empty parameter with 131008", async () => {
    const res = await send(template("job_scheduled", ["Martina", "lunes"]));
    expect(res.json.error).toMatchObject({ code: 132000, message: "(#132000) Number of parameters does not match the expected number of params" });
    expect(res.json.error.error_data.details).toBe("body: number of localizable_params (2) does not match the expected number of params (4)");
    const empty = await send(template("payment_confirmed", ["Martina", ""]));
    expect(empty.json.error.code).toBe(131008);
  });

  it("requires the otp_code url button parameter", async () => {
    const missing = await send(template("otp_code", ["123456"]));
    expect(missing.json.error.code).toBe(131008);
    const ok = await send(template("otp_code", ["123456"], [{ type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "123456" }] }]));
    expect(ok.status).toBe(200);
  });

  it("lists templates with Meta paging and creates one that is approved later with a webhook", async () => {
    const list = await sb.call("GET", `/meta/v24.0/${META.wabaId}/message_templates?limit=4`, { headers: bearer() });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(4);
    expect(list.json.data[0]).toMatchObject({ name: "job_scheduled", language: "es_AR", status: "APPROVED", category: "UTILITY" });
    expect(list.json.paging.cursors.after).toBeTypeOf("string");
    const next = await sb.call("GET", `/meta/v24.0/${META.wabaId}/message_templates?limit=4&after=${list.json.paging.cursors.after}`, { headers: bearer() });
    expect(next.json.data.map((t: { name: string }) => t.name)).toEqual(["welcome", "otp_code", "technician_on_the_way", "job_completed"]);

    const created = await sb.call("POST", `/meta/v24.0/${META.wabaId}/message_templates`, {
      headers: bearer(),
      json: { name: "visit_reminder", language: "es_AR", category: "UTILITY", components: [{ type: "BODY", text: "Mañana te visitamos, {{1}}." }] },
    });
    expect(created.json).toMatchObject({ status: "PENDING", category: "UTILITY" });
    expect(created.json.id).toMatch(/^\d{16}$/);
    expect((await send(template("visit_reminder", ["Ana"]))).json.error.code).toBe(132001);
    const [hook] = await receiver.waitFor((r) => r.raw.toString().includes("message_template_status_update"));
    const change = parseJson(hook!).entry[0].changes[0];
    expect(change.value).toMatchObject({ event: "APPROVED", message_template_name: "visit_reminder", message_template_id: Number(created.json.id) });
    expect((await send(template("visit_reminder", ["Ana"]))).status).toBe(200);
    const dup = await sb.call("POST", `/meta/v24.0/${META.wabaId}/message_templates`, {
      headers: bearer(),
      json: { name: "visit_reminder", language: "es_AR", category: "UTILITY", components: [{ type: "BODY", text: "x" }] },
    });
    expect(dup.json.error.error_subcode).toBe(2388024);
  });
});

describe("Meta health", () => {
  it("returns the phone number's status with the token, 190 without", async () => {
    const ok = await sb.call("GET", `/meta/v24.0/${META.phoneNumberId}`, { headers: bearer() });
    expect(ok.json).toMatchObject({ id: META.phoneNumberId, quality_rating: "GREEN", code_verification_status: "VERIFIED", platform_type: "CLOUD_API", throughput: { level: "STANDARD" } });
    expect(ok.json.display_phone_number).toBeTypeOf("string");
    const some = await sb.call("GET", `/meta/v24.0/${META.phoneNumberId}?fields=quality_rating,verified_name`, { headers: bearer() });
    expect(Object.keys(some.json).sort()).toEqual(["id", "quality_rating", "verified_name"]);
    const bad = await sb.call("GET", `/meta/v24.0/${META.phoneNumberId}`, { headers: bearer("nope") });
    expect(bad.status).toBe(401);
    expect(bad.json.error.code).toBe(190);
  });
});
