"use client";

import { PageError } from "@/components/panel/page-error";

export default function InvoicesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar las facturas" error={error} reset={reset} />;
}
