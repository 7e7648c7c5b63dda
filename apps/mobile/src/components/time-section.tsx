import { Text, View } from "react-native";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { newEntryId } from "../lib/new-entry-id";
import { formatMinutes } from "../lib/format";
import { BigButton } from "./big-button";
import { common } from "./theme";

// Time worked: additive entries (idempotent by entryId). "Desde que llegué" measures from the move to working.
export function TimeSection({ job, engine, now = Date.now }: { job: LocalJob; engine: SyncEngine; now?: () => number }) {
  const arrived = [...job.transitions].reverse().find((t) => t.to === "working");
  const sinceArrival = arrived ? Math.max(1, Math.round((now() - Date.parse(arrived.at)) / 60_000)) : null;
  async function log(minutes: number) {
    await engine.enqueue({ type: "log_time", jobId: job.id, entryId: newEntryId(), minutes: Math.min(1440, minutes) });
    void engine.sync();
  }
  async function logSinceArrival() {
    if (!arrived) return;
    await engine.enqueue({ type: "log_time", jobId: job.id, entryId: newEntryId(), startedAt: arrived.at, endedAt: new Date(now()).toISOString() });
    void engine.sync();
  }
  return (
    <View style={common.card}>
      <Text style={common.h2}>Tiempo trabajado: {formatMinutes(job.workedMinutes)}</Text>
      {sinceArrival !== null && job.status === "working" && <BigButton label={`Sumar desde que llegué (${formatMinutes(sinceArrival)})`} onPress={() => void logSinceArrival()} />}
      <View style={common.row}>
        {[15, 30, 60].map((m) => (
          <BigButton key={m} style={{ flex: 1 }} kind="secondary" label={`+${formatMinutes(m)}`} onPress={() => void log(m)} />
        ))}
      </View>
    </View>
  );
}
