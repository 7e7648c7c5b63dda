export { isPlatformOperator, listPlatformOperators } from "./platform-operator-access";
export type { PlatformOperatorRow } from "./platform-operator-access";
export { setPlatformOperator } from "./set-platform-operator";
export type { PlatformOperatorChange } from "./set-platform-operator";
