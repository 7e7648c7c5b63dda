import { listInvoicesEndpoint, createInvoiceEndpoint } from "@/lib/api/endpoints/invoices";
import { toRouteHandler } from "@/lib/api/to-route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = toRouteHandler(listInvoicesEndpoint);
export const POST = toRouteHandler(createInvoiceEndpoint);
