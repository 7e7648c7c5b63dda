// The templates every organization starts with (seed and new organizations), in es_AR, with the context
// variable each {{n}} placeholder takes. `use` is how the rest of the platform asks for one. `audience` says who may
// receive it: "internal" ones (login codes, staff alerts) are sent by the platform to staff, never by staff to a
// customer (template-audience.ts).
export type TemplateVariable =
  | "customerName"
  | "jobDate"
  | "jobTime"
  | "technicianName"
  | "amount"
  | "link"
  | "dueDate"
  | "code"
  | "alertTitle"
  | "alertBody";

export type DefaultTemplate = {
  use:
    | "job_scheduled"
    | "invoice_ready"
    | "payment_confirmed"
    | "payment_reminder"
    | "welcome"
    | "otp_code"
    | "technician_on_the_way"
    | "job_completed"
    | "job_reminder"
    | "staff_alert";
  name: string;
  audience: "customer" | "internal";
  category: "UTILITY" | "MARKETING" | "AUTHENTICATION";
  body: string;
  variables: TemplateVariable[];
};

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    use: "job_scheduled",
    name: "job_scheduled",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}.",
    variables: ["customerName", "jobDate", "jobTime", "technicianName"],
  },
  {
    use: "invoice_ready",
    name: "invoice_ready",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, tu factura por {{2}} ya está disponible: {{3}}",
    variables: ["customerName", "amount", "link"],
  },
  {
    use: "payment_confirmed",
    name: "payment_confirmed",
    audience: "customer",
    category: "UTILITY",
    body: "¡Gracias {{1}}! Recibimos tu pago de {{2}}.",
    variables: ["customerName", "amount"],
  },
  {
    use: "payment_reminder",
    name: "payment_reminder",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, te recordamos que tenés un saldo de {{2}} con vencimiento el {{3}}. Podés verlo y pagarlo acá: {{4}}",
    variables: ["customerName", "amount", "dueDate", "link"],
  },
  {
    use: "welcome",
    name: "welcome",
    audience: "customer",
    category: "MARKETING",
    body: "¡Hola {{1}}! Gracias por escribirnos. ¿En qué te podemos ayudar?",
    variables: ["customerName"],
  },
  {
    use: "otp_code",
    name: "otp_code",
    audience: "internal",
    category: "AUTHENTICATION",
    body: "{{1}} es tu código de verificación.",
    variables: ["code"],
  },
  {
    use: "technician_on_the_way",
    name: "technician_on_the_way",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, {{2}} ya está en camino. Seguí su llegada acá: {{3}}",
    variables: ["customerName", "technicianName", "link"],
  },
  {
    use: "job_completed",
    name: "job_completed",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, {{2}} terminó el trabajo. ¡Gracias por elegirnos!",
    variables: ["customerName", "technicianName"],
  },
  {
    use: "job_reminder",
    name: "job_reminder",
    audience: "customer",
    category: "UTILITY",
    body: "Hola {{1}}, te recordamos tu turno del {{2}} a las {{3}}. Técnico: {{4}}.",
    variables: ["customerName", "jobDate", "jobTime", "technicianName"],
  },
  {
    // Staff notifications on WhatsApp (notifyStaff): the staff member's window is usually closed.
    use: "staff_alert",
    name: "staff_alert",
    audience: "internal",
    category: "UTILITY",
    body: "CampoTech · {{1}}: {{2}}",
    variables: ["alertTitle", "alertBody"],
  },
];

export function defaultTemplateFor(use: DefaultTemplate["use"]): DefaultTemplate {
  const template = DEFAULT_TEMPLATES.find((t) => t.use === use);
  if (!template) throw new Error(`no default template for ${use}`);
  return template;
}
