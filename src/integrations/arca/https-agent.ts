import { Agent } from "node:https";

// Production WSFEv1 (servicios1.afip.gov.ar) negotiates DHE with a 1024-bit group that OpenSSL ≥ 3.2 refuses
// ("dh key too small"). Offering only ECDHE suites avoids DHE altogether — scoped to ARCA's production calls,
// never a process-wide cipher setting (reference/ARGENTINA.md §1.6).
let productionAgent: Agent | undefined;

export function arcaAgentFor(url: string, environment: "HOMOLOGACION" | "PRODUCCION"): Agent | undefined {
  if (environment !== "PRODUCCION" || !url.startsWith("https://")) return undefined;
  productionAgent ??= new Agent({
    ciphers: "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256",
    minVersion: "TLSv1.2",
    keepAlive: true,
  });
  return productionAgent;
}
