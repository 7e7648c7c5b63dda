import type { OutboundContent } from "../../contracts/whatsapp";
import { decryptJson, encryptJson } from "../../lib/crypto";

// Login codes must never be readable from our own database: not by an owner reading the dead-letter list, not by
// an admin of another organization whose number carried the code, not by an operator's CLI. The message row keeps
// a redacted copy (what the inbox, the API and the CLI show); the real content travels sealed with the credentials
// keyring on the delivery row, only the delivery worker opens it, and it is erased when it expires.
export const SECRET_MASK = "••••••";

export type SealedContent = { content: OutboundContent; preview: string };

export function sealContent(value: SealedContent): string {
  return encryptJson(value);
}

export function unsealContent(sealed: string): SealedContent {
  return decryptJson<SealedContent>(sealed);
}

// Every text parameter of a template is the secret (the code, its copy button); a free-form message is secret as a
// whole. The preview is masked wherever a secret appears in it.
export function redactContent(content: OutboundContent, preview: string): { content: OutboundContent; preview: string } {
  if (content.type !== "template") {
    return { content: { type: "text", body: `[${SECRET_MASK}]` } as OutboundContent, preview: `Mensaje de acceso (${SECRET_MASK})` };
  }
  const secrets = new Set<string>();
  const components = (content.components ?? []).map((component) => ({
    ...component,
    parameters: component.parameters.map((parameter) => {
      if (!("text" in parameter) || typeof parameter.text !== "string") return parameter;
      secrets.add(parameter.text);
      return { ...parameter, text: SECRET_MASK };
    }),
  }));
  let masked = preview;
  // Longest first, so a secret that contains another is masked whole.
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) masked = masked.split(secret).join(SECRET_MASK);
  return { content: { ...content, components } as OutboundContent, preview: masked };
}
