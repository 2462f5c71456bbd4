/** Simulated time. The World's clock counts ms from this instant; nothing reads the real clock. */
export const EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Docker's RFC 3339 with nanoseconds, e.g. "2026-01-01T00:00:01.000000000Z". */
export function dockerTime(clock: number): string {
  const iso = new Date(EPOCH_MS + clock).toISOString(); // 2026-01-01T00:00:01.000Z
  return `${iso.slice(0, 23)}000000Z`;
}
