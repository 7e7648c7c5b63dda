import { LoadingCards } from "@/components/settings/loading-card";

export default function QuickRepliesLoading() {
  return <LoadingCards title="Respuestas rápidas" label="Cargando respuestas rápidas…" />;
}
