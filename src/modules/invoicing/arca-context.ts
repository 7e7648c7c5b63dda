import type { ArcaConnection, ArcaEnvironment } from "@campotech/database";
import { arcaAgentFor, type SoapCallOptions } from "../../integrations/arca";
import { decryptSecret } from "../../lib/crypto";
import { withTenant } from "../../lib/db";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";

export type ArcaContext = {
  organizationId: string;
  connection: ArcaConnection;
  environment: ArcaEnvironment;
  cuit: string;
  pointOfSale: number;
  certificatePem: string;
  privateKeyPem: string;
  wsaa: SoapCallOptions;
  wsfe: SoapCallOptions;
};

export function arcaEndpoints(environment: ArcaEnvironment): { wsaa: string; wsfe: string } {
  return environment === "PRODUCCION"
    ? { wsaa: env.ARCA_WSAA_URL_PRODUCCION, wsfe: env.ARCA_WSFE_URL_PRODUCCION }
    : { wsaa: env.ARCA_WSAA_URL_HOMOLOGACION, wsfe: env.ARCA_WSFE_URL_HOMOLOGACION };
}

// Everything needed to talk to ARCA for an organization, or a Spanish reason why it cannot yet (the settings page
// and the CLI show the same words). `requirePointOfSale: false` serves the connection check, which lists them.
export async function loadArcaContext(
  organizationId: string,
  options: { now?: Date; requirePointOfSale?: boolean; timeoutMs?: number } = {},
): Promise<ArcaContext> {
  const connection = await withTenant(organizationId, (tx) => tx.arcaConnection.findUnique({ where: { organizationId } }));
  const fail = (message: string): never => {
    throw new AppError("VALIDATION_FAILED", { message, fields: { arca: message } });
  };
  if (!connection) return fail("Todavía no configuraste la conexión con ARCA (Configuración → ARCA).");
  if (!connection.certificatePem || !connection.privateKeyEncrypted) return fail("Falta el certificado de ARCA: subilo en Configuración → ARCA.");
  if (connection.certificateNotAfter && connection.certificateNotAfter.getTime() <= (options.now ?? new Date()).getTime()) {
    fail("El certificado de ARCA venció: generá uno nuevo y subilo en Configuración → ARCA.");
  }
  if ((options.requirePointOfSale ?? true) && !connection.pointOfSale) fail("Elegí el punto de venta de ARCA (tipo RECE / Web Services) en Configuración → ARCA.");
  const urls = arcaEndpoints(connection.environment);
  const timeoutMs = options.timeoutMs ?? env.ARCA_TIMEOUT_MS;
  const agent = arcaAgentFor(urls.wsfe, connection.environment);
  return {
    organizationId,
    connection,
    environment: connection.environment,
    cuit: connection.cuit,
    pointOfSale: connection.pointOfSale ?? 0,
    certificatePem: connection.certificatePem,
    privateKeyPem: decryptSecret(connection.privateKeyEncrypted),
    wsaa: { endpoint: urls.wsaa, timeoutMs },
    wsfe: { endpoint: urls.wsfe, timeoutMs, ...(agent ? { agent } : {}) },
  };
}
