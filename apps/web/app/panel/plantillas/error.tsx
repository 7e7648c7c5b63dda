"use client";

import { PageError } from "@/components/panel/page-error";

export default function TemplatesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar las plantillas" error={error} reset={reset} />;
}
