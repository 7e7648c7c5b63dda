import { LoadingCards } from "@/components/settings/loading-card";

export default function ArcaLoading() {
  return <LoadingCards title="ARCA" label="Cargando la conexión con ARCA…" />;
}
