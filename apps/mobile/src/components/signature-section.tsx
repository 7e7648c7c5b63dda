import { useCallback, useState } from "react";
import { Text, View } from "react-native";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { sha256Hex } from "../lib/sha256";
import { signatureToPng, type Stroke } from "../lib/signature-png";
import { BigButton } from "./big-button";
import { SignaturePad } from "./signature-pad";
import { colors, common } from "./theme";

// The customer signs on the screen; the strokes become a PNG (≤ 1 MB) attached like a photo.
export function SignatureSection({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [size, setSize] = useState({ w: 320, h: 180 });
  const signed = job.attachments.some((a) => a.kind === "SIGNATURE");
  const onLayoutSize = useCallback((w: number, h: number) => setSize({ w, h }), []);
  const points = strokes.reduce((n, s) => n + s.length, 0);

  async function save() {
    const png = signatureToPng(strokes, size.w, size.h);
    await engine.enqueue({ type: "attach", jobId: job.id, kind: "SIGNATURE", sha256: sha256Hex(png) }, { file: { body: png, mimeType: "image/png" } });
    setStrokes([]);
    void engine.sync();
  }

  return (
    <View style={common.card}>
      <Text style={common.h2}>Firma del cliente</Text>
      {signed && <Text style={{ color: colors.ok, fontSize: 16, fontWeight: "700", marginBottom: 8 }} testID="signature-saved">✓ Firma guardada</Text>}
      <SignaturePad strokes={strokes} onChange={setStrokes} onLayoutSize={onLayoutSize} />
      <Text style={common.muted}>Que el cliente firme con el dedo dentro del recuadro.</Text>
      <View style={common.row}>
        <BigButton style={{ flex: 1 }} kind="secondary" label="Borrar" onPress={() => setStrokes([])} disabled={!points} />
        <BigButton style={{ flex: 1 }} label="Guardar firma" onPress={() => void save()} disabled={points < 2} testID="save-signature" />
      </View>
    </View>
  );
}
