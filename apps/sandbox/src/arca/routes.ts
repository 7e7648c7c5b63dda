import type { Router } from "../http/router.ts";
import type { SandboxState } from "../state.ts";
import { registerArcaControlRoutes } from "./control-routes.ts";
import { registerWsaaRoutes } from "./wsaa-routes.ts";
import { registerWsfeRoutes } from "./wsfe-routes.ts";

// ARCA (ex-AFIP) web services: WSAA (/arca/wsaa/...) and WSFEv1 (/arca/wsfev1/...), plus /_sandbox/arca control.
export function registerArcaRoutes(router: Router, state: SandboxState): void {
  registerWsaaRoutes(router, state);
  registerWsfeRoutes(router, state);
  registerArcaControlRoutes(router, state);
}
