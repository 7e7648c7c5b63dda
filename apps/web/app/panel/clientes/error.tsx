"use client";

import { PageError } from "@/components/panel/page-error";

export default function CustomersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar los clientes" error={error} reset={reset} />;
}
