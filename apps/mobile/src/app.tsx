import { StatusBar } from "expo-status-bar";
import { useCallback, useEffect, useState } from "react";
import { ActivityIndicator, BackHandler, View } from "react-native";
import { ServicesContext } from "./app-context";
import { common } from "./components/theme";
import { useAutoSync } from "./data/use-auto-sync";
import { useTracking } from "./location/use-tracking";
import { onNotificationOpen, registerForPush } from "./push/push";
import { JobScreen } from "./screens/job-screen";
import { JobsScreen } from "./screens/jobs-screen";
import { LoginScreen } from "./screens/login-screen";
import type * as DeviceServices from "./create-device-services";
import type { Services } from "./services";

type Route = { name: "jobs" } | { name: "job"; jobId: string };

// Two screens and a login do not need a router: a route in state, the hardware back button, and a notification tap
// that opens its job.
export function App({ makeServices }: { makeServices?: () => Services }) {
  const [services, setServices] = useState<Services>(() => (makeServices ?? defaultServices)());
  const [phase, setPhase] = useState<"loading" | "out" | "in">("loading");
  const [route, setRoute] = useState<Route>({ name: "jobs" });
  const signedIn = phase === "in";

  useEffect(() => {
    void services.session.restore().then((t) => setPhase(t ? "in" : "out"));
    const unsubscribe = services.session.subscribe(() => setPhase((p) => (p === "loading" ? p : services.session.current() ? "in" : "out")));
    return () => void unsubscribe();
  }, [services]);

  useAutoSync(signedIn ? services.engine : null);
  useTracking(phase === "loading" ? null : services, signedIn);

  useEffect(() => {
    if (!signedIn) return;
    void registerForPush(services).catch(() => false);
    return onNotificationOpen((jobId) => {
      setRoute({ name: "job", jobId });
      void services.engine.sync();
    });
  }, [signedIn, services]);

  useEffect(() => {
    const sub = BackHandler.addEventListener("hardwareBackPress", () => {
      if (route.name === "jobs") return false;
      setRoute({ name: "jobs" });
      return true;
    });
    return () => sub.remove();
  }, [route]);

  const logout = useCallback(async () => {
    await services.session.logout();
    services.engine.dispose();
    await services.storage.clear();
    setRoute({ name: "jobs" });
    setServices((makeServices ?? defaultServices)());
  }, [services, makeServices]);

  return (
    <ServicesContext.Provider value={services}>
      <StatusBar style="dark" />
      {phase === "loading" ? (
        <View style={[common.screen, { justifyContent: "center" }]}><ActivityIndicator size="large" /></View>
      ) : phase === "out" ? (
        <LoginScreen onSignedIn={() => setPhase("in")} />
      ) : route.name === "job" ? (
        <JobScreen jobId={route.jobId} onBack={() => setRoute({ name: "jobs" })} />
      ) : (
        <JobsScreen onOpen={(jobId) => setRoute({ name: "job", jobId })} onLogout={() => void logout()} />
      )}
    </ServicesContext.Provider>
  );
}

// Loaded lazily so tests that pass makeServices never touch SQLite or the secure store.
function defaultServices(): Services {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("./create-device-services") as typeof DeviceServices).createDeviceServices();
}
