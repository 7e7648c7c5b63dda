import type { SyncJob, SyncMutation, SyncMutationResult, SyncPriceListItem } from "@campotech/core/contracts/sync";

// A test double of CampoTech's HTTP API at the fetch boundary (auth, sync pull/push/uploads, push tokens, positions): the real
// sync engine, transport and session run on top of it. State-machine answers mirror src/modules/jobs.
const NEXT: Record<string, string[]> = { scheduled: ["en_camino"], en_camino: ["working"], working: ["completed"] };
const LABELS: Record<string, string> = { pending: "pendiente", scheduled: "agendado", en_camino: "en camino", working: "en curso", completed: "terminado" };

export function makeJob(overrides: Partial<SyncJob> = {}): SyncJob {
  const start = new Date(Date.now() + 60 * 60_000);
  return {
    id: "job-1", number: 101, status: "scheduled", allowedTransitions: ["en_camino"], serviceType: "PLUMBING", urgency: "NORMAL",
    description: "Pérdida en la cocina", notes: "", address: "Av. Rivadavia 4520, CABA", location: null,
    scheduledStart: start.toISOString(), scheduledEnd: new Date(start.getTime() + 2 * 60 * 60_000).toISOString(), technicianId: "tech-1",
    customer: { id: "c1", name: "Martina Gómez", phone: "+5491155550123", address: null }, lineItems: [], linesVersion: "v0",
    totals: { byRate: [], netCents: 0, ivaCents: 0, totalCents: 0 }, attachments: [], transitions: [], timeEntries: [], workedMinutes: 0,
    updatedAt: new Date().toISOString(), ...overrides,
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;

export function createFakeApi(input: { jobs?: SyncJob[]; priceList?: SyncPriceListItem[] } = {}) {
  const jobs = new Map((input.jobs ?? [makeJob()]).map((j) => [j.id, j]));
  const calls: { method: string; path: string; headers: Record<string, string>; body: unknown }[] = [];
  const uploads = new Set<string>();
  let refreshCount = 0;
  let seq = 0;
  const state = { offline: false, rejectNext: null as null | string, positionsStatus: null as null | number };
  const positions: { lat: number; lng: number; recordedAt: string }[][] = [];

  // The parts of Response the app reads (jest's environment has no fetch globals).
  const json = (status: number, body: unknown) =>
    ({ status, ok: status >= 200 && status < 300, json: async () => body, text: async () => JSON.stringify(body) }) as unknown as Response;
  const tokens = () => {
    seq += 1;
    return {
      accessToken: `access-${seq}`, refreshToken: `refresh-${seq}`,
      accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(), refreshTokenExpiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      user: { id: "tech-1", organizationId: "org-1", role: "TECHNICIAN" },
    };
  };
  const view = (job: SyncJob): SyncJob => ({ ...job, allowedTransitions: (NEXT[job.status] ?? []) as SyncJob["allowedTransitions"] });

  function apply(m: SyncMutation): SyncMutationResult {
    const job = jobs.get(m.jobId);
    if (!job) return { mutationId: m.mutationId, status: "rejected", code: "NOT_FOUND", message: "No encontramos el trabajo." };
    if (m.type === "transition") {
      if (state.rejectNext) {
        const message = state.rejectNext;
        state.rejectNext = null;
        return { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message };
      }
      if (!(NEXT[job.status] ?? []).includes(m.to)) {
        return { mutationId: m.mutationId, status: "rejected", code: "VALIDATION_FAILED", message: `Un trabajo ${LABELS[job.status]} no puede pasar a ${LABELS[m.to]}.` };
      }
      const next = { ...job, status: m.to, transitions: [...job.transitions, { from: job.status, to: m.to, at: m.createdAt, note: m.note ?? null, actorType: "USER" as const, actorId: "tech-1" }] };
      jobs.set(job.id, next);
      return { mutationId: m.mutationId, status: "applied", job: view(next) };
    }
    if (m.type === "attach") {
      if (!uploads.has(m.sha256)) return { mutationId: m.mutationId, status: "retry", code: "UPLOAD_MISSING", message: "Falta el archivo." };
      const next = { ...job, attachments: [...job.attachments, { id: `att-${m.sha256.slice(0, 8)}`, kind: m.kind, mimeType: "image/png", size: 1, sha256: m.sha256, createdAt: m.createdAt, url: "/x" }] };
      jobs.set(job.id, next);
      return { mutationId: m.mutationId, status: "applied", job: view(next) };
    }
    if (m.type === "set_text" && m.field === "notes") {
      const next = { ...job, notes: m.value };
      jobs.set(job.id, next);
      return { mutationId: m.mutationId, status: "applied", job: view(next) };
    }
    return { mutationId: m.mutationId, status: "applied", job: view(job) };
  }

  const fetch = async (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const u = new URL(String(url));
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const body = typeof init.body === "string" ? JSON.parse(init.body) : init.body;
    calls.push({ method: init.method ?? "GET", path: u.pathname, headers, body });
    if (state.offline) throw new TypeError("Network request failed");
    const path = u.pathname;
    if (path === "/api/auth/otp/request") return json(202, { ok: true, message: "Si el número está registrado, te enviamos un código por WhatsApp." });
    if (path === "/api/auth/otp/verify") {
      return (body as { code: string }).code === "123456" ? json(200, tokens()) : json(401, { error: { code: "OTP_INVALID", message: "El código no es correcto." } });
    }
    if (path === "/api/auth/refresh") {
      refreshCount += 1;
      return json(200, tokens());
    }
    if (path === "/api/auth/logout") return json(200, { ok: true });
    if (!headers.authorization?.startsWith("Bearer ")) return json(401, { error: { code: "UNAUTHENTICATED", message: "Tenés que iniciar sesión." } });
    if (path === "/api/sync/pull") {
      return json(200, { protocol: 1, reset: !u.searchParams.get("cursor"), jobs: [...jobs.values()].map(view), removed: [], priceList: input.priceList ?? [], cursor: `c${calls.length}`, hasMore: false, serverTime: new Date().toISOString(), window: { from: "", to: "" } });
    }
    if (path === "/api/sync/push") return json(200, { results: (body as { mutations: SyncMutation[] }).mutations.map(apply) });
    if (path.startsWith("/api/sync/uploads/")) {
      const sha = path.split("/").pop()!;
      uploads.add(sha);
      return json(201, { sha256: sha, uploadId: "u1", mimeType: "image/png", size: 1, created: true });
    }
    if (path === "/api/me/push-tokens") return json(200, { devices: 1 });
    if (path === "/api/tracking/positions") {
      // Like src/modules/tracking: at most 100 per request, and only while a job is en camino / working (else 409).
      const batch = (body as { positions: { lat: number; lng: number; recordedAt: string }[] }).positions;
      if (state.positionsStatus) return json(state.positionsStatus, { error: { code: "TEST", message: "Error de prueba." } });
      if (batch.length > 100) return json(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "Mandá como mucho 100 posiciones por pedido." } });
      const active = [...jobs.values()].find((j) => j.status === "en_camino" || j.status === "working");
      if (!active) return json(409, { error: { code: "CONFLICT", message: "No tenés un trabajo en camino ni en curso: no guardamos tu ubicación." } });
      positions.push(batch);
      return json(200, { accepted: batch.length, dropped: 0, jobId: active.id, eta: null, arrival: { suggested: false, autoArrived: false } });
    }
    return json(404, { error: { code: "NOT_FOUND", message: "No existe." } });
  };

  return { fetch: fetch as typeof globalThis.fetch, jobs, calls, uploads, state, positions, refreshes: () => refreshCount };
}
