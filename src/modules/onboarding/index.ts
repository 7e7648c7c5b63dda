export { getOnboardingChecklist } from "./get-onboarding-checklist";
export type { OnboardingChecklist, OnboardingStep, OnboardingStepKey } from "./get-onboarding-checklist";
export { dismissOnboarding } from "./dismiss-onboarding";
