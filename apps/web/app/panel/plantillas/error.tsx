"use client";

import { SettingsError } from "@/components/settings/settings-error";

// Loading the templates failed: say so and offer to retry.
export default function TemplatesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SettingsError title="No pudimos cargar las plantillas" error={error} reset={reset} />;
}
