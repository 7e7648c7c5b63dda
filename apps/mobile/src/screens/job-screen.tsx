import { Pressable, ScrollView, StyleSheet, Text, View } from "react-native";
import { SYNC_STATUS_LABELS } from "@campotech/core/contracts/sync";
import { useServices } from "../app-context";
import { ContactActions } from "../components/contact-actions";
import { JobProblems } from "../components/job-problems";
import { NotesEditor } from "../components/notes-editor";
import { PendingBadge } from "../components/pending-badge";
import { PhotosSection } from "../components/photos-section";
import { QuoteSection } from "../components/quote-section";
import { SignatureSection } from "../components/signature-section";
import { StatusActions } from "../components/status-actions";
import { SyncBanner } from "../components/sync-banner";
import { colors, common } from "../components/theme";
import { TimeSection } from "../components/time-section";
import { useEngineVersion } from "../data/use-engine";
import { formatDay, formatWindow } from "../lib/format";
import { SERVICE_LABELS, URGENCY_LABELS } from "../lib/labels";

export function JobScreen({ jobId, onBack }: { jobId: string; onBack: () => void }) {
  const { engine } = useServices();
  useEngineVersion(engine);
  const job = engine.job(jobId);
  if (!job) {
    return (
      <View style={common.screen}>
        <Pressable accessibilityRole="button" onPress={onBack} style={styles.back}><Text style={styles.backText}>‹ Volver</Text></Pressable>
        <Text style={[common.text, { padding: 16 }]}>Este trabajo ya no está asignado a vos.</Text>
      </View>
    );
  }
  const done = job.status === "completed" || job.status === "cancelled";
  return (
    <View style={common.screen}>
      <Pressable accessibilityRole="button" onPress={onBack} style={styles.back}><Text style={styles.backText}>‹ Mis trabajos</Text></Pressable>
      <SyncBanner engine={engine} />
      <ScrollView contentContainerStyle={{ paddingBottom: 32 }}>
        {job.urgency === "EMERGENCY" && <Text style={styles.emergency}>⚠ {URGENCY_LABELS.EMERGENCY}</Text>}
        <View style={common.card}>
          <Text style={common.h1}>#{job.number} · {job.customer.name}</Text>
          <Text style={styles.status} testID="job-status">{SYNC_STATUS_LABELS[job.status]}</Text>
          <Text style={common.text}>{job.scheduledStart ? `${formatDay(job.scheduledStart)} · ` : ""}{formatWindow(job.scheduledStart, job.scheduledEnd)}</Text>
          <Text style={common.text}>{job.address}</Text>
          <Text style={common.muted}>{SERVICE_LABELS[job.serviceType]}{job.urgency === "HIGH" ? " · Urgencia alta" : ""}</Text>
          {job.description ? <Text style={[common.text, { marginTop: 8 }]}>{job.description}</Text> : null}
          <PendingBadge job={job} />
          <ContactActions job={job} />
        </View>
        <JobProblems job={job} engine={engine} />
        <StatusActions job={job} engine={engine} />
        <NotesEditor job={job} engine={engine} />
        <PhotosSection job={job} engine={engine} />
        {!done || job.status === "completed" ? <SignatureSection job={job} engine={engine} /> : null}
        <QuoteSection job={job} engine={engine} />
        <TimeSection job={job} engine={engine} />
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  back: { minHeight: 52, justifyContent: "center", paddingHorizontal: 16 },
  backText: { fontSize: 18, color: colors.primary, fontWeight: "700" },
  status: { fontSize: 16, fontWeight: "800", color: colors.primary, marginVertical: 4 },
  emergency: { backgroundColor: colors.danger, color: "#fff", fontWeight: "800", fontSize: 18, textAlign: "center", padding: 10, marginHorizontal: 12, marginTop: 8, borderRadius: 10, overflow: "hidden" },
});
