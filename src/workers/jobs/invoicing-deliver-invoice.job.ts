import { z } from "zod";
import { deliverInvoice } from "../../modules/invoicing/deliver-invoice";
import { DELIVER_INVOICE_JOB } from "../../modules/invoicing/invoice-job-names";
import { defineJob } from "../define-job";

// The authorized invoice's PDF, rendered and stored, then sent to the customer on WhatsApp and by email.
export const invoicingDeliverInvoice = defineJob({
  name: DELIVER_INVOICE_JOB,
  queue: "invoicing",
  schema: z.object({ organizationId: z.string().min(1), invoiceId: z.string().min(1) }),
  async handler(payload, ctx) {
    const result = await deliverInvoice(payload);
    ctx.logger.info({ ...payload, ...result }, "invoice delivered");
    return result;
  },
});
