import type { ReactNode } from "react";
import { requireOperatorSession } from "@/lib/panel/operator-session";
import { PanelNav } from "../panel/panel-nav";

export const dynamic = "force-dynamic";

// CampoTech's own pages: platform statistics, queues and platform alerts. Not part of any business's dashboard.
export default async function OperatorLayout({ children }: { children: ReactNode }) {
  const session = await requireOperatorSession("/operador");
  const user = await session.tenant((tx) => tx.user.findFirst({ where: { id: session.claims.sub }, select: { name: true } }));
  const links = [
    { href: "/operador", label: "Operación" },
    { href: "/panel", label: "Volver al panel" },
  ];
  return (
    <div className="panel">
      <a href="#contenido" className="skip-link">Saltar al contenido</a>
      <PanelNav links={links} organizationName="CampoTech · operación" userName={user?.name ?? ""} />
      <main id="contenido" className="panel-main">{children}</main>
    </div>
  );
}
