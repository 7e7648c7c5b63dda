import { renewSessionRedirect } from "@/lib/api/renew-session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const GET = renewSessionRedirect;
