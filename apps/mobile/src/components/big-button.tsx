import { ActivityIndicator, Pressable, StyleSheet, Text, type StyleProp, type ViewStyle } from "react-native";
import { colors, TOUCH } from "./theme";

type Props = {
  label: string;
  onPress: () => void;
  kind?: "primary" | "secondary" | "danger";
  disabled?: boolean;
  busy?: boolean;
  style?: StyleProp<ViewStyle>;
  testID?: string;
};

export function BigButton({ label, onPress, kind = "primary", disabled, busy, style, testID }: Props) {
  const palette = kind === "primary" ? styles.primary : kind === "danger" ? styles.danger : styles.secondary;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityState={{ disabled: !!(disabled || busy) }}
      disabled={disabled || busy}
      onPress={onPress}
      testID={testID}
      style={({ pressed }) => [styles.base, palette, (disabled || busy) && styles.disabled, pressed && styles.pressed, style]}
    >
      {busy ? <ActivityIndicator color={kind === "secondary" ? colors.primary : "#fff"} /> : <Text style={[styles.label, kind === "secondary" && styles.secondaryLabel]}>{label}</Text>}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  base: { minHeight: TOUCH, borderRadius: 12, paddingHorizontal: 16, alignItems: "center", justifyContent: "center", marginTop: 8 },
  primary: { backgroundColor: colors.primary },
  danger: { backgroundColor: colors.danger },
  secondary: { backgroundColor: "#fff", borderWidth: 2, borderColor: colors.primary },
  disabled: { opacity: 0.5 },
  pressed: { opacity: 0.8 },
  label: { color: colors.primaryText, fontSize: 18, fontWeight: "700", textAlign: "center" },
  secondaryLabel: { color: colors.primary },
});
