"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";

export function PanelNav({ links, organizationName, userName }: { links: { href: string; label: string }[]; organizationName: string; userName: string }) {
  const pathname = usePathname();
  const router = useRouter();
  async function logout() {
    await fetch("/api/auth/logout", { method: "POST" });
    router.replace("/ingresar");
  }
  return (
    <header className="panel-nav">
      <div className="brand">
        <strong>CampoTech</strong>
        <span className="muted">{organizationName}</span>
      </div>
      <nav aria-label="Secciones">
        <ul>
          {links.map((link) => {
            const active = link.href === "/panel" ? pathname === "/panel" : pathname.startsWith(link.href);
            return (
              <li key={link.href}>
                <Link href={link.href} aria-current={active ? "page" : undefined}>
                  {link.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="who">
        <span>{userName}</span>
        <button type="button" className="link" onClick={logout}>
          Cerrar sesión
        </button>
      </div>
    </header>
  );
}
