import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { authorizeInvoice } from "../../modules/invoicing/authorize-invoice";
import { enqueueInvoiceDelivery } from "../../modules/invoicing/enqueue-invoice-jobs";
import { defaultInvoicingDeps } from "../../modules/invoicing/invoicing-deps";
import { AUTHORIZE_INVOICE_JOB } from "../../modules/invoicing/invoice-job-names";
import { defineJob } from "../define-job";

// One invoice to ARCA. Waiting (ARCA down, the point of sale busy, a retry schedule) is a DelayJob; a configuration
// problem (no certificate, no point of sale) fails for good with its Spanish reason on the invoice, until the office
// fixes it and presses "Reintentar". An authorized invoice goes on to its PDF and delivery.
export const invoicingAuthorizeInvoice = defineJob({
  name: AUTHORIZE_INVOICE_JOB,
  queue: "invoicing",
  schema: z.object({ organizationId: z.string().min(1), invoiceId: z.string().min(1) }),
  defaults: { attempts: 5, backoff: { type: "exponential", delay: 5_000 } },
  async handler(payload, ctx) {
    try {
      const result = await authorizeInvoice(payload, defaultInvoicingDeps());
      ctx.logger.info({ ...payload, ...result }, "invoice authorization");
      if (result.outcome === "authorized") await enqueueInvoiceDelivery(payload);
      return result;
    } catch (error) {
      if (error instanceof AppError && error.status < 500) throw new UnrecoverableError(error.message);
      throw error;
    }
  },
});
