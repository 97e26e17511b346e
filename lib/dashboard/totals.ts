import { meanTenths, percent } from './numbers';

/** Topic and task figures: the aggregate rows summed per compound and over a scope. */

/** One aggregate row per compound and category (the query groups by both). */
export interface TopicAggRow {
  compoundId: number;
  category: string;
  raised: number;
  accepted: number;
  decided: number;
  carried: number;
  closed: number;
  /** Tasks marked done in the period, and of those, done by their deadline without going overdue. */
  done: number;
  onTime: number;
  /** Tasks overdue now. */
  overdue: number;
}

/** One row per compound: ratings given in the period, and topics sent up in it. */
export interface RatingAggRow {
  compoundId: number;
  ratings: number;
  stars: number;
  rated: number;
}
export interface EscalationAggRow {
  compoundId: number;
  escalated: number;
}

export const ZERO_COUNTS = {
  raised: 0,
  accepted: 0,
  decided: 0,
  carried: 0,
  closed: 0,
  done: 0,
  onTime: 0,
  overdue: 0,
  ratings: 0,
  stars: 0,
  rated: 0,
  escalated: 0,
};
export type Counts = typeof ZERO_COUNTS;

/** The counts of a compound or scope, and what follows from them. */
export type Totals = Counts & {
  late: number;
  /** Whole percent of `done` that were on time; null when nothing was done. */
  onTimePercent: number | null;
  /** Average stars in tenths; null when nobody rated. */
  ratingTenths: number | null;
};

/** Counts with the rates that follow from them. */
export function totalsOf(c: Counts): Totals {
  return {
    ...c,
    late: c.done - c.onTime,
    onTimePercent: percent(c.onTime, c.done),
    ratingTenths: meanTenths(c.stars, c.ratings),
  };
}

/** Adds a row's counts (any it has) into `c`. */
export function addCounts(c: Counts, r: Partial<Counts>) {
  for (const k of Object.keys(ZERO_COUNTS) as (keyof Counts)[]) c[k] += r[k] ?? 0;
}

/**
 * The figures per compound (keyed by compound id) and for the whole scope. Compounds with no
 * rows at all are absent from `byCompound`; callers list them with `Totals` of zero.
 */
export function totalsByCompound(
  topicRows: readonly TopicAggRow[],
  ratingRows: readonly RatingAggRow[],
  escalationRows: readonly EscalationAggRow[],
): { byCompound: Map<number, Totals>; all: Totals } {
  const counts = new Map<number, Counts>();
  const of = (id: number) => {
    let c = counts.get(id);
    if (!c) {
      c = { ...ZERO_COUNTS };
      counts.set(id, c);
    }
    return c;
  };
  for (const r of topicRows) addCounts(of(r.compoundId), r);
  for (const r of ratingRows) addCounts(of(r.compoundId), r);
  for (const r of escalationRows) addCounts(of(r.compoundId), r);
  const all = { ...ZERO_COUNTS };
  const byCompound = new Map<number, Totals>();
  for (const [id, c] of counts) {
    addCounts(all, c);
    byCompound.set(id, totalsOf(c));
  }
  return { byCompound, all: totalsOf(all) };
}

export const EMPTY_TOTALS: Totals = totalsOf({ ...ZERO_COUNTS });

/** Topics raised in the period per category, with how many got to each funnel stage; most raised first. */
export function byCategory(rows: readonly TopicAggRow[]): { category: string; raised: number; closed: number }[] {
  const m = new Map<string, { category: string; raised: number; closed: number }>();
  for (const r of rows) {
    const e = m.get(r.category) ?? { category: r.category, raised: 0, closed: 0 };
    e.raised += r.raised;
    e.closed += r.closed;
    m.set(r.category, e);
  }
  return [...m.values()]
    .filter((e) => e.raised > 0)
    .sort((a, b) => b.raised - a.raised || a.category.localeCompare(b.category));
}
