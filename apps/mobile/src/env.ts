import { Platform } from "react-native";

// The API the app talks to. EXPO_PUBLIC_API_URL is inlined at build time (eas.json profiles, `expo start`). The web
// export defaults to its own origin: it is served behind the same host as the API (docs/mobile.md), so the browser
// makes same-origin requests and the API needs no CORS.
export function apiBaseUrl(): string {
  const configured = process.env.EXPO_PUBLIC_API_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (Platform.OS === "web" && typeof window !== "undefined") return window.location.origin;
  // Android emulator → the host's localhost, where `npm start` runs the web server.
  return Platform.OS === "android" ? "http://10.0.2.2:3000" : "http://localhost:3000";
}
