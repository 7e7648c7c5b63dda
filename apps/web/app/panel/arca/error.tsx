"use client";

import { PageError } from "@/components/panel/page-error";

export default function ArcaError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar la conexión con ARCA" error={error} reset={reset} />;
}
