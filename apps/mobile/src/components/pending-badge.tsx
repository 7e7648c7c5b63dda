import { StyleSheet, Text, View } from "react-native";
import type { LocalJob } from "@campotech/core/sync-engine/index";
import { colors } from "./theme";

// What the phone still has to tell the server, and what the server refused: visible on the card and the job.
export function PendingBadge({ job }: { job: LocalJob }) {
  if (!job.pendingCount && !job.problems.length) return null;
  return (
    <View style={styles.row}>
      {job.pendingCount > 0 && (
        <Text style={[styles.badge, styles.pending]} testID={`pending-${job.id}`}>
          {job.pendingCount === 1 ? "1 cambio sin enviar" : `${job.pendingCount} cambios sin enviar`}
        </Text>
      )}
      {job.problems.length > 0 && <Text style={[styles.badge, styles.problem]}>{job.problems.length === 1 ? "1 cambio rechazado" : `${job.problems.length} cambios rechazados`}</Text>}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", flexWrap: "wrap", gap: 6, marginTop: 6 },
  badge: { fontSize: 14, fontWeight: "700", paddingHorizontal: 8, paddingVertical: 4, borderRadius: 8, overflow: "hidden" },
  pending: { backgroundColor: colors.warnBg, color: colors.warn },
  problem: { backgroundColor: colors.dangerBg, color: colors.danger },
});
