import { useState } from "react";
import { Pressable, StyleSheet, Text, TextInput, View } from "react-native";
import type { LineItemInput, SyncLineItem, SyncPriceListItem } from "@campotech/core/contracts/sync";
import type { LocalJob, SyncEngine } from "@campotech/core/sync-engine/index";
import { formatMoney, formatQuantity } from "../lib/format";
import { BigButton } from "./big-button";
import { colors, common, TOUCH } from "./theme";

const toInput = (l: SyncLineItem): LineItemInput => ({
  ...(l.priceListItemId ? { priceListItemId: l.priceListItemId } : {}),
  description: l.description,
  quantityMilli: l.quantityMilli,
  unitPriceCents: l.unitPriceCents,
  ivaRateBps: l.ivaRateBps,
});

// Quote lines from the price list. The phone shows an estimate until the server answers with its own totals.
export function QuoteSection({ job, engine }: { job: LocalJob; engine: SyncEngine }) {
  const [adding, setAdding] = useState(false);
  const [search, setSearch] = useState("");

  async function setLines(lines: LineItemInput[]) {
    await engine.enqueue({ type: "set_line_items", jobId: job.id, lines });
    void engine.sync();
  }
  const current = job.lineItems.map(toInput);
  const add = (item: SyncPriceListItem) => {
    setAdding(false);
    void setLines([...current, { priceListItemId: item.id, quantityMilli: 1000 }]);
  };
  const changeQty = (i: number, delta: number) => {
    const lines = current.map((l, j) => (j === i ? { ...l, quantityMilli: l.quantityMilli + delta } : l)).filter((l) => l.quantityMilli > 0);
    void setLines(lines);
  };
  const q = search.trim().toLowerCase();
  const items = engine
    .priceList()
    .filter((p) => !q || p.name.toLowerCase().includes(q) || p.code.toLowerCase().includes(q))
    .sort((a, b) => Number(b.serviceType === job.serviceType) - Number(a.serviceType === job.serviceType));

  return (
    <View style={common.card}>
      <Text style={common.h2}>Presupuesto</Text>
      {job.lineItems.map((l, i) => (
        <View key={l.id} style={styles.line}>
          <View style={{ flex: 1 }}>
            <Text style={common.text}>{l.description}</Text>
            <Text style={common.muted}>{formatQuantity(l.quantityMilli)} × {formatMoney(l.unitPriceCents)} = {formatMoney(l.netCents)}</Text>
          </View>
          <Pressable accessibilityRole="button" accessibilityLabel="Uno menos" style={styles.qty} onPress={() => changeQty(i, -1000)}><Text style={styles.qtyText}>−</Text></Pressable>
          <Pressable accessibilityRole="button" accessibilityLabel="Uno más" style={styles.qty} onPress={() => changeQty(i, 1000)}><Text style={styles.qtyText}>+</Text></Pressable>
        </View>
      ))}
      {job.lineItems.length > 0 && (
        <View style={styles.totals}>
          <Text style={common.muted}>Neto {formatMoney(job.totals.netCents)} · IVA {formatMoney(job.totals.ivaCents)}</Text>
          <Text style={styles.total}>Total {formatMoney(job.totals.totalCents)}{job.totalsEstimated ? " (estimado)" : ""}</Text>
        </View>
      )}
      {adding ? (
        <View>
          <TextInput style={[common.input, { fontSize: 16, marginTop: 8 }]} value={search} onChangeText={setSearch} placeholder="Buscar en la lista de precios" accessibilityLabel="Buscar en la lista de precios" />
          {items.slice(0, 20).map((item) => (
            <Pressable key={item.id} accessibilityRole="button" onPress={() => add(item)} style={styles.item}>
              <Text style={common.text}>{item.name}</Text>
              <Text style={common.muted}>{formatMoney(item.priceCents)} / {item.unit}</Text>
            </Pressable>
          ))}
          {!items.length && <Text style={common.muted}>No hay ítems en la lista de precios.</Text>}
          <BigButton kind="secondary" label="Cerrar" onPress={() => setAdding(false)} />
        </View>
      ) : (
        <BigButton kind="secondary" label="Agregar de la lista de precios" onPress={() => setAdding(true)} />
      )}
    </View>
  );
}

const styles = StyleSheet.create({
  line: { flexDirection: "row", alignItems: "center", gap: 6, paddingVertical: 6, borderBottomWidth: 1, borderBottomColor: colors.border },
  qty: { width: TOUCH - 8, height: TOUCH - 8, borderRadius: 10, borderWidth: 2, borderColor: colors.primary, alignItems: "center", justifyContent: "center" },
  qtyText: { fontSize: 22, fontWeight: "800", color: colors.primary },
  totals: { marginTop: 8, alignItems: "flex-end" },
  total: { fontSize: 18, fontWeight: "800", color: colors.text },
  item: { minHeight: TOUCH, paddingVertical: 8, borderBottomWidth: 1, borderBottomColor: colors.border, justifyContent: "center" },
});
