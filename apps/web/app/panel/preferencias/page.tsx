import type { Metadata } from "next";
import { getNotificationPreferences } from "@campotech/core/modules/notifications";
import { requireSession } from "@/lib/panel/session";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Mis avisos" };
export const dynamic = "force-dynamic";

// Each person's own notification preferences (any signed-in role): where CampoTech reaches them (push on the app,
// email, WhatsApp) and when to stay quiet. What exists is per person, not per event: every staff notice (a job
// scheduled or cancelled for them, a customer asking for a person, an emergency) follows these channels.
export default async function PreferencesPage() {
  const session = await requireSession("/panel/preferencias");
  const preferences = await session.tenant((tx) => getNotificationPreferences(tx, { organizationId: session.claims.org, userId: session.claims.sub }));
  return (
    <>
      <div className="page-head">
        <h1>Mis avisos</h1>
      </div>
      <p className="muted">
        Te avisamos cuando te agendan o cancelan un trabajo, cuando un cliente pide hablar con una persona y cuando hay una urgencia.
        Elegí por dónde y cuándo.
      </p>
      <PreferencesForm initial={preferences} />
    </>
  );
}
