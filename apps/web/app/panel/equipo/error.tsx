"use client";

import { PageError } from "@/components/panel/page-error";

export default function TeamError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar el equipo" error={error} reset={reset} />;
}
