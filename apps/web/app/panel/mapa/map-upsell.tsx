import { PlanUpgrade } from "@/components/panel/plan-upgrade";

const MAP_DOES = [
  "Dónde está cada técnico y si está libre, en camino o trabajando.",
  "Los trabajos del día en el mapa y el técnico libre más cercano a cada uno.",
  "Tus clientes siguen al técnico en vivo, con el tiempo estimado de llegada.",
];

// Plans without the dispatch map (FREE, INICIAL): the shared upgrade prompt with what the map would show and the
// server's reason on top.
export function MapUpsell({ message, requiredPlanName }: { message: string; requiredPlanName?: string }) {
  return <PlanUpgrade requiredPlanName={requiredPlanName} message={message} adds={MAP_DOES} testId="map-upsell" />;
}
