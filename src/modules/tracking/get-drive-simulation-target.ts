import type { LatLng } from "../../contracts/tracking";
import { withTenant } from "../../lib/db";
import { AppError } from "../../lib/errors";

export type DriveSimulationTarget = { jobId: string; number: number; technicianId: string; technicianName: string; destination: LatLng };

// `campotech tracking simulate`: the job a scripted "phone" drives to. Same preconditions the phone has (a technician
// assigned, the job en camino or en curso, coordinates to aim at), each refused with what to do about it.
export async function getDriveSimulationTarget(organizationId: string, jobNumber: number): Promise<DriveSimulationTarget> {
  const job = await withTenant(organizationId, (tx) => tx.job.findFirst({
    where: { number: jobNumber },
    select: { id: true, number: true, status: true, latitude: true, longitude: true, technician: { select: { id: true, name: true } } },
  }));
  if (!job) throw new AppError("NOT_FOUND", { message: `No existe el trabajo #${jobNumber} en la organización ${organizationId}.` });
  if (!job.technician) throw new AppError("CONFLICT", { message: `El trabajo #${jobNumber} no tiene técnico asignado: asignalo desde el panel.` });
  if (job.status !== "en_camino" && job.status !== "working") {
    throw new AppError("CONFLICT", { message: `El trabajo #${jobNumber} está «${job.status}»: pasalo a «en camino» para que el técnico comparta su ubicación.` });
  }
  if (job.latitude === null || job.longitude === null) {
    throw new AppError("CONFLICT", { message: `El trabajo #${jobNumber} no tiene coordenadas: marcalo en el mapa (/panel/mapa) o configurá GEOCODER_URL.` });
  }
  return { jobId: job.id, number: job.number, technicianId: job.technician.id, technicianName: job.technician.name, destination: { lat: job.latitude, lng: job.longitude } };
}

// A straight drive from `distanceMeters` away (bearing in degrees from the destination) to the destination, in steps.
export function simulatedRoute(destination: LatLng, input: { distanceMeters: number; bearingDegrees: number; steps: number }): LatLng[] {
  const rad = (input.bearingDegrees * Math.PI) / 180;
  const start = {
    lat: destination.lat + (Math.cos(rad) * input.distanceMeters) / 111_320,
    lng: destination.lng + (Math.sin(rad) * input.distanceMeters) / (111_320 * Math.cos((destination.lat * Math.PI) / 180)),
  };
  return Array.from({ length: input.steps + 1 }, (_, i) => ({
    lat: start.lat + ((destination.lat - start.lat) * i) / input.steps,
    lng: start.lng + ((destination.lng - start.lng) * i) / input.steps,
  }));
}
