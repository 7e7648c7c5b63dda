import type { TenantTx } from "../../lib/db";
import { assistantSettings } from "../assistant/assistant-settings";

export type OnboardingStepKey = "whatsapp" | "team" | "priceList" | "hours" | "arca" | "mercadopago";
export type OnboardingStep = { key: OnboardingStepKey; title: string; description: string; href: string; done: boolean };
export type OnboardingChecklist = {
  steps: OnboardingStep[];
  doneCount: number;
  total: number;
  dismissedAt: Date | null;
  // Shown on the dashboard home until it is dismissed or every step is done.
  visible: boolean;
};

// Where each step is done. The WhatsApp number wizard lives at #numero on /panel/whatsapp; business hours are part of
// the assistant's settings on the same page (its heading is #assistant-h).
const STEPS: Record<OnboardingStepKey, Omit<OnboardingStep, "key" | "done">> = {
  whatsapp: { title: "Conectá tu número de WhatsApp", description: "Para recibir y contestar los mensajes de tus clientes desde CampoTech.", href: "/panel/whatsapp#numero" },
  team: { title: "Sumá a tu equipo", description: "Invitá a tus técnicos y a quien atiende la oficina.", href: "/panel/equipo" },
  priceList: { title: "Cargá tu lista de precios", description: "El asistente la usa para pasar presupuestos.", href: "/panel/precios" },
  hours: { title: "Definí tus horarios de atención", description: "Para agendar visitas y saber cuándo contesta el asistente.", href: "/panel/whatsapp#assistant-h" },
  arca: { title: "Conectá ARCA para facturar", description: "Instalá el certificado para emitir facturas con CAE.", href: "/panel/arca" },
  mercadopago: { title: "Conectá MercadoPago", description: "Para mandar links de pago y enterarte cuando te pagan.", href: "/panel/cobros/mercadopago" },
};

// Progress is computed from the data every time (never stored), so a step done anywhere — dashboard, CLI, an
// operator — shows as done, and a step undone (a number released, a connection revoked) shows as pending again.
export async function getOnboardingChecklist(tx: TenantTx, organizationId: string, now: Date = new Date()): Promise<OnboardingChecklist> {
  // One after another: queries inside one transaction share its connection anyway.
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { settings: true, onboardingDismissedAt: true } });
  const whatsapp = await tx.whatsAppBusinessAccount.count({ where: { organizationId, provisioningStatus: "ACTIVE" } });
  const activeUsers = await tx.user.count({ where: { organizationId, isActive: true } });
  const pendingInvitations = await tx.teamInvitation.count({ where: { organizationId, status: "PENDING", expiresAt: { gt: now } } });
  const priceItems = await tx.priceListItem.count({ where: { organizationId } });
  const schedules = await tx.technicianSchedule.findMany({ where: { organizationId, user: { isActive: true } }, select: { workingHours: true } });
  const arca = await tx.arcaConnection.findUnique({ where: { organizationId }, select: { certificatePem: true } });
  const mercadoPago = await tx.mercadoPagoConnection.findUnique({ where: { organizationId }, select: { status: true } });
  const businessHours = assistantSettings(organization.settings).businessHours;
  const done: Record<OnboardingStepKey, boolean> = {
    whatsapp: whatsapp > 0,
    // The owner alone is not a team: someone else active, or an invitation on its way.
    team: activeUsers > 1 || pendingInvitations > 0,
    priceList: priceItems > 0,
    hours: Object.keys(businessHours).length > 0 || schedules.some((s) => hasHours(s.workingHours)),
    arca: !!arca?.certificatePem,
    mercadopago: mercadoPago?.status === "ACTIVE",
  };
  const steps = (Object.keys(STEPS) as OnboardingStepKey[]).map((key) => ({ key, ...STEPS[key], done: done[key] }));
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, dismissedAt: organization.onboardingDismissedAt, visible: !organization.onboardingDismissedAt && doneCount < steps.length };
}

// TechnicianSchedule.workingHours: { "1": [["08:00","13:00"]], … }; an empty object or only empty days is unset.
function hasHours(workingHours: unknown): boolean {
  if (!workingHours || typeof workingHours !== "object") return false;
  return Object.values(workingHours).some((ranges) => Array.isArray(ranges) && ranges.length > 0);
}
