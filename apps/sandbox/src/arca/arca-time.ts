import type { SandboxState } from "../state.ts";

// ARCA works in Buenos Aires time, a fixed UTC−03:00 (no DST since 2009), so a constant shift is exact.
const AR_OFFSET_MS = -3 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The sandbox's "now" for WSAA and WSFE: the real clock shifted by config.arca.clockOffsetMs (expiry/renewal tests). */
export function arcaNow(state: SandboxState): number {
  return Date.now() + state.config.arca.clockOffsetMs;
}

function arParts(ms: number): { y: string; mo: string; d: string; h: string; mi: string; s: string; ms: number } {
  const t = new Date(ms + AR_OFFSET_MS);
  const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
  return {
    y: pad(t.getUTCFullYear(), 4),
    mo: pad(t.getUTCMonth() + 1),
    d: pad(t.getUTCDate()),
    h: pad(t.getUTCHours()),
    mi: pad(t.getUTCMinutes()),
    s: pad(t.getUTCSeconds()),
    ms: t.getUTCMilliseconds(),
  };
}

/** WSAA's TA timestamps: `2019-09-26T13:56:14.467-03:00`. */
export function arDateTime(ms: number): string {
  const p = arParts(ms);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}.${String(p.ms).padStart(3, "0")}-03:00`;
}

/** FEHeaderInfo's fecha: .NET's seven fractional digits. */
export function arDateTime7(ms: number): string {
  const p = arParts(ms);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}.${String(p.ms).padStart(3, "0")}0000-03:00`;
}

/** `yyyymmdd` in Buenos Aires (CbteFch, CAEFchVto). */
export function arYmd(ms: number): string {
  const p = arParts(ms);
  return `${p.y}${p.mo}${p.d}`;
}

/** `yyyymmddhhmmss` in Buenos Aires (FchProceso). */
export function arYmdHms(ms: number): string {
  const p = arParts(ms);
  return `${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}`;
}

/** Days since 1970-01-01 for a valid `yyyymmdd`, so dates compare and add as integers; undefined when invalid. */
export function ymdToDay(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / DAY_MS;
}

export function dayToYmd(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10).replace(/-/g, "");
}

/** Today in Buenos Aires as a day number. */
export function arToday(ms: number): number {
  return ymdToDay(arYmd(ms)) as number;
}

const XSD_DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An xsd:dateTime as epoch ms, or undefined when malformed or impossible (31 Feb, 25:00). Without an offset it is read
 * as Buenos Aires time, the WSAA server's zone (the official C# client sends `ToString("s")`, local time, no offset).
 */
export function parseXsdDateTime(value: string): number | undefined {
  const m = XSD_DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const base = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(base);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  const fraction = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  const zone = m[8] ?? "-03:00";
  let offsetMs = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const [oh, om] = zone.slice(1).split(":").map(Number) as [number, number];
    if (oh > 14 || om > 59) return undefined;
    offsetMs = sign * (oh * 60 + om) * 60 * 1000;
  }
  return base + fraction - offsetMs;
}
