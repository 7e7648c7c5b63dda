import type { Prisma } from "@campotech/database";

export const CUSTOMER_ADDRESS_SELECT = {
  id: true,
  label: true,
  street: true,
  floorApartment: true,
  locality: true,
  references: true,
  isDefault: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.CustomerAddressSelect;

export type CustomerAddressView = Prisma.CustomerAddressGetPayload<{ select: typeof CUSTOMER_ADDRESS_SELECT }>;

export type CustomerAddressFields = {
  label?: string | null;
  street: string;
  floorApartment?: string | null;
  locality?: string | null;
  references?: string | null;
};

// "Av. Corrientes 1234, 3° B": what Customer.address (and a new job's address) reads.
export function addressLine(a: { street: string; floorApartment?: string | null }): string {
  return a.floorApartment ? `${a.street}, ${a.floorApartment}` : a.street;
}
