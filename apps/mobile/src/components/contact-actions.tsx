import { Linking, Platform, StyleSheet, View } from "react-native";
import type { LocalJob } from "@campotech/core/sync-engine/index";
import { BigButton } from "./big-button";

const digits = (phone: string) => phone.replace(/[^\d]/g, "");

export function mapsUrl(job: Pick<LocalJob, "address" | "location">): string {
  const query = job.location ? `${job.location.lat},${job.location.lng}` : job.address;
  if (Platform.OS === "ios") return `maps://?q=${encodeURIComponent(query)}`;
  if (Platform.OS === "android") return `geo:0,0?q=${encodeURIComponent(query)}`;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

// Call, WhatsApp, and the address in the phone's maps app.
export function ContactActions({ job }: { job: LocalJob }) {
  const phone = job.customer.phone;
  return (
    <View style={styles.row}>
      {phone && <BigButton style={styles.button} kind="secondary" label="Llamar" onPress={() => void Linking.openURL(`tel:${phone}`)} />}
      {phone && <BigButton style={styles.button} kind="secondary" label="WhatsApp" onPress={() => void Linking.openURL(`https://wa.me/${digits(phone)}`)} />}
      <BigButton style={styles.button} kind="secondary" label="Cómo llegar" onPress={() => void Linking.openURL(mapsUrl(job))} />
    </View>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", flexWrap: "wrap", gap: 8 },
  button: { flexGrow: 1, minWidth: 100 },
});
