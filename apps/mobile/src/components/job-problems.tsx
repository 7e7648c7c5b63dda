import { StyleSheet, Text, View } from "react-native";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { BigButton } from "./big-button";
import { colors } from "./theme";

// What the server refused (its reason, in its words) and edits that crossed with the office's.
export function JobProblems({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  if (!job.problems.length) return null;
  return (
    <View>
      {job.problems.map((entry) => (
        <View key={entry.mutation.mutationId} style={styles.box} accessibilityRole="alert">
          {entry.state === "rejected" ? (
            <>
              <Text style={styles.title}>El servidor no aceptó el cambio</Text>
              <Text style={styles.text} testID="rejection-reason">{entry.error?.message}</Text>
              <BigButton label="Entendido" kind="secondary" onPress={() => void engine.dismiss(entry.mutation.mutationId)} />
            </>
          ) : (
            <>
              <Text style={styles.title}>{entry.conflict?.message ?? "Alguien cambió lo mismo mientras tanto"}</Text>
              {typeof entry.conflict?.serverValue === "string" && <Text style={styles.text}>En la oficina dice: «{entry.conflict.serverValue}»</Text>}
              <BigButton label="Dejar lo mío" onPress={() => void engine.resolveConflict(entry.mutation.mutationId, "mine")} />
              <BigButton label="Dejar lo de la oficina" kind="secondary" onPress={() => void engine.resolveConflict(entry.mutation.mutationId, "theirs")} />
            </>
          )}
        </View>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  box: { backgroundColor: colors.dangerBg, borderRadius: 12, padding: 14, marginHorizontal: 12, marginTop: 10 },
  title: { fontSize: 16, fontWeight: "800", color: colors.danger },
  text: { fontSize: 16, color: colors.text, marginTop: 4 },
});
