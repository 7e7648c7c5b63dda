// The invoicing jobs' names, in a file that imports nothing: the job catalog and the code that enqueues import it
// from both sides, and a name read mid-cycle would be undefined.
export const AUTHORIZE_INVOICE_JOB = "invoicing.authorize-invoice";
export const DELIVER_INVOICE_JOB = "invoicing.deliver-invoice";
