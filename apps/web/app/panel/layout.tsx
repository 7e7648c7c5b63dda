import type { ReactNode } from "react";
import { requireSession } from "@/lib/panel/session";
import { PanelNav } from "./panel-nav";
import { PanelObservability } from "./panel-observability"; // issue 20 (sentry)

export const dynamic = "force-dynamic";

// Every dashboard page sits behind the session; the navigation only shows what the role may open.
export default async function PanelLayout({ children }: { children: ReactNode }) {
  const session = await requireSession("/panel");
  const user = await session.tenant((tx) => tx.user.findFirst({ where: { id: session.claims.sub }, select: { name: true, organization: { select: { name: true } } } }));
  const links = [
    { href: "/panel", label: "Resumen" },
    ...(session.can("inbox.read") || session.can("conversations.read.assigned") ? [{ href: "/panel/bandeja", label: "Bandeja" }] : []),
    ...(session.can("jobs.read.own") ? [{ href: "/panel/trabajos", label: "Trabajos" }] : []),
    ...(session.can("jobs.read") ? [{ href: "/panel/mapa", label: "Mapa" }] : []),
    ...(session.can("customers.read") ? [{ href: "/panel/clientes", label: "Clientes" }, { href: "/panel/oportunidades", label: "Oportunidades" }] : []),
    ...(session.can("invoices.read") ? [{ href: "/panel/facturas", label: "Facturas" }] : []),
    ...(session.can("payments.read") ? [{ href: "/panel/cobros", label: "Cobros" }] : []),
    ...(session.can("reports.read") ? [{ href: "/panel/reportes", label: "Reportes" }] : []),
    ...(session.can("customers.read") ? [{ href: "/panel/precios", label: "Precios" }] : []),
    ...(session.can("inbox.read") ? [{ href: "/panel/plantillas", label: "Plantillas" }, { href: "/panel/respuestas", label: "Respuestas rápidas" }] : []),
    ...(session.can("settings.read") ? [{ href: "/panel/whatsapp", label: "WhatsApp" }, { href: "/panel/arca", label: "ARCA" }] : []),
    // issue 19 (team)
    ...(session.can("users.manage") ? [{ href: "/panel/equipo", label: "Equipo" }] : []),
    ...(session.can("settings.read") ? [{ href: "/panel/plan", label: "Plan" }] : []), // issue 19 (plans)
  ];
  return (
    <div className="panel">
      <a href="#contenido" className="skip-link">Saltar al contenido</a>
      <PanelNav links={links} organizationName={user?.organization.name ?? ""} userName={user?.name ?? ""} />
      {/* The page's one <main> landmark: panel pages render their content inside it and never a <main> of their own. */}
      <main id="contenido" className="panel-main">{children}</main>
      <PanelObservability organizationId={session.claims.org} userId={session.claims.sub} />
    </div>
  );
}
