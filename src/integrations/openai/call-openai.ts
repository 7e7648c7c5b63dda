import { OpenAI } from "openai";
import { toOpenAiError } from "./to-openai-error";
import type { CallOptions, OpenAiConfig } from "./types";

type Connection = Pick<OpenAiConfig, "apiKey" | "maxRetries">;

/**
 * Runs one SDK call against `baseUrl` under a single deadline (retries included) and turns every failure into an
 * OpenAiError. A client per call is cheap (no sockets of its own: fetch pools connections) and keeps no key in a
 * module-level cache.
 */
export async function callOpenAi<T>(
  connection: Connection & { baseUrl: string },
  what: string,
  timeoutMs: number,
  options: CallOptions,
  run: (client: OpenAI, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  // Every option the SDK would otherwise read from the environment (OPENAI_ORG_ID, OPENAI_LOG, …) is set here: our env
  // module is the only source of configuration. logLevel "off": the SDK's debug logs print request headers.
  const client = new OpenAI({
    apiKey: connection.apiKey,
    baseURL: connection.baseUrl,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: connection.maxRetries,
    timeout: timeoutMs,
    logLevel: "off",
  });
  try {
    return await untilAborted(run(client, signal), signal);
  } catch (error) {
    throw toOpenAiError(error, { what, timeoutMs, deadlineHit: deadline.signal.aborted, callerAborted: options.signal?.aborted ?? false });
  } finally {
    clearTimeout(timer);
  }
}

// The SDK sleeps between retries without watching the signal; this returns at the deadline all the same.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    if (signal.aborted) onAbort();
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
