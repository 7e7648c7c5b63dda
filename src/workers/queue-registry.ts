import { Queue } from "bullmq";
import { sharedRedis } from "../lib/redis";
import { queuePrefix, type QueueName } from "./queues";

// Queue handles for producers. Kept apart from the job catalog so that domain modules can enqueue their own
// follow-up work without importing the catalog (which imports them: a cycle).
const queues = new Map<QueueName, Queue>();

export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: sharedRedis(), prefix: queuePrefix(name) });
    // Connection errors surface through the add() that fails (a webhook answers 503); don't print each one.
    queue.on("error", () => {});
    queues.set(name, queue);
  }
  return queue;
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...queues.values()].map((q) => q.close()));
  queues.clear();
}
