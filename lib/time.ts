/**
 * Times in Asia/Shanghai (UTC+8 all year, no daylight saving), as forms and files write them.
 * Stored times are milliseconds since the epoch, UTC.
 */
const OFFSET_MS = 8 * 3_600_000;

/** "YYYY-MM-DDTHH:mm": the value of an <input type="datetime-local">. */
export function shanghaiMinute(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}

/** "YYYY-MM-DD": the value of an <input type="date">, or a date in an export. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}
