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
  tags: true,
  mergedIntoId: true,
  mergedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CustomerSelect;

export const CUSTOMER_WHERE = { staffUserId: null } as const satisfies Prisma.CustomerWhereInput;

// Lists and searches also leave out rows merged into another customer: only the survivor is someone to pick.
// A merged row can still be opened by id (its page points at the survivor).
export const ACTIVE_CUSTOMER_WHERE = { staffUserId: null, mergedIntoId: null } as const satisfies Prisma.CustomerWhereInput;

export type CustomerView = Prisma.CustomerGetPayload<{ select: typeof CUSTOMER_SELECT }>;
