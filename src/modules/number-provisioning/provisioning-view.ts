import { forPeople, MAX_CODE_ATTEMPTS, MAX_RESENDS, maskPhone, RESEND_COOLDOWN_MS, type NumberProvisioning, type NumberProvisioningStatus } from "./provisioning-record";

export type ProvisioningView = {
  id: string | null;
  status: NumberProvisioningStatus;
  areaCode: string | null;
  phoneNumber: string | null;
  phoneNumberDisplay: string | null;
  reservedUntil: Date | null;
  verificationPhone: string | null;
  verificationSentAt: Date | null;
  verificationExpiresAt: Date | null;
  attemptsLeft: number;
  resendsLeft: number;
  resendAvailableAt: Date | null;
  accountId: string | null;
  activatedAt: Date | null;
  suspendedAt: Date | null;
  releasedAt: Date | null;
  lastError: string | null;
};

// What the dashboard, the API and the CLI show. The verification phone is masked; codes are never stored here.
export function toProvisioningView(row: NumberProvisioning | null): ProvisioningView {
  if (!row) {
    return {
      id: null, status: "NOT_STARTED", areaCode: null, phoneNumber: null, phoneNumberDisplay: null, reservedUntil: null, verificationPhone: null,
      verificationSentAt: null, verificationExpiresAt: null, attemptsLeft: MAX_CODE_ATTEMPTS, resendsLeft: MAX_RESENDS, resendAvailableAt: null,
      accountId: null, activatedAt: null, suspendedAt: null, releasedAt: null, lastError: null,
    };
  }
  return {
    id: row.id,
    status: row.status,
    areaCode: row.areaCode,
    phoneNumber: row.phoneNumber,
    phoneNumberDisplay: forPeople(row.phoneNumber),
    reservedUntil: row.reservedUntil,
    verificationPhone: maskPhone(row.verificationPhone),
    verificationSentAt: row.verificationSentAt,
    verificationExpiresAt: row.verificationExpiresAt,
    attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - row.verificationAttempts),
    resendsLeft: Math.max(0, MAX_RESENDS - row.resendCount),
    resendAvailableAt: row.verificationSentAt ? new Date(row.verificationSentAt.getTime() + RESEND_COOLDOWN_MS) : null,
    accountId: row.accountId,
    activatedAt: row.activatedAt,
    suspendedAt: row.suspendedAt,
    releasedAt: row.releasedAt,
    lastError: row.lastError,
  };
}
