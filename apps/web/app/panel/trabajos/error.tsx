"use client";

import { PageError } from "@/components/panel/page-error";

export default function JobsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar los trabajos" error={error} reset={reset} />;
}
