"use client";

import { PageError } from "@/components/panel/page-error";

export default function WhatsAppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar la configuración de WhatsApp" error={error} reset={reset} />;
}
