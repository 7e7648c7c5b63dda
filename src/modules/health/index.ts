export { checkHealth, healthFailureReason } from "./check-health";
export type { DependencyState, HealthReport } from "./check-health";
export { checkRedisDurability, warnIfRedisNotDurable } from "./check-redis-durability";
export type { RedisDurability } from "./check-redis-durability";
