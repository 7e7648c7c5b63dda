// One queue per kind of work, so a flood of one kind never starves another (each gets its own Worker).
export const QUEUES = {
  system: "system",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
