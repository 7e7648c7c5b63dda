"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type NavLink = { href: string; label: string };

// The ~15 sections read as three groups: the day's work, the money and the shop's setup. A link the layout doesn't
// place in a group (a future page) lands in the first one rather than disappearing.
const GROUPS: { label: string; hrefs: string[] }[] = [
  { label: "Operación", hrefs: ["/panel", "/panel/bandeja", "/panel/trabajos", "/panel/mapa", "/panel/clientes", "/panel/oportunidades"] },
  { label: "Administración", hrefs: ["/panel/facturas", "/panel/cobros", "/panel/reportes", "/panel/precios"] },
  { label: "Configuración", hrefs: ["/panel/plantillas", "/panel/respuestas", "/panel/whatsapp", "/panel/arca", "/panel/plan"] }, // issue 19 (plans): "/panel/plan"
];
// issue 19 (team): the team page sits with the shop's setup.
GROUPS[2]!.hrefs.push("/panel/equipo");

function grouped(links: NavLink[]) {
  const placed = new Set(GROUPS.flatMap((g) => g.hrefs));
  return GROUPS.map((g, i) => ({
    label: g.label,
    links: [...links.filter((l) => g.hrefs.includes(l.href)), ...(i === 0 ? links.filter((l) => !placed.has(l.href)) : [])],
  })).filter((g) => g.links.length > 0);
}

// The dashboard header. On a desktop the grouped links are always in view; on a phone the header is one short row
// (brand + "Menú") and the links open as a drawer below it, so every page starts near the top of the screen.
export function PanelNav({ links, organizationName, userName }: { links: NavLink[]; organizationName: string; userName: string }) {
  const pathname = usePathname();
  const router = useRouter();
  const menuId = useId();
  // The drawer remembers the page it was opened on: navigating anywhere else closes it (no page opens under a menu).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const toggle = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    drawer.current?.querySelector<HTMLElement>("a, button")?.focus();
    function onKey(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      toggle.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  async function logout() {
    await fetch("/api/auth/logout", { method: "POST" });
    router.replace("/ingresar");
  }
  const isActive = (href: string) => (href === "/panel" ? pathname === "/panel" : pathname.startsWith(href));
  return (
    <header className="panel-nav" data-open={open ? "true" : "false"}>
      <div className="panel-bar">
        <Link href="/panel" className="brand">
          <strong>CampoTech</strong>
          <span className="muted">{organizationName}</span>
        </Link>
        <button ref={toggle} type="button" className="menu-toggle secondary" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
          {open ? "Cerrar" : "Menú"}
        </button>
      </div>
      <div id={menuId} ref={drawer} className="panel-menu">
        <nav aria-label="Secciones">
          {grouped(links).map((group) => (
            <div key={group.label} className="nav-group" role="group" aria-label={group.label}>
              <span className="nav-group-label" aria-hidden="true">{group.label}</span>
              <ul>
                {group.links.map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} aria-current={isActive(link.href) ? "page" : undefined} onClick={() => setOpen(false)}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="who">
          <Link href="/panel/preferencias" title="Tus preferencias" aria-current={pathname.startsWith("/panel/preferencias") ? "page" : undefined} onClick={() => setOpen(false)}>
            {userName}
          </Link>
          <button type="button" className="link" onClick={logout}>
            Cerrar sesión
          </button>
        </div>
      </div>
    </header>
  );
}
