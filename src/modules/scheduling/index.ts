export { argentineHolidays } from "./argentine-holidays";
export { findFreeSlots } from "./find-free-slots";
export type { FreeSlotsInput, Interval, WorkingHours } from "./find-free-slots";
