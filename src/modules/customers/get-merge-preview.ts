import type { TenantTx } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { type CustomerView } from "./customer-view";
import { getCustomerOrThrow } from "./get-customer-or-throw";

export type CustomerHoldings = {
  conversations: number;
  messages: number;
  jobs: number;
  leads: number;
  invoices: number;
  paymentLinks: number;
  payments: number;
  addresses: number;
};

export type MergePreview = { customers: [CustomerView & { holdings: CustomerHoldings }, CustomerView & { holdings: CustomerHoldings }] };

export async function countCustomerHoldings(tx: TenantTx, customerId: string): Promise<CustomerHoldings> {
  const where = { customerId };
  const [conversations, messages, jobs, leads, invoices, paymentLinks, payments, addresses] = await Promise.all([
    tx.whatsAppConversation.count({ where }),
    tx.whatsAppMessage.count({ where: { conversation: { customerId } } }),
    tx.job.count({ where }),
    tx.lead.count({ where }),
    tx.invoice.count({ where }),
    tx.paymentLink.count({ where }),
    tx.payment.count({ where }),
    tx.customerAddress.count({ where }),
  ]);
  return { conversations, messages, jobs, leads, invoices, paymentLinks, payments, addresses };
}

// The two customers side by side with what each one owns: what the merge screen shows before "Unir".
export async function getMergePreview(tx: TenantTx, firstId: string, secondId: string): Promise<MergePreview> {
  if (firstId === secondId) throw new AppError("VALIDATION_FAILED", { message: "Elegí dos clientes distintos para unir." });
  const load = async (id: string) => {
    const customer = await getCustomerOrThrow(tx, id);
    return { ...customer, holdings: await countCustomerHoldings(tx, id) };
  };
  return { customers: [await load(firstId), await load(secondId)] };
}
