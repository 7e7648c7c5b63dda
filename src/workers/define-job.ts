import type { z } from "zod";
import type { Logger } from "../lib/logger";
import type { QueueName } from "./queues";

export type JobContext = { jobId: string; attempt: number; logger: Logger };

// A job is data plus a handler: "<domain>.<verb-noun>", the queue it runs on, a zod schema for its payload.
export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  name: string;
  queue: QueueName;
  schema: S;
  handler: (payload: z.infer<S>, ctx: JobContext) => Promise<unknown>;
  defaults?: { attempts?: number; backoff?: { type: "exponential" | "fixed"; delay: number } };
};

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
