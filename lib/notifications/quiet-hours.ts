/**
 * Quiet hours (免打扰): no push to the phone between `from` and `to`, in Asia/Shanghai (UTC+8 all
 * year). Notifications still go to the in-app list at once; the push waits for the quiet to end.
 * Times are minutes after midnight; `from` after `to` spans midnight (22:00–07:00, the default).
 */
export interface QuietHours {
  enabled: boolean;
  from: number;
  to: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, from: 22 * 60, to: 7 * 60 };

const OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Minutes after midnight in Shanghai. */
export function shanghaiMinuteOfDay(ms: number): number {
  return Math.floor(((((ms + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

export function isQuiet(now: number, q: QuietHours): boolean {
  if (!q.enabled || q.from === q.to) return false;
  const m = shanghaiMinuteOfDay(now);
  return q.from < q.to ? m >= q.from && m < q.to : m >= q.from || m < q.to;
}

/** The earliest moment at or after `now` when a push may go out. */
export function nextSendTime(now: number, q: QuietHours): number {
  if (!isQuiet(now, q)) return now;
  const midnight = now - ((((now + OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS);
  const end = midnight + q.to * MINUTE_MS;
  return end > now ? end : end + DAY_MS;
}

/** "22:00" → 1320; null unless a real time of day written HH:MM. */
export function parseClockTime(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 1320 → "22:00". */
export function formatClockTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
