import { StyleSheet, Text } from "react-native";
import type { SyncEngine } from "@campotech/core/sync-engine/index";
import { colors } from "./theme";

// One line on top: offline with N changes waiting, or the last problem. Silent when all is sent.
export function SyncBanner({ engine }: { engine: SyncEngine }) {
  const status = engine.status();
  const waiting = engine.pending().filter((e) => e.state === "queued" || e.state === "sending" || e.state === "failed").length;
  if (status.authRequired) return <Text style={[styles.banner, styles.error]}>Tu sesión venció: salí e ingresá de nuevo para enviar los cambios.</Text>;
  if (status.syncing) return <Text style={[styles.banner, styles.info]}>Sincronizando…</Text>;
  if (status.lastError && status.lastError.code === "OFFLINE") {
    return <Text style={[styles.banner, styles.warn]} testID="sync-banner">Sin conexión{waiting ? ` · ${waiting} ${waiting === 1 ? "cambio pendiente" : "cambios pendientes"}` : ""}. Se envía solo cuando vuelva la señal.</Text>;
  }
  if (status.lastError) return <Text style={[styles.banner, styles.error]}>{status.lastError.message}</Text>;
  if (waiting) return <Text style={[styles.banner, styles.warn]} testID="sync-banner">{waiting === 1 ? "1 cambio pendiente de enviar" : `${waiting} cambios pendientes de enviar`}</Text>;
  return null;
}

const styles = StyleSheet.create({
  banner: { fontSize: 15, fontWeight: "600", paddingHorizontal: 14, paddingVertical: 10 },
  info: { backgroundColor: "#e0ecff", color: colors.primary },
  warn: { backgroundColor: colors.warnBg, color: colors.warn },
  error: { backgroundColor: colors.dangerBg, color: colors.danger },
});
