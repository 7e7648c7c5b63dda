import { createTransport, type Transporter } from "nodemailer";
import { env } from "../../lib/env";

export type SmtpConfig = { host: string; port: number; user?: string | undefined; password?: string | undefined; from: string };
export type Email = { to: string; subject: string; text: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };

export function smtpConfigFromEnv(): SmtpConfig {
  return { host: env.SMTP_HOST, port: env.SMTP_PORT, user: env.SMTP_USER, password: env.SMTP_PASSWORD, from: env.SMTP_FROM };
}

// One pooled transport per server: staff emails come in bursts (an emergency to every dispatcher).
const transports = new Map<string, Transporter>();

function transportFor(config: SmtpConfig): Transporter {
  const key = `${config.host}:${config.port}:${config.user ?? ""}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.port === 465,
      pool: true,
      ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
      // The sandbox catcher speaks plain SMTP; a real relay upgrades with STARTTLS when it offers it.
      ignoreTLS: config.host === "127.0.0.1" || config.host === "localhost",
    });
    transports.set(key, transport);
  }
  return transport;
}

export async function sendEmail(email: Email, config: SmtpConfig = smtpConfigFromEnv()): Promise<{ messageId: string }> {
  const info = await transportFor(config).sendMail({
    from: config.from, to: email.to, subject: email.subject, text: email.text, ...(email.attachments?.length ? { attachments: email.attachments } : {}),
  });
  return { messageId: info.messageId };
}

export function closeEmailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
