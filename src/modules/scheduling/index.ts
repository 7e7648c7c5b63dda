export { argentineHolidays } from "./argentine-holidays";
export { findFreeSlots } from "./find-free-slots";
export type { FreeSlotsInput, Interval, WorkingHours } from "./find-free-slots";
export { getAvailability } from "./get-availability";
export type { AvailabilityInput, TechnicianAvailability } from "./get-availability";
