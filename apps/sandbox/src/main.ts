import { ProductionRefusedError, startSandbox } from "./index.ts";

// `pnpm --filter @campotech/sandbox start`: listens on SANDBOX_PORT until SIGTERM/SIGINT.
try {
  const sandbox = await startSandbox();
  console.log(`[sandbox] WhatsApp/SMS provider sandbox listening on ${sandbox.url} (simulator: ${sandbox.url}/, SMTP catcher on port ${sandbox.smtpPort})`);
  const stop = (signal: string): void => {
    console.log(`[sandbox] ${signal} received, closing`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
} catch (error) {
  if (error instanceof ProductionRefusedError) console.error(`[sandbox] refusing to start: ${error.message}`);
  else console.error("[sandbox] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
