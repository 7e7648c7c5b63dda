import { useState } from "react";
import { KeyboardAvoidingView, Platform, StyleSheet, Text, TextInput, View } from "react-native";
import { useServices } from "../app-context";
import { BigButton } from "../components/big-button";
import { colors, common } from "../components/theme";

// Phone → the code that arrives by WhatsApp (or SMS) → signed in. The same OTP API as the dashboard.
export function LoginScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const { auth, session } = useServices();
  const [phone, setPhone] = useState("");
  const [code, setCode] = useState("");
  const [step, setStep] = useState<"phone" | "code">("phone");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Algo salió mal. Probá de nuevo.");
    } finally {
      setBusy(false);
    }
  }

  const sendCode = () =>
    run(async () => {
      const answer = await auth.requestCode(phone.trim());
      setMessage(answer.message);
      setStep("code");
    });
  const verify = () =>
    run(async () => {
      await session.login(phone.trim(), code.trim());
      onSignedIn();
    });

  return (
    <KeyboardAvoidingView style={common.screen} behavior={Platform.OS === "ios" ? "padding" : undefined}>
      <View style={styles.box}>
        <Text style={styles.brand}>CampoTech</Text>
        <Text style={common.muted}>App para técnicos</Text>
        {step === "phone" ? (
          <>
            <Text style={styles.label}>Tu número de celular</Text>
            <TextInput
              style={common.input}
              value={phone}
              onChangeText={setPhone}
              placeholder="+54 9 11 4000-0003"
              keyboardType="phone-pad"
              autoComplete="tel"
              accessibilityLabel="Número de celular"
              testID="phone-input"
            />
            <BigButton label="Enviarme el código" onPress={sendCode} busy={busy} disabled={phone.trim().length < 6} />
          </>
        ) : (
          <>
            {message && <Text style={styles.message}>{message}</Text>}
            <Text style={styles.label}>Código de 6 dígitos</Text>
            <TextInput
              style={[common.input, styles.code]}
              value={code}
              onChangeText={(t) => setCode(t.replace(/\D/g, "").slice(0, 6))}
              placeholder="123456"
              keyboardType="number-pad"
              autoComplete="one-time-code"
              accessibilityLabel="Código"
              testID="code-input"
            />
            <BigButton label="Ingresar" onPress={verify} busy={busy} disabled={code.length !== 6} />
            <BigButton label="Cambiar el número" kind="secondary" onPress={() => { setStep("phone"); setCode(""); }} />
          </>
        )}
        {error && <Text style={styles.error} accessibilityRole="alert">{error}</Text>}
      </View>
    </KeyboardAvoidingView>
  );
}

const styles = StyleSheet.create({
  box: { padding: 20, marginTop: 60, gap: 4 },
  brand: { fontSize: 30, fontWeight: "800", color: colors.primary },
  label: { fontSize: 16, fontWeight: "600", color: colors.text, marginTop: 24, marginBottom: 6 },
  code: { letterSpacing: 6, fontSize: 24 },
  message: { fontSize: 15, color: colors.ok, backgroundColor: colors.okBg, padding: 10, borderRadius: 8, marginTop: 16 },
  error: { fontSize: 15, color: colors.danger, backgroundColor: colors.dangerBg, padding: 10, borderRadius: 8, marginTop: 16 },
});
