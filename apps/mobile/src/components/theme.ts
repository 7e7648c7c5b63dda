import { StyleSheet } from "react-native";

// Large targets (≥ 56 dp) and high contrast: gloves, sunlight, a small Android screen.
export const colors = {
  bg: "#f4f5f7",
  card: "#ffffff",
  text: "#111827",
  muted: "#4b5563",
  primary: "#0f5bd8",
  primaryText: "#ffffff",
  border: "#d1d5db",
  danger: "#b91c1c",
  dangerBg: "#fee2e2",
  warn: "#92400e",
  warnBg: "#fef3c7",
  ok: "#166534",
  okBg: "#dcfce7",
};

export const TOUCH = 56;

export const common = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.bg },
  card: { backgroundColor: colors.card, borderRadius: 12, padding: 14, marginHorizontal: 12, marginTop: 10, borderWidth: 1, borderColor: colors.border },
  h1: { fontSize: 22, fontWeight: "700", color: colors.text },
  h2: { fontSize: 18, fontWeight: "700", color: colors.text, marginBottom: 8 },
  text: { fontSize: 16, color: colors.text },
  muted: { fontSize: 15, color: colors.muted },
  input: { minHeight: TOUCH, borderWidth: 1, borderColor: colors.border, borderRadius: 10, paddingHorizontal: 14, fontSize: 18, backgroundColor: "#fff", color: colors.text },
  row: { flexDirection: "row", alignItems: "center", gap: 8 },
});
