import { z } from "zod";
import { mpDate } from "./mp-time.ts";

// MercadoPago users that can link their account to our application (sellers, "vendedores"). Restored on reset.

export type Seller = {
  id: number;
  nickname: string;
  email: string;
  firstName: string;
  lastName: string;
  /** Shown to the paying customer on the checkout page. */
  businessName: string;
  identification: { type: string; number: string };
  builtIn: boolean;
};

export const MERCADOPAGO_SELLERS = {
  /** The demo organization's seller. */
  demo: 123456789,
  gas: 223456789,
  electricity: 323456789,
} as const;

export function builtInSellers(): Seller[] {
  return [
    {
      id: MERCADOPAGO_SELLERS.demo,
      nickname: "DELSUR_PLOMERIA",
      email: "test_user_123456789@testuser.com",
      firstName: "Martín",
      lastName: "Ibarra",
      businessName: "Del Sur Plomería",
      identification: { type: "CUIT", number: "30712345671" },
      builtIn: true,
    },
    {
      id: MERCADOPAGO_SELLERS.gas,
      nickname: "GASISTA_NORTE",
      email: "test_user_223456789@testuser.com",
      firstName: "Carla",
      lastName: "Quiroga",
      businessName: "Gas Norte",
      identification: { type: "CUIT", number: "20267565393" },
      builtIn: true,
    },
    {
      id: MERCADOPAGO_SELLERS.electricity,
      nickname: "ELECTRO_OESTE",
      email: "test_user_323456789@testuser.com",
      firstName: "Julián",
      lastName: "Ferreyra",
      businessName: "Electricidad Oeste",
      identification: { type: "CUIT", number: "27234567891" },
      builtIn: true,
    },
  ];
}

export const addSellerSchema = z
  .object({
    id: z.number().int().min(1000).max(9_999_999_999).optional(),
    nickname: z.string().regex(/^[A-Z0-9_]{3,40}$/, "nickname como los de MercadoPago: MAYÚSCULAS, números y _"),
    email: z.email().optional(),
    firstName: z.string().min(1).max(60).default("Vendedor"),
    lastName: z.string().min(1).max(60).default("de Prueba"),
    businessName: z.string().min(1).max(80).optional(),
    identification: z.object({ type: z.enum(["CUIT", "DNI"]), number: z.string().regex(/^\d{7,11}$/) }).optional(),
  })
  .strict();

export function sellerFromInput(input: z.infer<typeof addSellerSchema>, id: number): Seller {
  return {
    id,
    nickname: input.nickname,
    email: input.email ?? `test_user_${id}@testuser.com`,
    firstName: input.firstName,
    lastName: input.lastName,
    businessName: input.businessName ?? input.nickname,
    identification: input.identification ?? { type: "DNI", number: String(id).slice(-8).padStart(8, "2") },
    builtIn: false,
  };
}

/** GET /users/me: the fields MercadoPago's users API answers that a marketplace reads (test users carry "test_user"). */
export function userView(seller: Seller): Record<string, unknown> {
  return {
    id: seller.id,
    nickname: seller.nickname,
    registration_date: mpDate(Date.UTC(2024, 2, 4, 13, 0, 0)),
    first_name: seller.firstName,
    last_name: seller.lastName,
    gender: "",
    country_id: "AR",
    email: seller.email,
    identification: seller.identification,
    address: { address: null, city: null, state: null, zip_code: null },
    phone: { area_code: null, number: null, extension: "", verified: false },
    alternative_phone: { area_code: "", number: "", extension: "" },
    user_type: "normal",
    tags: ["normal", "test_user"],
    logo: null,
    points: 0,
    site_id: "MLA",
    permalink: `http://perfil.mercadolibre.com.ar/${seller.nickname}`,
    seller_experience: "NEWBIE",
    status: { site_status: "active" },
    company: { brand_name: seller.businessName },
  };
}

/** Control API view. */
export function sellerView(seller: Seller): Record<string, unknown> {
  return { ...seller };
}
