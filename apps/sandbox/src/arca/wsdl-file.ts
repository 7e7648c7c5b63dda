import { readFile } from "node:fs/promises";
import type { Reply, RequestContext } from "../http/types.ts";

// The hand-written WSDLs of our real client (src/integrations/arca/wsdl/ at the repository root), served by the
// sandbox when they exist. Their soap:address points at the sandbox, so a client that builds itself from this WSDL
// never posts to ARCA's real hosts.

export function wantsWsdl(ctx: RequestContext): boolean {
  return [...ctx.query.keys()].some((k) => k.toLowerCase() === "wsdl");
}

export async function wsdlReply(fileName: "wsaa.wsdl" | "wsfev1.wsdl", endpoint: string): Promise<Reply> {
  let text: string;
  try {
    text = await readFile(new URL(`../../../../src/integrations/arca/wsdl/${fileName}`, import.meta.url), "utf8");
  } catch {
    return { status: 404, text: `No existe src/integrations/arca/wsdl/${fileName} en el repositorio.`, contentType: "text/plain; charset=utf-8" };
  }
  const rewritten = text.replace(/(<(?:[\w-]+:)?address\b[^>]*\blocation=")[^"]*(")/g, `$1${endpoint}$2`);
  return { status: 200, text: rewritten, contentType: "text/xml; charset=utf-8" };
}
