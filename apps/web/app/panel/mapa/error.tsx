"use client";

import { PageError } from "@/components/panel/page-error";

export default function MapError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="No pudimos cargar el mapa" error={error} reset={reset} />;
}
