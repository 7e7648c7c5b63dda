import { checkTraWindow, readTra } from "./read-tra.ts";
import { cuitOfSubject } from "./sandbox-ca.ts";
import type { ArcaState } from "./state.ts";
import { blockingTicket, issueTicket, javaDn, loginTicketResponseXml } from "./tickets.ts";
import { verifyLoginCms } from "./verify-cms.ts";

// WSAA's loginCms: verify the CMS and its TRA, apply the reuse rule, issue a TA. Returns the loginTicketResponse XML
// or the WSAA fault code and faultstring.

export type LoginCmsResult = { ok: true; loginTicketResponse: string } | { ok: false; code: string; message: string };

export function loginCms(state: ArcaState, in0: string, options: { now: number; ticketTtlMs: number; preventiveWindowMs: number }): LoginCmsResult {
  const { now } = options;
  const cms = verifyLoginCms(in0, now);
  if (!cms.ok) return { ok: false, code: cms.fault.code, message: cms.fault.message };
  const read = readTra(cms.content);
  if (!read.ok) return { ok: false, code: read.fault.code, message: read.fault.message };
  const window = checkTraWindow(read.tra, now);
  if (window) return { ok: false, code: window.code, message: window.message };
  const cuit = cuitOfSubject(cms.cert.subject);
  // The sandbox authorizes every certificate it issued for wsfe, and nothing else.
  if (read.tra.service !== "wsfe" || !cuit) return { ok: false, code: "coe.notAuthorized", message: "Computador no autorizado a acceder al servicio" };
  const subject = javaDn(cms.cert.subject.attributes);
  if (blockingTicket(state, subject, read.tra.service, now, options.preventiveWindowMs)) {
    return { ok: false, code: "coe.alreadyAuthenticated", message: "El CEE ya posee un TA valido para el acceso al WSN solicitado" };
  }
  const ticket = issueTicket(state, { cuit, subject, service: read.tra.service, certificateSerial: cms.cert.serialNumber, now, ttlMs: options.ticketTtlMs });
  return { ok: true, loginTicketResponse: loginTicketResponseXml(ticket) };
}
