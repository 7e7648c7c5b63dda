// The TRA (loginTicketRequest) WSAA signs in for one service. Times carry the Buenos Aires offset explicitly;
// the window is ±10 minutes around now (the TA's 12-hour life is WSAA's decision, not this window).
const WINDOW_MS = 10 * 60_000;

function isoBuenosAires(ms: number): string {
  // Argentina has had no DST since 2009: UTC−03:00 all year (reference/ARGENTINA.md §7.1).
  const local = new Date(ms - 3 * 3600_000).toISOString().slice(0, 19);
  return `${local}-03:00`;
}

export function buildTra(input: { service: string; now: number; uniqueId?: number }): string {
  const uniqueId = input.uniqueId ?? Math.floor(input.now / 1000) % 4_294_967_296;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<loginTicketRequest version="1.0">`,
    `<header>`,
    `<uniqueId>${uniqueId}</uniqueId>`,
    `<generationTime>${isoBuenosAires(input.now - WINDOW_MS)}</generationTime>`,
    `<expirationTime>${isoBuenosAires(input.now + WINDOW_MS)}</expirationTime>`,
    `</header>`,
    `<service>${input.service}</service>`,
    `</loginTicketRequest>`,
  ].join("");
}
