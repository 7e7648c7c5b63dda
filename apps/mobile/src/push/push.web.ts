import type { Services } from "../services";

// The web export gets no push notifications (Expo push targets the native apps).
export async function registerForPush(_services: Services): Promise<boolean> {
  return false;
}

export function onNotificationOpen(_open: (jobId: string) => void): () => void {
  return () => undefined;
}
