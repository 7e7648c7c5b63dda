import { XMLParser } from "fast-xml-parser";
import { ArcaError } from "./arca-error";
import { signTra } from "./sign-tra";
import { soapCall, type SoapCallOptions } from "./soap-call";
import { buildTra } from "./tra";

export type AccessTicket = { token: string; sign: string; generationTime: Date; expirationTime: Date };

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

// WSAA loginCms for one service: TRA → CMS → SOAP → the Ticket de Acceso (token, sign, 12-hour expiry). Faults such
// as coe.alreadyAuthenticated come back as ArcaError with the fault code (get-arca-ticket.ts decides what to do).
export async function requestAccessTicket(
  input: { service: string; certificatePem: string; privateKeyPem: string; now: number },
  options: SoapCallOptions,
): Promise<AccessTicket> {
  const cms = signTra(buildTra({ service: input.service, now: input.now }), input.certificatePem, input.privateKeyPem, new Date(input.now));
  const result = await soapCall<{ loginCmsReturn?: string }>("wsaa", "loginCms", { in0: cms }, options);
  return parseTicketResponse(result.loginCmsReturn ?? "");
}

export function parseTicketResponse(xml: string): AccessTicket {
  const parsed = parser.parse(xml) as {
    loginTicketResponse?: { header?: { generationTime?: string; expirationTime?: string }; credentials?: { token?: string; sign?: string } };
  };
  const response = parsed.loginTicketResponse;
  const token = response?.credentials?.token;
  const sign = response?.credentials?.sign;
  const generationTime = new Date(response?.header?.generationTime ?? "");
  const expirationTime = new Date(response?.header?.expirationTime ?? "");
  if (!token || !sign || Number.isNaN(expirationTime.getTime())) {
    throw new ArcaError("fault", "wsaa.badResponse", "WSAA devolvió un ticket de acceso incompleto", { service: "wsaa", method: "loginCms" });
  }
  return { token, sign, generationTime: Number.isNaN(generationTime.getTime()) ? new Date() : generationTime, expirationTime };
}
