import { Pressable, StyleSheet, Text, View } from "react-native";
import { SYNC_STATUS_LABELS } from "@campotech/core/contracts/sync";
import type { LocalJob } from "@campotech/core/sync-engine/index";
import { formatDay, formatWindow } from "../lib/format";
import { SERVICE_LABELS, URGENCY_LABELS } from "../lib/labels";
import { PendingBadge } from "./pending-badge";
import { colors } from "./theme";

export function JobCard({ job, showDay, onOpen }: { job: LocalJob; showDay: boolean; onOpen: (id: string) => void }) {
  const emergency = job.urgency === "EMERGENCY";
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={`Trabajo ${job.number}, ${job.customer.name}`}
      onPress={() => onOpen(job.id)}
      style={({ pressed }) => [styles.card, emergency && styles.emergency, pressed && { opacity: 0.85 }]}
      testID={`job-card-${job.number}`}
    >
      {emergency && <Text style={styles.emergencyTag}>⚠ {URGENCY_LABELS.EMERGENCY}</Text>}
      <View style={styles.top}>
        <Text style={styles.time}>
          {showDay && job.scheduledStart ? `${formatDay(job.scheduledStart)} · ` : ""}
          {formatWindow(job.scheduledStart, job.scheduledEnd)}
        </Text>
        <Text style={styles.status}>{SYNC_STATUS_LABELS[job.status]}</Text>
      </View>
      <Text style={styles.customer}>{job.customer.name}</Text>
      <Text style={styles.line} numberOfLines={2}>{job.address}</Text>
      <Text style={styles.line}>
        #{job.number} · {SERVICE_LABELS[job.serviceType]}
        {job.urgency === "HIGH" ? ` · Urgencia ${URGENCY_LABELS.HIGH.toLowerCase()}` : ""}
      </Text>
      <PendingBadge job={job} />
    </Pressable>
  );
}

const styles = StyleSheet.create({
  card: { backgroundColor: colors.card, borderRadius: 12, padding: 14, marginHorizontal: 12, marginTop: 10, borderWidth: 1, borderColor: colors.border, minHeight: 96 },
  emergency: { borderColor: colors.danger, borderWidth: 3, backgroundColor: "#fff5f5" },
  emergencyTag: { color: "#fff", backgroundColor: colors.danger, alignSelf: "flex-start", fontWeight: "800", fontSize: 14, paddingHorizontal: 8, paddingVertical: 3, borderRadius: 6, marginBottom: 6, overflow: "hidden" },
  top: { flexDirection: "row", justifyContent: "space-between", alignItems: "center" },
  time: { fontSize: 18, fontWeight: "800", color: colors.text, flexShrink: 1 },
  status: { fontSize: 14, fontWeight: "700", color: colors.primary },
  customer: { fontSize: 17, fontWeight: "700", color: colors.text, marginTop: 4 },
  line: { fontSize: 15, color: colors.muted, marginTop: 2 },
});
