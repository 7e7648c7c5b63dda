import { useState } from "react";
import { Text, TextInput, View } from "react-native";
import { SYNC_STATUS_LABELS } from "@campotech/core/contracts/sync";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { TRANSITION_ACTIONS } from "../lib/labels";
import { BigButton } from "./big-button";
import { common } from "./theme";

// The moves the state machine allows this technician now. Each goes to the outbox (works offline) and the server
// judges it; a refusal comes back with its reason (JobProblems).
export function StatusActions({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  const [note, setNote] = useState("");
  const moves = job.allowedTransitions.filter((to) => to !== "scheduled");
  if (!moves.length) return null;
  async function move(to: LocalJob["status"]) {
    await engine.enqueue({ type: "transition", jobId: job.id, to, ...(note.trim() ? { note: note.trim() } : {}) });
    setNote("");
    void engine.sync();
  }
  return (
    <View style={common.card}>
      <Text style={common.h2}>Estado: {SYNC_STATUS_LABELS[job.status]}</Text>
      <TextInput style={[common.input, { fontSize: 16 }]} value={note} onChangeText={setNote} placeholder="Nota para la oficina (opcional)" accessibilityLabel="Nota para la oficina" maxLength={1000} />
      {moves.map((to) => (
        <BigButton key={to} label={TRANSITION_ACTIONS[to] ?? SYNC_STATUS_LABELS[to]} kind={to === "cancelled" ? "danger" : "primary"} onPress={() => void move(to)} testID={`transition-${to}`} />
      ))}
    </View>
  );
}
