import type { FigureKey } from './funnel';
import { formatTenths } from './numbers';

/** How long each stage of a topic's life took: medians and the slowest, from an hours histogram. */

export const STAGES = ['review', 'decide', 'carry', 'rate', 'whole'] as const;
export type Stage = (typeof STAGES)[number];

/** The list behind each stage's count: the topics that finished that stage in the period. */
export const STAGE_FIGURE: Record<Stage, FigureKey> = {
  review: 'reviewedIn',
  decide: 'decidedIn',
  carry: 'done',
  rate: 'closedIn',
  whole: 'closedIn',
};

/** How many topics finished a stage after so many whole hours (the query's histogram). */
export interface StageBucket {
  stage: Stage;
  hours: number;
  n: number;
  /** The slowest topic of its stage, on the row the query picked for the maximum. */
  slowestTopicId?: number | null;
}

export interface StageFigure {
  stage: Stage;
  /** Topics that finished this stage in the period. */
  count: number;
  /** Median hours (the mean of the middle two when the count is even); null when none. */
  medianHours: number | null;
  slowestHours: number | null;
  slowestTopicId: number | null;
}

/** The median of a histogram of whole hours; exact, without expanding it. */
export function medianOfHistogram(buckets: readonly { hours: number; n: number }[]): number | null {
  const sorted = buckets.filter((b) => b.n > 0).sort((a, b) => a.hours - b.hours);
  const count = sorted.reduce((s, b) => s + b.n, 0);
  if (count === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (index < seen) return b.hours;
    }
    throw new Error('index past the histogram');
  };
  const lo = at(Math.floor((count - 1) / 2));
  const hi = at(Math.floor(count / 2));
  return (lo + hi) / 2;
}

export function stageFigures(buckets: readonly StageBucket[], slowest: ReadonlyMap<Stage, number>): StageFigure[] {
  return STAGES.map((stage) => {
    const mine = buckets.filter((b) => b.stage === stage && b.n > 0);
    const count = mine.reduce((s, b) => s + b.n, 0);
    return {
      stage,
      count,
      medianHours: medianOfHistogram(mine),
      slowestHours: count === 0 ? null : Math.max(...mine.map((b) => b.hours)),
      slowestTopicId: count === 0 ? null : (slowest.get(stage) ?? null),
    };
  });
}

/** Hours as people say them: "不到 1 小时", "5 小时" under two days, else days with one decimal ("2.5 天"). */
export function durationParts(hours: number): { unit: 'underHour' | 'hours' | 'days'; value: string } {
  if (hours < 1) return { unit: 'underHour', value: '1' };
  if (hours < 48) return { unit: 'hours', value: String(Math.round(hours)) };
  const tenths = Math.round((hours * 10) / 24);
  return { unit: 'days', value: tenths % 10 === 0 ? String(tenths / 10) : formatTenths(tenths) };
}
