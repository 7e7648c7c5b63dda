import type { PaymentStatus } from "./state.ts";

// MercadoPago's test card holder names ("Nombre y apellido del titular") and the result each one produces. CONT is
// documented as "pendiente de pago"; for cards the API reports it as in_process/pending_contingency.

export type TestCardName = "APRO" | "OTHE" | "CONT" | "CALL" | "FUND" | "SECU" | "EXPI" | "FORM";

export const TEST_CARDS: Record<TestCardName, { status: PaymentStatus; statusDetail: string; label: string }> = {
  APRO: { status: "approved", statusDetail: "accredited", label: "Pago aprobado" },
  OTHE: { status: "rejected", statusDetail: "cc_rejected_other_reason", label: "Rechazado por error general" },
  CONT: { status: "in_process", statusDetail: "pending_contingency", label: "Pago pendiente" },
  CALL: { status: "rejected", statusDetail: "cc_rejected_call_for_authorize", label: "Rechazado: hay que autorizarlo con el banco" },
  FUND: { status: "rejected", statusDetail: "cc_rejected_insufficient_amount", label: "Rechazado por fondos insuficientes" },
  SECU: { status: "rejected", statusDetail: "cc_rejected_bad_filled_security_code", label: "Rechazado por código de seguridad inválido" },
  EXPI: { status: "rejected", statusDetail: "cc_rejected_bad_filled_date", label: "Rechazado por la fecha de vencimiento" },
  FORM: { status: "rejected", statusDetail: "cc_rejected_bad_filled_other", label: "Rechazado por un error en los datos" },
};

export const TEST_CARD_NAMES = Object.keys(TEST_CARDS) as TestCardName[];

export function isTestCardName(value: unknown): value is TestCardName {
  return typeof value === "string" && value in TEST_CARDS;
}

/** Argentina's Mastercard test card (credit), the one every sandbox payment is made with. */
export const TEST_CARD = { paymentMethodId: "master", paymentTypeId: "credit_card", issuerId: "3", firstSix: "503175", lastFour: "0604", expirationMonth: 11, expirationYear: 2030 };
