// The payments jobs' names, in a file that imports nothing (the job catalog and the code that enqueues import it from
// both sides).
export const PROCESS_MERCADOPAGO_NOTIFICATION_JOB = "payments.process-mercadopago-notification";
export const PAYMENTS_MAINTENANCE_JOB = "payments.maintenance";
