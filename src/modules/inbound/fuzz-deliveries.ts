import { NUMBERS } from "./inbound-test-kit";

// Test-only generator for the webhook fuzz test (webhook-fuzz.int.test.ts): deterministic (seeded) deliveries of
// every provider's shape, each item mutated the ways a provider legitimately can (NUL, lone surrogates, huge
// fields, absurd or missing timestamps, long ids, unknown types), with what we expect to be stored for it.

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

// [raw text, what must be stored]
const TEXTS: ((i: number) => [string, string])[] = [
  (i) => [`Hola, se me rompió el calefón ${i}`, `Hola, se me rompió el calefón ${i}`],
  (i) => [`Ho\u0000la ${i}\u0000`, `Hola ${i}`],
  (i) => [`roto \ud800 ${i} \udfff`, `roto \ufffd ${i} \ufffd`],
  (i) => [`😊🔧 ${i} ñandú`, `😊🔧 ${i} ñandú`],
  (i) => [`ctrl \u0001\u001f\u007f ${i}`, `ctrl \u0001\u001f\u007f ${i}`],
  (i) => [`${i}`.padEnd(70_000, "x"), `${i}`.padEnd(65_536, "x")],
  () => ["", ""],
  (i) => [`\u0000\ud83d${i}`, `\ufffd${i}`],
];

const GOOD_TS = Math.floor(new Date("2026-11-20T12:00:00Z").getTime() / 1000);
// [raw timestamp, true if believable]
const TIMESTAMPS: [unknown, boolean][] = [
  [String(GOOD_TS), true],
  [GOOD_TS + 60, true],
  [undefined, false],
  ["abc", false],
  ["99999999999999999999", false],
  ["1e30", false],
  ["-5", false],
  ["0", false],
  [String(Math.floor(new Date("2001-01-01T00:00:00Z").getTime() / 1000)), false],
  [String(Math.floor(Date.now() / 1000) + 365 * 86400), false],
  [null, false],
  [{ nested: true }, false],
];

export type ExpectedMessage = { id: string; body?: string; timestampMs?: number };
export type ExpectedStatus = { id: string };
export type FuzzDelivery =
  | { provider: "META_DIRECT" | "DIALOG_360"; raw: string; messages: ExpectedMessage[]; statuses: ExpectedStatus[]; malformed: boolean }
  | { provider: "TWILIO"; kind: "message" | "status"; fields: Record<string, string>; messages: ExpectedMessage[]; statuses: ExpectedStatus[]; malformed: false };

function messageId(rng: Rng, base: string): [string, string] {
  const roll = rng();
  if (roll < 0.1) return [`${base}\u0000`, base];
  if (roll < 0.15) return [base.padEnd(1_000, "z"), base.padEnd(256, "z")];
  return [base, base];
}

function metaMessage(rng: Rng, id: string, caseNo: number): { json: Record<string, unknown>; expected: ExpectedMessage } {
  const [ts, believable] = pick(rng, TIMESTAMPS);
  const [rawId, expectedId] = messageId(rng, id);
  const base = { from: "5491155550123", id: rawId, ...(ts === undefined ? {} : { timestamp: ts }) };
  const timestampMs = believable ? Number(ts) * 1000 : undefined;
  const kind = rng();
  if (kind < 0.7) {
    const [text, body] = pick(rng, TEXTS)(caseNo);
    return { json: { ...base, type: "text", text: { body: text } }, expected: { id: expectedId, body, ...(timestampMs ? { timestampMs } : {}) } };
  }
  const [text] = pick(rng, TEXTS)(caseNo);
  const others: Record<string, unknown>[] = [
    { type: "location", location: { latitude: pick(rng, [-34.6, "abc", null, 1e308]), longitude: -58.4, name: text.slice(0, 5_000) } },
    { type: "interactive", interactive: { type: "button_reply", button_reply: { id: text.slice(0, 300), title: text.slice(0, 300) } } },
    { type: "image", image: { id: `m-${caseNo}`, mime_type: "image/jpeg", sha256: "abc", caption: text } },
    { type: `brand_new_${caseNo % 3}`, [`brand_new_${caseNo % 3}`]: { weird: text.slice(0, 100) } },
    { type: "unsupported", unsupported: { type: "edit\u0000" }, errors: [{ code: 131051, title: text.slice(0, 200) }] },
  ];
  return { json: { ...base, ...pick(rng, others) }, expected: { id: expectedId, ...(timestampMs ? { timestampMs } : {}) } };
}

function metaDeliveryCase(rng: Rng, provider: "META_DIRECT" | "DIALOG_360", n: number, caseNo: number): FuzzDelivery {
  const numbers = provider === "META_DIRECT" ? NUMBERS.meta : NUMBERS.dialog360;
  if (rng() < 0.02) {
    // An envelope the acceptance path must refuse (kept as rejected, answered 4xx), never a 5xx.
    return { provider, raw: pick(rng, ["[]", "{\"object\":\"whatsapp_business_account\"}", "not json\u0000", "{\"entry\":{}}"]), messages: [], statuses: [], malformed: true };
  }
  const messages: ExpectedMessage[] = [];
  const json: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const m = metaMessage(rng, `wamid.fz-${provider}-${caseNo}-${i}`, caseNo);
    json.push(m.json);
    messages.push(m.expected);
  }
  const statuses: ExpectedStatus[] = [];
  const statusJson: Record<string, unknown>[] = [];
  if (rng() < 0.3) {
    const [ts] = pick(rng, TIMESTAMPS);
    const id = `wamid.out-${provider}-${caseNo}`;
    statusJson.push({ id, status: pick(rng, ["sent", "delivered", "read", "failed"]), timestamp: ts, recipient_id: "5491155550123", errors: rng() < 0.5 ? [{ code: 131026, title: "Ni\u0000ck \ud800" }] : undefined });
    statuses.push({ id });
  }
  const [profile] = pick(rng, TEXTS)(caseNo);
  const value = {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: numbers.display, phone_number_id: numbers.phoneNumberId },
    contacts: [{ profile: { name: profile.slice(0, 2_000) }, wa_id: "5491155550123" }],
    messages: json,
    ...(statusJson.length ? { statuses: statusJson } : {}),
    ...(rng() < 0.05 ? { errors: [{ code: 130429, title: "Rate\u0000 limit", error_data: { details: "\ud800" } }] } : {}),
  };
  const raw = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "200000000000001", changes: [{ field: "messages", value }] }] });
  return { provider, raw: raw.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`), messages, statuses, malformed: false };
}

function twilioCase(rng: Rng, caseNo: number): FuzzDelivery {
  const [rawId, id] = messageId(rng, `SMfz${caseNo}`);
  if (rng() < 0.25) {
    const fields = { MessageSid: rawId, AccountSid: "AC00000000000000000000000000000000", MessageStatus: pick(rng, ["sent", "delivered", "read", "undelivered"]), From: `whatsapp:+${NUMBERS.twilio.display}`, To: "whatsapp:+5491155550123", ErrorMessage: "x\u0000\ud800" };
    return { provider: "TWILIO", kind: "status", fields, messages: [], statuses: [{ id }], malformed: false };
  }
  const [text, body] = pick(rng, TEXTS)(caseNo);
  const fields = {
    MessageSid: rawId, AccountSid: "AC00000000000000000000000000000000", From: "whatsapp:+5491155550123", To: `whatsapp:+${NUMBERS.twilio.display}`,
    Body: text, NumMedia: "0", WaId: "5491155550123", ProfileName: pick(rng, TEXTS)(caseNo)[0].slice(0, 1_000),
  };
  // URL-encoding already turns a lone surrogate into U+FFFD, which is what sanitising gives too.
  return { provider: "TWILIO", kind: "message", fields, messages: [{ id, body }], statuses: [], malformed: false };
}

/** Deliveries for about `cases` items across the three providers. */
export function fuzzDeliveries(seed: number, cases: number): FuzzDelivery[] {
  const rng = seededRng(seed);
  const out: FuzzDelivery[] = [];
  let items = 0;
  for (let caseNo = 0; items < cases; caseNo++) {
    const roll = rng();
    const d = roll < 0.4 ? metaDeliveryCase(rng, "META_DIRECT", 1 + Math.floor(rng() * 4), caseNo)
      : roll < 0.7 ? metaDeliveryCase(rng, "DIALOG_360", 1 + Math.floor(rng() * 4), caseNo)
      : twilioCase(rng, caseNo);
    items += Math.max(1, d.messages.length + d.statuses.length);
    out.push(d);
  }
  return out;
}
