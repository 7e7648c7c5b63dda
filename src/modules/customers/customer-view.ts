import type { Prisma } from "@campotech/database";

// What the API shows of a customer. Staff recipient rows (staffUserId set) are never customers to the dashboard:
// every read goes through CUSTOMER_WHERE so a login code's recipient can't be listed, searched or opened.
export const CUSTOMER_SELECT = {
  id: true,
  name: true,
  phone: true,
  waId: true,
  profileName: true,
  address: true,
  city: true,
  email: true,
  taxDocType: true,
  taxDocNumber: true,
  ivaConditionId: true,
  notes: true,
  optedOutAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CustomerSelect;

export const CUSTOMER_WHERE = { staffUserId: null } as const satisfies Prisma.CustomerWhereInput;

export type CustomerView = Prisma.CustomerGetPayload<{ select: typeof CUSTOMER_SELECT }>;
