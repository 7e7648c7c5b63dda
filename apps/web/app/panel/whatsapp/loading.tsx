import { LoadingCards } from "@/components/settings/loading-card";

export default function WhatsAppLoading() {
  return <LoadingCards title="WhatsApp" label="Cargando la configuración de WhatsApp…" />;
}
