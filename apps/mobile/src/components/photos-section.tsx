import { useState } from "react";
import { Image, StyleSheet, Text, View } from "react-native";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { pickPhoto } from "../lib/pick-photo";
import { sha256Hex } from "../lib/sha256";
import { BigButton } from "./big-button";
import { colors, common } from "./theme";

// Photos go to the outbox with their bytes; the engine uploads them by hash before attaching (offline-safe).
export function PhotosSection({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = job.attachments.filter((a) => a.kind === "PHOTO");

  async function add(source: "camera" | "library") {
    setError(null);
    setBusy(true);
    try {
      const photo = await pickPhoto(source);
      if (!photo) return;
      const sha256 = sha256Hex(photo.bytes);
      setPreviews((p) => ({ ...p, [sha256]: photo.previewUri }));
      await engine.enqueue({ type: "attach", jobId: job.id, kind: "PHOTO", sha256 }, { file: { body: photo.bytes, mimeType: "image/jpeg" } });
      void engine.sync();
    } catch (e) {
      setError(e instanceof Error ? e.message : "No se pudo agregar la foto.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <View style={common.card}>
      <Text style={common.h2}>Fotos ({photos.length})</Text>
      <View style={styles.grid}>
        {photos.map((p) => (
          <View key={p.id} style={styles.tile} testID="photo-tile">
            {p.sha256 && previews[p.sha256] ? <Image source={{ uri: previews[p.sha256] }} style={styles.thumb} /> : <Text style={styles.icon}>📷</Text>}
            <Text style={styles.state}>{p.id.startsWith("local-") ? "Sin enviar" : "Enviada"}</Text>
          </View>
        ))}
      </View>
      <View style={common.row}>
        <BigButton style={{ flex: 1 }} label="Sacar foto" onPress={() => void add("camera")} busy={busy} />
        <BigButton style={{ flex: 1 }} kind="secondary" label="De la galería" onPress={() => void add("library")} disabled={busy} testID="photo-library" />
      </View>
      {error && <Text style={styles.error}>{error}</Text>}
    </View>
  );
}

const styles = StyleSheet.create({
  grid: { flexDirection: "row", flexWrap: "wrap", gap: 8 },
  tile: { width: 96, alignItems: "center" },
  thumb: { width: 96, height: 72, borderRadius: 8, backgroundColor: colors.border },
  icon: { fontSize: 32, height: 72, textAlignVertical: "center", lineHeight: 72 },
  state: { fontSize: 13, color: colors.muted },
  error: { color: colors.danger, fontSize: 15, marginTop: 8 },
});
