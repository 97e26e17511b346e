import { z } from 'zod';

/** The days a dashboard covers, as Asia/Shanghai counts them. */

export const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;
export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_DAYS = 3 * 366;

export interface Period {
  /** Inclusive start, ms (00:00 Asia/Shanghai). */
  from: number;
  /** Exclusive end, ms (00:00 Asia/Shanghai of the day after the last day). */
  to: number;
  /** The dates as the form shows them, "YYYY-MM-DD", both inclusive. */
  fromDay: string;
  toDay: string;
}

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function dayOf(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

function startOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/**
 * The period a dashboard shows, from its query string. Missing or malformed dates fall back to
 * the last `DEFAULT_PERIOD_DAYS` days up to today; a reversed or over-long range is refused with
 * `error` set (the page says so and shows the default).
 */
export function parsePeriod(
  q: { from?: string | undefined; to?: string | undefined },
  now: number,
): Period & { error: boolean } {
  const today = dayOf(now);
  const fallback = (error: boolean): Period & { error: boolean } => {
    const to = startOfDay(today) + DAY_MS;
    const from = to - DEFAULT_PERIOD_DAYS * DAY_MS;
    return { from, to, fromDay: dayOf(from), toDay: today, error };
  };
  if (!q.from && !q.to) return fallback(false);
  const f = dayString.safeParse(q.from);
  const t = dayString.safeParse(q.to);
  if (!f.success || !t.success) return fallback(true);
  const from = startOfDay(f.data);
  const to = startOfDay(t.data) + DAY_MS;
  if (!Number.isFinite(from) || !Number.isFinite(to) || dayOf(from) !== f.data || dayOf(to - DAY_MS) !== t.data) {
    return fallback(true);
  }
  if (from >= to || to - from > MAX_PERIOD_DAYS * DAY_MS) return fallback(true);
  return { from, to, fromDay: f.data, toDay: t.data, error: false };
}

/** The notice board's count: whole days left to object (a part-day counts as a day); 0 once the notice has ended. */
export function daysLeft(endsAt: number, now: number): number {
  return endsAt <= now ? 0 : Math.ceil((endsAt - now) / DAY_MS);
}
