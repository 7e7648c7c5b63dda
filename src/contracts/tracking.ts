// Live tracking shapes shared by the server (src/modules/tracking, the API), the dashboard's dispatch map, the
// customer's /seguimiento page and the phone app. No runtime dependencies: safe in client bundles.
// Dates travel as ISO strings (these are JSON wire shapes).

// What the phone app posts to POST /api/tracking/positions (at most TRACKING_MAX_BATCH points per request).
export const TRACKING_MAX_BATCH = 100;

export type PositionInput = {
  lat: number; // -90..90
  lng: number; // -180..180
  accuracy?: number | null; // metres, 0..10_000
  speed?: number | null; // metres per second, 0..100
  heading?: number | null; // degrees 0..360
  recordedAt: string; // ISO date-time, from the device clock; not more than 2 minutes in the future
};

export type PositionBatchResult = {
  accepted: number;
  // Duplicates (same recordedAt as one already seen) and points older than the newest one already stored.
  dropped: number;
  jobId: string; // the en_camino / working job the positions were accepted for
  eta: TrackingEta | null;
  // Inside the organization's arrival geofence while en_camino: the app offers "Llegué" (or, with auto-arrival on,
  // the job already moved to working and autoArrived is true).
  arrival: { suggested: boolean; autoArrived: boolean };
};

export type TrackingEta = {
  distanceMeters: number; // estimated road distance to the job
  minutes: number; // whole minutes, at least 1 unless arriving
  arriving: boolean; // within the arrival radius ("llegando")
  source: "estimate" | "routing"; // straight line × urban factor / average speed, or a routing engine
  computedAt: string;
};

export type LatLng = { lat: number; lng: number };

export type TechnicianMapState = "libre" | "en_camino" | "trabajando" | "sin_senal";

export const TECHNICIAN_MAP_STATE_LABELS: Record<TechnicianMapState, string> = {
  libre: "Libre",
  en_camino: "En camino",
  trabajando: "Trabajando",
  sin_senal: "Sin señal",
};

// GET /api/tracking/map?day=YYYY-MM-DD (Buenos Aires day; today by default).
export type DispatchMapView = {
  day: string;
  generatedAt: string;
  technicians: {
    id: string;
    name: string;
    vehicle: string | null; // shown to the customer on the tracking page; set from the map
    plate: string | null;
    state: TechnicianMapState;
    position: (LatLng & { accuracy: number | null; recordedAt: string }) | null;
    activeJobId: string | null; // en_camino / working job
    eta: TrackingEta | null; // to the active job while en_camino
  }[];
  jobs: {
    id: string;
    number: number;
    status: string; // JOB_STATES
    serviceType: string;
    urgency: string;
    address: string;
    location: LatLng | null; // null: not geocoded / no pin yet
    scheduledStart: string | null;
    technicianId: string | null;
    customerName: string;
  }[];
};

// GET /api/tracking/technicians/:id/route?day=YYYY-MM-DD
export type TechnicianRouteView = {
  technicianId: string;
  day: string;
  points: (LatLng & { recordedAt: string })[]; // thinned history, oldest first
  nextJob: { id: string; number: number; address: string; location: LatLng | null; scheduledStart: string | null } | null;
};

// GET /api/jobs/:id/nearest-technicians: free technicians with a fresh position, nearest first.
export type NearestTechniciansView = {
  jobId: string;
  location: LatLng | null; // null: the job has no coordinates, so nothing can be ranked
  technicians: { id: string; name: string; state: TechnicianMapState; distanceMeters: number; eta: TrackingEta }[];
};

// GET /api/seguimiento/:token (public; the signed token is the only credential). The /seguimiento/<token> page
// renders this and polls it while the visit is live.
export type PublicTrackingView = {
  organization: { name: string; whatsappPhone: string | null; callPhone: string | null }; // E.164 digits
  number: number;
  status: string; // JOB_STATES
  serviceType: string;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  technician: { firstName: string; initial: string; vehicle: string | null; plate: string | null } | null;
  steps: { status: string; at: string }[];
  // Only while en_camino (and the plan includes live tracking): never the technician's history, never other jobs.
  live: {
    technician: (LatLng & { recordedAt: string }) | null;
    destination: LatLng | null;
    eta: TrackingEta | null;
  } | null;
  // false on plans without live tracking: the page shows the static steps only.
  liveTrackingEnabled: boolean;
  pollSeconds: number; // how often the page asks again (0: nothing will change, stop polling)
};
