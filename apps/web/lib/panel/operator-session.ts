import { notFound } from "next/navigation";
import { isPlatformOperator } from "@campotech/core/modules/operators";
import { requireSession, type PanelSession } from "./session";

// The operator pages (/operador) exist only for CampoTech staff: anyone else gets the same 404 as a missing page,
// so their existence is not advertised. The flag is read on every request (a revoke works at once).
export async function requireOperatorSession(next: string): Promise<PanelSession> {
  const session = await requireSession(next);
  if (!(await session.tenant((tx) => isPlatformOperator(tx, session.claims.sub)))) notFound();
  return session;
}
