// Preloaded into the CLI by error-reporting.int.test.ts: says at exit whether any Sentry SDK ever set itself up.
process.on("exit", () => process.stderr.write(`\nSENTRY_LOADED=${Boolean(globalThis.__SENTRY__)}\n`));
