export { fetchRoadRoute, RoutingError } from "./route";
export type { RoadRoute } from "./route";
