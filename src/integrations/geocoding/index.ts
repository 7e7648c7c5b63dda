export { GeocodingError, searchAddress } from "./search-address";
export type { GeocodedPoint } from "./search-address";
