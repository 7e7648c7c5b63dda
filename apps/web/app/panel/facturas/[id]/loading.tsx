import { LoadingCards } from "@/components/settings/loading-card";

export default function InvoiceLoading() {
  return <LoadingCards title="Factura" label="Cargando la factura…" />;
}
