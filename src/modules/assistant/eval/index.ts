export { EVAL_HOLDOUT_PATH, EVAL_MESSAGES_PATH } from "./eval-paths";
export { EVAL_PRICE_LIST } from "./eval-price-list";
export { formatEvaluationReport } from "./format-evaluation-report";
export { evalCaseSchema, loadEvalCases } from "./load-eval-cases";
export type { EvalCase } from "./load-eval-cases";
export { EVAL_DEFAULT_NOW, EVAL_DEFAULT_SLOTS, EVAL_TARGETS, runEvaluation } from "./run-eval";
export type { EntityMiss, EvalDeps, EvalMiss, EvaluationReport } from "./run-eval";
export { formatEngineComparison } from "./format-engine-comparison";
