import { DAY_MS, type Period } from './period';

/** Topics raised and closed over time, in buckets of the period. */

/** Week buckets for periods up to 120 days, 30-day buckets beyond. */
export function bucketSize(p: Pick<Period, 'from' | 'to'>): number {
  return p.to - p.from <= 120 * DAY_MS ? 7 * DAY_MS : 30 * DAY_MS;
}

export interface SeriesPoint {
  /** Start of the bucket, ms. */
  start: number;
  raised: number;
  closed: number;
}

/** Every bucket of the period in order, empty ones as zero. Buckets are numbered from the period's start. */
export function series(
  rows: readonly { bucket: number; raised: number; closed: number }[],
  p: Pick<Period, 'from' | 'to'>,
): SeriesPoint[] {
  const size = bucketSize(p);
  const n = Math.ceil((p.to - p.from) / size);
  const points: SeriesPoint[] = Array.from({ length: n }, (_, i) => ({
    start: p.from + i * size,
    raised: 0,
    closed: 0,
  }));
  for (const r of rows) {
    const point = points[r.bucket];
    if (!point) continue;
    point.raised += r.raised;
    point.closed += r.closed;
  }
  return points;
}
