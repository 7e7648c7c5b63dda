export { requestSignupCode } from "./request-signup-code";
export type { SignupDeps } from "./request-signup-code";
export { completeSignup } from "./complete-signup";
export type { SignupResult } from "./complete-signup";
export { IVA_CONDITIONS, SIGNUP_PLANS, signupFormSchema, TRADES } from "./signup-form";
export type { SignupForm } from "./signup-form";
export { MAX_ORGANIZATIONS_PER_SIGNUP_PHONE, SIGNUP_LIMITS, TRIAL_DAYS } from "./signup-limits";
export { TRADE_PRICE_SUGGESTIONS } from "./trade-price-suggestions";
