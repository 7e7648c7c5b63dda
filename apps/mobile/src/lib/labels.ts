import type { SyncJobStatus, SyncServiceType, SyncUrgency } from "@campotech/core/contracts/sync";

export const SERVICE_LABELS: Record<SyncServiceType, string> = {
  PLUMBING: "Plomería",
  GAS: "Gas",
  ELECTRICAL: "Electricidad",
  HVAC: "Aire acondicionado",
  DRAINAGE: "Destapaciones",
  GENERAL: "General",
};

export const URGENCY_LABELS: Record<SyncUrgency, string> = { EMERGENCY: "EMERGENCIA", HIGH: "Alta", NORMAL: "Normal" };

// The button that asks for each move (the server decides; the state machine gives allowedTransitions).
export const TRANSITION_ACTIONS: Partial<Record<SyncJobStatus, string>> = {
  en_camino: "Salgo para allá",
  working: "Llegué, empiezo",
  completed: "Terminé el trabajo",
  cancelled: "Cancelar",
};
