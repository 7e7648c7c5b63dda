export { addUser, parseRole } from "./add-user";
export type { AddUserInput } from "./add-user";
