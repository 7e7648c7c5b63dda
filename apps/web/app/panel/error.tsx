"use client";

import { PageError } from "@/components/panel/page-error";

export default function PanelError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar esta página" error={error} reset={reset} />;
}
