import { LoadingCards } from "@/components/settings/loading-card";

export default function TemplatesLoading() {
  return <LoadingCards title="Plantillas" label="Cargando plantillas…" />;
}
