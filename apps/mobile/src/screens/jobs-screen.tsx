import { useState } from "react";
import { FlatList, Pressable, RefreshControl, StyleSheet, Text, View } from "react-native";
import type { LocalJob } from "@campotech/core/sync-engine/index";
import { useServices } from "../app-context";
import { JobCard } from "../components/job-card";
import { SyncBanner } from "../components/sync-banner";
import { colors, common, TOUCH } from "../components/theme";
import { useEngineVersion } from "../data/use-engine";
import { dayKey } from "../lib/format";

type Tab = "today" | "upcoming";
const ACTIVE = new Set(["en_camino", "working"]);

// Hoy: today's jobs plus whatever is under way, emergencies first. Próximos: the days ahead.
export function splitJobs(jobs: LocalJob[], now = new Date()): Record<Tab, LocalJob[]> {
  const today = dayKey(now);
  const todays = jobs.filter((j) => ACTIVE.has(j.status) || (j.scheduledStart && dayKey(j.scheduledStart) === today));
  const upcoming = jobs.filter((j) => !ACTIVE.has(j.status) && j.scheduledStart && dayKey(j.scheduledStart) > today && j.status !== "cancelled");
  const emergencyFirst = (a: LocalJob, b: LocalJob) => Number(b.urgency === "EMERGENCY") - Number(a.urgency === "EMERGENCY");
  return { today: [...todays].sort(emergencyFirst), upcoming };
}

export function JobsScreen({ onOpen, onLogout }: { onOpen: (id: string) => void; onLogout: () => void }) {
  const { engine } = useServices();
  useEngineVersion(engine);
  const [tab, setTab] = useState<Tab>("today");
  const [refreshing, setRefreshing] = useState(false);
  const lists = splitJobs(engine.jobs());
  const data = lists[tab];

  async function refresh() {
    setRefreshing(true);
    await engine.sync();
    setRefreshing(false);
  }

  return (
    <View style={common.screen}>
      <View style={styles.header}>
        <Text style={common.h1}>Mis trabajos</Text>
        <Pressable accessibilityRole="button" onPress={onLogout} style={styles.logout}>
          <Text style={styles.logoutText}>Salir</Text>
        </Pressable>
      </View>
      <View style={styles.tabs} accessibilityRole="tablist">
        {(["today", "upcoming"] as const).map((t) => (
          <Pressable key={t} accessibilityRole="tab" accessibilityState={{ selected: tab === t }} onPress={() => setTab(t)} style={[styles.tab, tab === t && styles.tabOn]}>
            <Text style={[styles.tabText, tab === t && styles.tabTextOn]}>{t === "today" ? `Hoy (${lists.today.length})` : `Próximos (${lists.upcoming.length})`}</Text>
          </Pressable>
        ))}
      </View>
      <SyncBanner engine={engine} />
      <FlatList
        data={data}
        keyExtractor={(j) => j.id}
        renderItem={({ item }) => <JobCard job={item} showDay={tab === "upcoming"} onOpen={onOpen} />}
        refreshControl={<RefreshControl refreshing={refreshing} onRefresh={refresh} />}
        ListEmptyComponent={<Text style={styles.empty}>{tab === "today" ? "No tenés trabajos para hoy." : "No tenés trabajos en los próximos días."}</Text>}
        contentContainerStyle={{ paddingBottom: 24 }}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "center", paddingHorizontal: 16, paddingTop: 16, paddingBottom: 8 },
  logout: { minHeight: 48, minWidth: 64, justifyContent: "center", alignItems: "flex-end" },
  logoutText: { fontSize: 16, color: colors.primary, fontWeight: "600" },
  tabs: { flexDirection: "row", marginHorizontal: 12, gap: 8, marginBottom: 6 },
  tab: { flex: 1, minHeight: TOUCH - 8, borderRadius: 10, borderWidth: 2, borderColor: colors.primary, alignItems: "center", justifyContent: "center" },
  tabOn: { backgroundColor: colors.primary },
  tabText: { fontSize: 17, fontWeight: "700", color: colors.primary },
  tabTextOn: { color: "#fff" },
  empty: { textAlign: "center", fontSize: 16, color: colors.muted, marginTop: 40, paddingHorizontal: 24 },
});
