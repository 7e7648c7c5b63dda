import Constants from "expo-constants";
import * as Notifications from "expo-notifications";
import { Platform } from "react-native";
import type { Services } from "../services";

Notifications.setNotificationHandler({
  handleNotification: async () => ({ shouldShowBanner: true, shouldShowList: true, shouldPlaySound: true, shouldSetBadge: false }),
});

const REGISTERED_KEY = "pushToken";

// Ask for permission, get this device's Expo push token and give it to the API (the server sends through Expo's push
// service: new or changed assignments, emergencies). The API hears about a token once per technician: later launches
// post again only if Expo handed out a different token (logout clears the store, so the next person registers).
// Returns false when the person said no or there is no project id; throws when the API could not be reached (the
// next launch tries again).
export async function registerForPush(services: Services): Promise<boolean> {
  if (Platform.OS === "android") {
    await Notifications.setNotificationChannelAsync("default", { name: "Trabajos", importance: Notifications.AndroidImportance.HIGH });
  }
  const current = await Notifications.getPermissionsAsync();
  const granted = current.granted || (await Notifications.requestPermissionsAsync()).granted;
  if (!granted) return false;
  const projectId = (Constants.expoConfig?.extra as { eas?: { projectId?: string } } | undefined)?.eas?.projectId;
  if (!projectId) return false;
  const { data: token } = await Notifications.getExpoPushTokenAsync({ projectId });
  const userId = services.session.current()?.user.id;
  const access = await services.session.getToken();
  if (!access || !userId) return false;
  const registered = `${userId} ${token}`;
  if ((await services.storage.settings.get(REGISTERED_KEY)) === registered) return true;
  await services.auth.registerPushToken(access, token);
  await services.storage.settings.set(REGISTERED_KEY, registered);
  return true;
}

// Tapping a notification opens its job (the server puts jobId in data); also the one that launched the app.
export function onNotificationOpen(open: (jobId: string) => void): () => void {
  const handle = (response: Notifications.NotificationResponse | null) => {
    const jobId = (response?.notification.request.content.data as { jobId?: unknown } | undefined)?.jobId;
    if (typeof jobId === "string") open(jobId);
  };
  void Notifications.getLastNotificationResponseAsync().then(handle).catch(() => undefined);
  const subscription = Notifications.addNotificationResponseReceivedListener(handle);
  return () => subscription.remove();
}
