import { useState } from "react";
import { Text, TextInput, View } from "react-native";
import { SYNC_NOTE_MAX_LENGTH } from "@campotech/core/contracts/sync";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { BigButton } from "./big-button";
import { common } from "./theme";

// The visit's notes, shared with the office. The engine sends what the phone showed as the base, so a newer office
// edit is never overwritten silently (it comes back as a conflict).
export function NotesEditor({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? job.notes;
  async function save() {
    if (draft === null) return;
    await engine.enqueue({ type: "set_text", jobId: job.id, field: "notes", value: draft });
    setDraft(null);
    void engine.sync();
  }
  return (
    <View style={common.card}>
      <Text style={common.h2}>Notas</Text>
      <TextInput
        style={[common.input, { minHeight: 96, textAlignVertical: "top", paddingTop: 12, fontSize: 16 }]}
        multiline
        value={value}
        onChangeText={setDraft}
        maxLength={SYNC_NOTE_MAX_LENGTH}
        placeholder="Qué encontraste, qué hiciste…"
        accessibilityLabel="Notas del trabajo"
      />
      {draft !== null && draft !== job.notes && <BigButton label="Guardar nota" onPress={() => void save()} />}
    </View>
  );
}
