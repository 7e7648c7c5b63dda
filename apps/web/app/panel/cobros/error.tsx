"use client";

import { PageError } from "@/components/panel/page-error";

export default function CobrosError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar los cobros" error={error} reset={reset} />;
}
