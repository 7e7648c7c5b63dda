import { LoadingCards } from "@/components/settings/loading-card";

export default function TeamLoading() {
  return <LoadingCards title="Equipo" label="Cargando el equipo…" />;
}
