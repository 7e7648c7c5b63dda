import { randomInt } from "node:crypto";
import { hashOtp, otpMatches } from "../auth/auth-secrets";

// An invitation is accepted days later, from a phone that may never have used CampoTech: long validity, but few
// tries per code (the code is short) and a cap on how many codes one invitation may send.
export const INVITATION_TTL_MS = 72 * 3600_000;
export const INVITATION_MAX_ATTEMPTS = 5;
export const INVITATION_MAX_SENDS = 5;

// Keyed with the same derived key as login codes but a distinct subject, so an invitation code never works as a
// login code for the same phone (or the other way round).
const subjectOf = (organizationId: string, phone: string) => `team-invite:${organizationId}:${phone}`;

export function newInvitationCode(organizationId: string, phone: string): { code: string; codeHash: string } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  return { code, codeHash: hashOtp(subjectOf(organizationId, phone), code) };
}

export function invitationCodeMatches(invitation: { organizationId: string; phone: string; codeHash: string }, code: string): boolean {
  return otpMatches(invitation.codeHash, subjectOf(invitation.organizationId, invitation.phone), code);
}
