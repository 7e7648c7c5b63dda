export { addUser, parseRole } from "./add-user";
export type { AddUserInput } from "./add-user";
export { updateUserAccess } from "./update-user-access";
export type { UserAccessActor, UserAccessChange } from "./update-user-access";
export { listUsers } from "./list-users";
export { setTechnicianVehicle } from "./set-technician-vehicle";
export type { TechnicianVehicle } from "./set-technician-vehicle";
