import type { Endpoint } from "../define-endpoint";
import { logoutEndpoint, meEndpoint, otpRequestEndpoint, otpVerifyEndpoint, refreshEndpoint } from "./auth";
import { docsEndpoint } from "./docs";

// Every REST endpoint. The OpenAPI document and the role × endpoint test matrix read this list.
export const ALL_ENDPOINTS: readonly Endpoint[] = [
  otpRequestEndpoint,
  otpVerifyEndpoint,
  refreshEndpoint,
  logoutEndpoint,
  meEndpoint,
  docsEndpoint,
] as unknown as Endpoint[];
