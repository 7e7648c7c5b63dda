// The technician app's offline sync protocol (docs/sync.md): what GET /api/sync/pull returns, what POST /api/sync/push
// accepts and answers, and PUT /api/sync/uploads/:sha256. Shared by the server (src/modules/sync), the sync engine
// (src/sync-engine, which runs in React Native and the browser) and the app. No runtime dependencies beyond constants:
// safe in any bundle. Dates travel as ISO strings; money as integer centavos; quantities in thousandths.

export const SYNC_PROTOCOL_VERSION = 1;
// Jobs per pull page (the client may ask for fewer with ?limit=).
export const SYNC_PULL_DEFAULT_LIMIT = 50;
export const SYNC_PULL_MAX_LIMIT = 200;
// Mutations per push; the engine sends its outbox in chunks of at most this many.
export const SYNC_PUSH_MAX_BATCH = 50;
// The technician's window: Buenos Aires days from today − 7 to today + 7, plus any job en camino or working.
export const SYNC_WINDOW_DAYS = 7;
// Uploads (the same limits as POST /api/jobs/:id/attachments): photos JPEG/PNG/WebP ≤ 10 MB, signatures PNG ≤ 1 MB.
export const SYNC_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const SYNC_SIGNATURE_MAX_BYTES = 1024 * 1024;
export const SYNC_UPLOAD_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const SYNC_NOTE_MAX_LENGTH = 4000;

export type SyncJobStatus = "pending" | "scheduled" | "en_camino" | "working" | "completed" | "cancelled";
export type SyncServiceType = "PLUMBING" | "GAS" | "ELECTRICAL" | "HVAC" | "DRAINAGE" | "GENERAL";
export type SyncUrgency = "EMERGENCY" | "HIGH" | "NORMAL";
export type SyncAttachmentKind = "PHOTO" | "SIGNATURE";

export const SYNC_STATUS_LABELS: Record<SyncJobStatus, string> = {
  pending: "Pendiente",
  scheduled: "Agendado",
  en_camino: "En camino",
  working: "Trabajando",
  completed: "Completado",
  cancelled: "Cancelado",
};

export type SyncLineItem = {
  id: string;
  priceListItemId: string | null;
  description: string;
  quantityMilli: number; // 1,5 → 1500
  unitPriceCents: number;
  ivaRateBps: number; // 2100 = 21 %
  position: number;
  netCents: number;
};

export type SyncTotals = {
  byRate: { ivaRateBps: number; baseCents: number; ivaCents: number }[];
  netCents: number;
  ivaCents: number;
  totalCents: number;
};

export type SyncAttachment = {
  id: string;
  kind: SyncAttachmentKind;
  mimeType: string;
  size: number;
  sha256: string | null; // null for attachments added before content hashes were kept
  createdAt: string;
  // Relative URL of the bytes (GET, with the same Bearer token).
  url: string;
};

export type SyncTransition = {
  from: SyncJobStatus | null;
  to: SyncJobStatus;
  at: string;
  note: string | null;
  actorType: "USER" | "SYSTEM" | "OPERATOR";
  actorId: string | null;
};

export type SyncTimeEntry = { entryId: string; minutes: number; startedAt: string | null; endedAt: string | null; technicianId: string | null };

// One job as the technician's phone holds it. The server sends it whole whenever anything in it changed.
export type SyncJob = {
  id: string;
  number: number;
  status: SyncJobStatus;
  // What this technician may move it to now (the state machine, for the buttons). Never trusted by the server.
  allowedTransitions: SyncJobStatus[];
  serviceType: SyncServiceType;
  urgency: SyncUrgency;
  description: string;
  notes: string;
  address: string;
  location: { lat: number; lng: number } | null;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  technicianId: string | null;
  customer: { id: string; name: string; phone: string | null; address: string | null };
  lineItems: SyncLineItem[];
  // Echo it as baseLinesVersion when replacing the lines: a quote changed by the office meanwhile is a conflict.
  linesVersion: string;
  totals: SyncTotals;
  attachments: SyncAttachment[];
  transitions: SyncTransition[];
  timeEntries: SyncTimeEntry[];
  workedMinutes: number;
  updatedAt: string;
};

export type SyncPriceListItem = {
  id: string;
  code: string;
  name: string;
  description: string | null;
  serviceType: SyncServiceType;
  unit: string;
  priceCents: number;
  ivaRateBps: number;
};

// The job left the technician's view: deleted, reassigned to someone else, or out of the window. The phone drops it
// (and the app may say why).
export type SyncTombstone = { jobId: string; reason: "deleted" | "reassigned" | "out_of_window" };

// GET /api/sync/pull?cursor=&limit= — pass the previous page's cursor (none the first time). Pages until hasMore is
// false; keep the last cursor for the next sync. The cursor is opaque.
export type SyncPullResponse = {
  protocol: number;
  // true: this pull is a full snapshot (first sync, a new day, or a cursor too old). Across its pages the client
  // receives every job in its view; afterwards, jobs it holds that did not come must be dropped.
  reset: boolean;
  jobs: SyncJob[];
  removed: SyncTombstone[];
  // The whole active price list when it changed since the cursor (always on a reset's first page); null: unchanged.
  priceList: SyncPriceListItem[] | null;
  cursor: string;
  hasMore: boolean;
  serverTime: string;
  window: { from: string; to: string }; // Buenos Aires dates, inclusive
};

// ——— Mutations the phone pushes ———

type MutationBase = {
  mutationId: string; // UUID generated on the phone: the idempotency key
  createdAt: string; // when the technician did it (device clock)
  jobId: string;
};

// Only forward field states for a technician (en_camino → working → completed); the office may also cancel.
export type TransitionMutation = MutationBase & { type: "transition"; to: SyncJobStatus; note?: string };

export type LineItemInput = {
  priceListItemId?: string; // from the price list: description, price and IVA come from the item unless given
  description?: string; // a free line gives description, unitPriceCents and ivaRateBps
  quantityMilli: number;
  unitPriceCents?: number;
  ivaRateBps?: number;
};
export type SetLineItemsMutation = MutationBase & { type: "set_line_items"; lines: LineItemInput[]; baseLinesVersion: string };

// Free text with the value the phone last saw: if the server's differs (someone edited meanwhile) the mutation comes
// back as a conflict carrying the server's value, never applied over it. description is the office's (technicians
// get rejected); notes are the visit's, shared by the technician and the office.
export type SetTextMutation = MutationBase & { type: "set_text"; field: "notes" | "description"; value: string; base: string };

// Upload the bytes first (PUT /api/sync/uploads/:sha256), then attach by hash.
export type AttachMutation = MutationBase & { type: "attach"; kind: SyncAttachmentKind; sha256: string };

// Minutes worked, typed or measured (startedAt/endedAt from the app's start/stop; minutes derived when omitted).
export type LogTimeMutation = MutationBase & { type: "log_time"; entryId: string; minutes?: number; startedAt?: string; endedAt?: string };

// "Estoy en la puerta": pins the job where the technician is (PUT /api/jobs/:id/location semantics).
export type SetLocationMutation = MutationBase & { type: "set_location"; lat: number; lng: number };

export type SyncMutation = TransitionMutation | SetLineItemsMutation | SetTextMutation | AttachMutation | LogTimeMutation | SetLocationMutation;
export type SyncMutationType = SyncMutation["type"];

export type SyncPushRequest = { mutations: SyncMutation[] };

// Per mutation, in the order sent:
// - applied: done; job is the server's view of the job afterwards (null when it left the technician's view).
// - rejected: the domain said no (illegal transition, not your job, bad input…); message is Spanish, for the person.
// - conflict: free text or quote lines changed on the server since the phone's base; serverValue is what is there now.
// - duplicate: this mutationId was already processed; original is the stored answer (nothing was applied again).
// - retry: not processed and not recorded (a transient failure, an upload the server does not have yet, or an earlier
//   mutation of the same job that must be retried first). Send it again later, in order.
export type MutationOutcome =
  | { status: "applied"; job: SyncJob | null }
  | { status: "rejected"; code: string; message: string }
  | { status: "conflict"; field: "notes" | "description" | "lineItems"; serverValue: unknown; message: string; job: SyncJob | null };

export type SyncMutationResult =
  | ({ mutationId: string } & MutationOutcome)
  | { mutationId: string; status: "duplicate"; original: MutationOutcome }
  | { mutationId: string; status: "retry"; code: string; message: string };

export type SyncPushResponse = { results: SyncMutationResult[] };

// PUT /api/sync/uploads/:sha256 (body: the bytes; Content-Type: image/jpeg | image/png | image/webp).
export type SyncUploadResponse = { sha256: string; uploadId: string; mimeType: string; size: number; created: boolean };
