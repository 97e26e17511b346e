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

/**
 * Under a minute, a relative time reads "just now" (刚刚): "14秒钟前" is noise to a reader, and a
 * clock a few seconds off between server and phone would otherwise show "in 3 seconds".
 */
export function isJustNow(then: number, now: number): boolean {
  return Math.abs(now - then) < 60_000;
}
