// The demo organization: an Argentine plumbing and gas business on the PROFESIONAL tier. Fixed ids make the seed
// deterministic and let the sandbox's default numbers (apps/sandbox) route to it.
export const DEMO_ORG = {
  id: "demo-org",
  name: "Del Sur Plomería y Gas",
  cuit: "30712345671",
  tier: "PROFESIONAL",
  areaCode: "11",
  settings: {
    businessHours: { monday: ["08:00", "18:00"], tuesday: ["08:00", "18:00"], wednesday: ["08:00", "18:00"],
      thursday: ["08:00", "18:00"], friday: ["08:00", "18:00"], saturday: ["09:00", "13:00"] },
    assistant: { autoResponseEnabled: true, customInstructions: "Somos matriculados en gas. Atendemos CABA y zona sur." },
    rateLimitPerMinute: 50,
  },
} as const;

export const DEMO_USERS = [
  { id: "demo-user-owner", phone: "+5491140000001", name: "Martín Gómez", role: "OWNER", email: "martin@delsur.com.ar" },
  { id: "demo-user-dispatcher", phone: "+5491140000002", name: "Laura Fernández", role: "DISPATCHER", email: null },
  { id: "demo-user-tech-1", phone: "+5491140000003", name: "Diego Ruiz", role: "TECHNICIAN", email: null },
  { id: "demo-user-tech-2", phone: "+5491140000004", name: "Sofía Benítez", role: "TECHNICIAN", email: null },
] as const;

// Both technicians work Monday to Friday 08–18 and Saturday morning (Buenos Aires time), so the assistant has real
// slots to offer from the first start.
const WEEK = { 1: [["08:00", "18:00"]], 2: [["08:00", "18:00"]], 3: [["08:00", "18:00"]], 4: [["08:00", "18:00"]], 5: [["08:00", "18:00"]], 6: [["09:00", "13:00"]] };
export const DEMO_SCHEDULES = [
  { userId: "demo-user-tech-1", workingHours: WEEK, travelBufferMinutes: 30 },
  { userId: "demo-user-tech-2", workingHours: WEEK, travelBufferMinutes: 30 },
] as const;

// Invoicing data where a real office would have it: Jorge invoices with his CUIT as a responsable inscripto
// (factura A), Carla with her DNI as a consumidor final (B); the rest are anonymous consumidores finales (B).
export const DEMO_CUSTOMERS = [
  { id: "demo-customer-1", phone: "+5491155550123", name: "Martina Gómez", address: "Av. Rivadavia 4520, 3° B", city: "CABA", email: "martina.gomez@example.com" },
  { id: "demo-customer-2", phone: "+5491155550456", name: "Jorge Pereyra", address: "Mitre 1234", city: "Avellaneda", taxDocType: 80, taxDocNumber: "20267565393", ivaConditionId: 1 },
  { id: "demo-customer-3", phone: "+5491155550789", name: "Carla Domínguez", address: "Hipólito Yrigoyen 870", city: "Lanús", taxDocType: 96, taxDocNumber: "28123456", ivaConditionId: 5 },
  { id: "demo-customer-4", phone: "+5491166661234", name: "Roberto Sánchez", address: "Belgrano 2210", city: "Quilmes" },
  { id: "demo-customer-5", phone: "+5491166665678", name: "Ana Lucía Torres", address: "Gorriti 5120", city: "CABA" },
] as const;

// The demo organization's ARCA connection, in homologación against the local sandbox (apps/sandbox): a responsable
// inscripto with point of sale 2. The certificate comes from the sandbox's WSASS (`campotech arca sandbox-connect`,
// which `npm start` runs once the sandbox is up), as a real one comes from ARCA for a CSR.
export const DEMO_ARCA = {
  environment: "HOMOLOGACION",
  cuit: "30712345671",
  pointOfSale: 2,
  issuerCondition: "RESPONSABLE_INSCRIPTO",
  businessName: "Del Sur Plomería y Gas S.R.L.",
  businessAddress: "Av. Hipólito Yrigoyen 4120, Lanús, Buenos Aires",
  grossIncomeNumber: "30-71234567-1",
  activityStartDate: "2015-03-01",
} as const;

// Prices in centavos, IVA in basis points (2100 = 21 %).
export const DEMO_PRICE_LIST = [
  { code: "VISITA", name: "Visita de diagnóstico", serviceType: "GENERAL", unit: "visita", priceCents: 1_500_000, keywords: ["visita", "revisar", "diagnostico", "presupuesto"] },
  { code: "DESTAP-CLOACA", name: "Destapación de cloaca", serviceType: "DRAINAGE", unit: "servicio", priceCents: 3_800_000, keywords: ["destapar", "destapacion", "cloaca", "tapado", "tapada"] },
  { code: "DESTAP-PILETA", name: "Destapación de pileta de cocina", serviceType: "DRAINAGE", unit: "servicio", priceCents: 2_200_000, keywords: ["pileta", "bacha", "desague"] },
  { code: "CANILLA", name: "Cambio de canilla o grifería", serviceType: "PLUMBING", unit: "unidad", priceCents: 1_800_000, keywords: ["canilla", "griferia", "gotea"] },
  { code: "TERMOTANQUE", name: "Instalación de termotanque", serviceType: "GAS", unit: "servicio", priceCents: 6_500_000, keywords: ["termotanque", "calefon"] },
  { code: "PERDIDA-GAS", name: "Detección y reparación de pérdida de gas", serviceType: "GAS", unit: "servicio", priceCents: 5_500_000, keywords: ["perdida de gas", "olor a gas", "fuga"] },
  { code: "HERMETICIDAD", name: "Prueba de hermeticidad", serviceType: "GAS", unit: "servicio", priceCents: 4_200_000, keywords: ["hermeticidad", "metrogas", "prueba"] },
  { code: "FLEXIBLE-GAS", name: "Cambio de flexible de gas", serviceType: "GAS", unit: "unidad", priceCents: 1_600_000, keywords: ["flexible", "conexion de gas"] },
  { code: "SPLIT-3000", name: "Instalación de split 3000 frigorías", serviceType: "HVAC", unit: "equipo", priceCents: 4_500_000, keywords: ["split", "aire", "instalacion de aire", "3000"] },
  { code: "SPLIT-SERVICE", name: "Service de aire acondicionado", serviceType: "HVAC", unit: "equipo", priceCents: 2_800_000, keywords: ["service", "aire", "carga de gas", "limpieza"] },
  { code: "PERDIDA-AGUA", name: "Reparación de pérdida de agua", serviceType: "PLUMBING", unit: "servicio", priceCents: 3_200_000, keywords: ["perdida de agua", "caño roto", "filtracion"] },
  { code: "TABLERO", name: "Revisión de tablero eléctrico", serviceType: "ELECTRICAL", unit: "servicio", priceCents: 3_000_000, keywords: ["tablero", "termica", "disyuntor", "luz"] },
] as const;

// Two quick replies so the composer's "/" list has something on the first start ({nombre}: the customer's first name).
export const DEMO_QUICK_REPLIES = [
  { id: "demo-qr-horarios", shortcut: "horarios", title: "Horarios de atención", body: "Hola {nombre}, atendemos de lunes a viernes de 8 a 18 y los sábados de 9 a 13. Urgencias de gas, todos los días." },
  { id: "demo-qr-direccion", shortcut: "direccion", title: "Pedir dirección y horario", body: "¿Nos pasás la dirección y un horario en que haya alguien, {nombre}?" },
] as const;

// Matches the sandbox's built-in Meta number (apps/sandbox): the demo account talks to the local sandbox.
export const DEMO_WHATSAPP_ACCOUNT = {
  id: "demo-wa-meta",
  bspProvider: "META_DIRECT",
  phoneNumberId: "100000000000001",
  wabaId: "200000000000001",
  displayPhoneNumber: "541152630000",
  businessName: "Del Sur Plomería y Gas",
  credentials: { accessToken: "sandbox-meta-access-token-demo" },
} as const;

// The sandbox's built-in 360dialog number. 360dialog echoes the custom header we configure with /v1/configs/webhook
// (x-campotech-webhook-secret) on every webhook; the sandbox sends this same secret for its demo number.
export const DEMO_DIALOG360_ACCOUNT = {
  id: "demo-wa-d360",
  bspProvider: "DIALOG_360",
  phoneNumberId: "100000000000002",
  wabaId: "200000000000002",
  displayPhoneNumber: "541152630001",
  businessName: "Del Sur Plomería y Gas",
  credentials: { apiKey: "sandbox-d360-api-key-demo" },
  webhookSecret: "sandbox-d360-org-webhook-secret-demo",
} as const;

// The sandbox's built-in Twilio sender. Empty credentials: the platform's TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN are
// used (the sandbox signs with the same token). Twilio has no phone number id; the E.164 address plays that role.
export const DEMO_TWILIO_ACCOUNT = {
  id: "demo-wa-twilio",
  bspProvider: "TWILIO",
  phoneNumberId: "+5491152630002",
  wabaId: "200000000000003",
  displayPhoneNumber: "5491152630002",
  businessName: "Del Sur Plomería y Gas",
  credentials: {},
} as const;

export const DEMO_TEMPLATES = [
  { name: "job_scheduled", category: "UTILITY", body: "Hola {{1}}, tu turno quedó agendado para el {{2}} a las {{3}}. Técnico: {{4}}." },
  { name: "invoice_ready", category: "UTILITY", body: "Hola {{1}}, tu factura por {{2}} ya está disponible: {{3}}" },
  { name: "payment_confirmed", category: "UTILITY", body: "¡Gracias {{1}}! Recibimos tu pago de {{2}}." },
  { name: "payment_reminder", category: "UTILITY", body: "Hola {{1}}, te recordamos que tenés un saldo de {{2}} con vencimiento el {{3}}. Podés verlo y pagarlo acá: {{4}}" },
  { name: "welcome", category: "MARKETING", body: "¡Hola {{1}}! Gracias por escribirnos. ¿En qué te podemos ayudar?" },
  { name: "otp_code", category: "AUTHENTICATION", body: "{{1}} es tu código de verificación." },
  { name: "technician_on_the_way", category: "UTILITY", body: "Hola {{1}}, {{2}} ya está en camino. Seguí su llegada acá: {{3}}" },
  { name: "job_completed", category: "UTILITY", body: "Hola {{1}}, {{2}} terminó el trabajo. ¡Gracias por elegirnos!" },
  { name: "job_reminder", category: "UTILITY", body: "Hola {{1}}, te recordamos tu turno del {{2}} a las {{3}}. Técnico: {{4}}." },
  { name: "staff_alert", category: "UTILITY", body: "CampoTech · {{1}}: {{2}}" },
] as const;

// Two conversations so the inbox is not empty on first start.
export const DEMO_CONVERSATIONS = [
  {
    id: "demo-conv-1",
    customerId: "demo-customer-1",
    messages: [
      { id: "demo-msg-1", waMessageId: "wamid.DEMO0000000000000000000001", direction: "INBOUND", minutesAgo: 42, text: "Hola! Se me tapó la cloaca del patio, ¿cuánto sale destaparla?" },
      { id: "demo-msg-2", waMessageId: "wamid.DEMO0000000000000000000002", direction: "OUTBOUND", minutesAgo: 41, text: "¡Hola Martina! La destapación de cloaca cuesta $38.000 + IVA. ¿Te reservo un turno?" },
      { id: "demo-msg-3", waMessageId: "wamid.DEMO0000000000000000000003", direction: "INBOUND", minutesAgo: 30, text: "Dale, mañana a la tarde puede ser?" },
    ],
  },
  {
    id: "demo-conv-2",
    customerId: "demo-customer-2",
    messages: [
      { id: "demo-msg-4", waMessageId: "wamid.DEMO0000000000000000000004", direction: "INBOUND", minutesAgo: 60 * 30, text: "Buenas, necesito instalar un split de 3000 frigorías" },
      { id: "demo-msg-5", waMessageId: "wamid.DEMO0000000000000000000005", direction: "OUTBOUND", minutesAgo: 60 * 30 - 2, text: "Hola Jorge, la instalación cuesta $45.000 + materiales. ¿Qué día te queda cómodo?" },
    ],
  },
] as const;
