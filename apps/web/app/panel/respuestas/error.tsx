"use client";

import { PageError } from "@/components/panel/page-error";

export default function QuickRepliesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar las respuestas rápidas" error={error} reset={reset} />;
}
