import { closeSharedRedis, sharedRedis } from "@campotech/core/lib/redis";
import { connectSandboxSeller, defaultPaymentsRedis, reconcilePaymentLinks, refusedMercadoPagoWebhooks, type RefusalReason } from "@campotech/core/modules/payments";
import { optional, required, UsageError, type Command } from "../command";

const REASONS: Record<RefusalReason, string> = {
  missing: "sin x-signature",
  malformed: "x-signature mal formada",
  stale: "ts fuera de los 5 minutos",
  mismatch: "firma que no coincide",
  replayed: "repetidas (replay)",
};

export const mercadoPagoCommands: Command[] = [
  {
    path: ["mercadopago", "sandbox-connect"],
    summary: "Solo desarrollo: vincula la organización con un vendedor del sandbox de MercadoPago (OAuth sin navegador)",
    usage: "campotech mercadopago sandbox-connect --org <id> [--seller 123456789]",
    options: { org: { type: "string" }, seller: { type: "string" } },
    async run(values) {
      const seller = optional(values, "seller") ?? "123456789";
      if (!/^\d{1,20}$/.test(seller)) throw new UsageError("--seller es el user_id numérico del vendedor del sandbox");
      return connectSandboxSeller(required(values, "org"), seller);
    },
    human: (r: { mpUserId: string; nickname: string | null }) => `MercadoPago vinculado: ${r.nickname ?? "(sin apodo)"} (user_id ${r.mpUserId})`,
  },
  {
    path: ["mercadopago", "webhooks"],
    summary: "Cuántas notificaciones de MercadoPago se rechazaron, por motivo",
    usage: "campotech mercadopago webhooks [--json]",
    options: {},
    async run() {
      try {
        return await refusedMercadoPagoWebhooks(sharedRedis());
      } finally {
        await closeSharedRedis();
      }
    },
    human: (counts: Record<RefusalReason, number>) => (Object.keys(REASONS) as RefusalReason[]).map((r) => `  ${String(counts[r]).padStart(6)}  ${REASONS[r]}`).join("\n"),
  },
  {
    path: ["mercadopago", "reconcile"],
    summary: "Pregunta ya a MercadoPago por los links abiertos y los pagos pendientes (lo que hace el worker cada 5 minutos)",
    usage: "campotech mercadopago reconcile [--json]",
    options: {},
    async run() {
      const redis = defaultPaymentsRedis();
      try {
        return await reconcilePaymentLinks(redis);
      } finally {
        await redis.quit();
      }
    },
    human: (p: { links: number; payments: number; applied: number; expired: number; failed: number }) =>
      `Links revisados: ${p.links} · pagos leídos: ${p.payments} · cambios aplicados: ${p.applied} · links vencidos: ${p.expired} · organizaciones con error: ${p.failed}`,
  },
];
