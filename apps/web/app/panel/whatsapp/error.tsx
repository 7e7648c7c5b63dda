"use client";

import { SettingsError } from "@/components/settings/settings-error";

// Loading the WhatsApp settings failed: say so and offer to retry.
export default function WhatsAppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SettingsError title="No pudimos cargar la configuración de WhatsApp" error={error} reset={reset} />;
}
