import { createHmac } from "node:crypto";
import type { Payload } from "./load";

const TEXTS = [
  "Hola! Se me tapó la cloaca del patio, ¿cuánto sale destaparla?",
  "Buenas, necesito instalar un split de 3000 frigorías 🙏",
  "¿Pueden venir mañana a la tarde? Hay olor a gas en la cocina",
  "Dale, te espero a las 15 hs. Timbre 3° B 😊",
  "Perdió el termotanque, está todo mojado el lavadero",
];

// Meta's wire format: non-ASCII as lowercase \uXXXX (emoji as surrogate pairs), "/" as "\/".
function metaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/\//g, "\\/");
}

/** Realistic signed Meta deliveries (text messages and status batches), all distinct so each one is a new job. */
export function metaPayloads(count: number, appSecret: string, seed: string): Payload[] {
  const payloads: Payload[] = [];
  for (let i = 0; i < count; i++) {
    const waId = `54911${String(55550000 + (i % 9000)).padStart(8, "0")}`;
    const metadata = { display_phone_number: "541152630000", phone_number_id: "100000000000001" };
    const value =
      i % 4 === 3
        ? { messaging_product: "whatsapp", metadata, statuses: [{ id: `wamid.${seed}${i}S`, status: "delivered", timestamp: String(1789478400 + i), recipient_id: waId,
            conversation: { id: `conv${i}`, origin: { type: "service" } }, pricing: { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" } }] }
        : { messaging_product: "whatsapp", metadata, contacts: [{ profile: { name: "Martina Gómez" }, wa_id: waId }],
            messages: [{ from: waId, id: `wamid.HBgN${seed}${i}`, timestamp: String(1789478400 + i), type: "text", text: { body: TEXTS[i % TEXTS.length] } }] };
    const body = Buffer.from(metaJson({ object: "whatsapp_business_account", entry: [{ id: "200000000000001", changes: [{ value, field: "messages" }] }] }));
    payloads.push({ body, signature: `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}` });
  }
  return payloads;
}
