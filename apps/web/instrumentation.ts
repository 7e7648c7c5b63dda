import type { Instrumentation } from "next";

// Next loads this in every runtime. Only the Node server reports errors (the edge runtime is not used: proxy.ts runs
// on Node); the NEXT_RUNTIME check is inlined at build time, so the edge bundle never contains the Node code.
export async function register(): Promise<void> {
  // eslint-disable-next-line no-restricted-properties -- set by Next itself (not configuration): which runtime loads us
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).startErrorReporting();
}

// Every error a server component, route handler, server action or proxy throws.
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  // eslint-disable-next-line no-restricted-properties -- as above
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./instrumentation-node")).captureRequestError(...args);
};
