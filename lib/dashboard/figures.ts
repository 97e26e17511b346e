import { z } from 'zod';
import { TOPIC_STATUSES, type TopicStatus } from '../topics/lifecycle';

/**
 * The dashboards' figures (看板). Queries return small grouped rows (db/dashboard/dashboard.ts, one
 * aggregate statement per kind of figure, never one per compound); everything shown is computed
 * here from those rows, so every level — compound, community, street, district — counts alike.
 *
 * Which topics a figure counts is defined once, by `FIGURES`: the same predicate gives the
 * dashboard's count and the list of topics it links to, so the two always agree.
 */

export const LEVELS = ['compound', 'community', 'street', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/** The level a dashboard's ranking table lists, one step down. */
export const CHILD_LEVEL: Record<Level, Level | null> = {
  district: 'street',
  street: 'community',
  community: 'compound',
  compound: null,
};

export function isLevel(v: string): v is Level {
  return (LEVELS as readonly string[]).includes(v);
}

/**
 * The funnel: of the topics raised in the period, how many have got at least this far. A small
 * matter counts as accepted and decided (the secretary's routing is its decision); a withdrawn
 * decision sends its topic back to deliberation, so it no longer counts as decided.
 */
export const FUNNEL = {
  raised: null,
  // Every status but the three a topic has before or instead of being taken up.
  accepted: TOPIC_STATUSES.filter((s) => s !== 'raised' && s !== 'rejected' && s !== 'merged'),
  decided: ['small_matter', 'decided', 'publicised', 'assigned', 'in_progress', 'rating', 'closed'],
  carried: ['rating', 'closed'],
  closed: ['closed'],
} as const satisfies Record<string, readonly TopicStatus[] | null>;
export type FunnelKey = keyof typeof FUNNEL;
export const FUNNEL_KEYS = Object.keys(FUNNEL) as FunnelKey[];

/**
 * Every figure that links to a list of topics. Funnel figures count topics raised in the period;
 * `done`/`onTime`/`late` count tasks marked done in the period; `overdue` counts tasks overdue now
 * (whenever they were raised); `rated` topics rated in the period; `escalated` topics sent up in it.
 */
export const FIGURE_KEYS = [
  ...FUNNEL_KEYS,
  'done',
  'onTime',
  'late',
  'overdue',
  'rated',
  'escalated',
  // The topics behind the stage durations: reviewed, decided and closed in the period.
  'reviewedIn',
  'decidedIn',
  'closedIn',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export function isFigureKey(v: string): v is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(v);
}

// ── Period ──

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

// ── Arithmetic (integers only, halves round up) ──

/** n of d as a whole percent, or null when there is nothing to divide by. */
export function percent(n: number, d: number): number | null {
  if (d <= 0) return null;
  return Math.floor((200 * n + d) / (2 * d));
}

/** The mean of `sum` over `count` in tenths (43 = 4.3), or null when nothing was counted. */
export function meanTenths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((20 * sum + count) / (2 * count));
}

export function formatTenths(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

// ── Topic and task figures ──

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

const ZERO_COUNTS = {
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
type Counts = typeof ZERO_COUNTS;

/** The counts of a compound or scope, and what follows from them. */
export type Totals = Counts & {
  late: number;
  /** Whole percent of `done` that were on time; null when nothing was done. */
  onTimePercent: number | null;
  /** Average stars in tenths; null when nobody rated. */
  ratingTenths: number | null;
};

function finish(c: Counts): Totals {
  return {
    ...c,
    late: c.done - c.onTime,
    onTimePercent: percent(c.onTime, c.done),
    ratingTenths: meanTenths(c.stars, c.ratings),
  };
}

function addInto(c: Counts, r: Partial<Counts>) {
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
  for (const r of topicRows) addInto(of(r.compoundId), r);
  for (const r of ratingRows) addInto(of(r.compoundId), r);
  for (const r of escalationRows) addInto(of(r.compoundId), r);
  const all = { ...ZERO_COUNTS };
  const byCompound = new Map<number, Totals>();
  for (const [id, c] of counts) {
    addInto(all, c);
    byCompound.set(id, finish(c));
  }
  return { byCompound, all: finish(all) };
}

export const EMPTY_TOTALS: Totals = finish({ ...ZERO_COUNTS });

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

// ── Stage durations ──

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

// ── Over time ──

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

// ── Votes ──

export interface VoteTurnoutRow {
  id: number;
  compoundId: number;
  topicId: number;
  question: string;
  kind: string;
  status: 'open' | 'closed';
  closedAt: number | null;
  endsAt: number;
  electorate: number;
  voted: number;
  /** Owners' decisions: area of the electorate and of those who voted, in centi-m². */
  totalAreaCenti: number | null;
  votedAreaCenti: number | null;
  passed: boolean | null;
}

export interface TurnoutFigure {
  votes: number;
  /** Mean of each vote's turnout by head, whole percent. */
  headPercent: number | null;
  /** Owners' decisions only: mean of each one's turnout by area. */
  ownersDecisions: number;
  areaPercent: number | null;
}

/** Turnout by head for each vote and by area for owners' decisions, averaged over the votes (each vote weighs the same). */
export function turnoutSummary(rows: readonly VoteTurnoutRow[]): TurnoutFigure {
  const heads = rows.filter((r) => r.electorate > 0);
  const areas = rows.filter((r) => r.kind === 'owners' && (r.totalAreaCenti ?? 0) > 0);
  // The mean of the per-vote percentages, in exact fractions: Σ(voted/electorate)/k.
  const mean = (parts: [number, number][]) => {
    if (parts.length === 0) return null;
    const per = parts.map(([n, d]) => (n * 10_000) / d);
    return Math.round(per.reduce((s, x) => s + x, 0) / parts.length / 100);
  };
  return {
    votes: rows.length,
    headPercent: mean(heads.map((r) => [r.voted, r.electorate])),
    ownersDecisions: areas.length,
    areaPercent: mean(areas.map((r) => [r.votedAreaCenti ?? 0, r.totalAreaCenti ?? 0])),
  };
}

// ── Ranking one level down ──

export interface Place {
  compoundId: number;
  compoundName: string;
  communityId: number;
  communityName: string;
  streetId: number;
  streetName: string;
}

export const RANK_SORTS = ['onTime', 'overdue', 'escalated', 'rating'] as const;
export type RankSort = (typeof RANK_SORTS)[number];

export interface RankRow {
  level: Level;
  id: number;
  name: string;
  /** Compounds it holds (1 for a compound). */
  compounds: number;
  totals: Totals;
}

/**
 * The table of the level below: every child of the scope (with zeros when nothing happened),
 * summed from its compounds, and ordered by `sort` — on-time rate and satisfaction best first,
 * overdue tasks and escalations most first, those with no figure last, then by name.
 */
export function rankChildren(
  places: readonly Place[],
  byCompound: ReadonlyMap<number, Totals>,
  child: Exclude<Level, 'district'>,
  sort: RankSort,
): RankRow[] {
  const groups = new Map<number, { name: string; counts: Counts; compounds: number }>();
  for (const p of places) {
    const [id, name] =
      child === 'compound'
        ? [p.compoundId, p.compoundName]
        : child === 'community'
          ? [p.communityId, p.communityName]
          : [p.streetId, p.streetName];
    let g = groups.get(id);
    if (!g) {
      g = { name, counts: { ...ZERO_COUNTS }, compounds: 0 };
      groups.set(id, g);
    }
    g.compounds += 1;
    const t = byCompound.get(p.compoundId);
    if (t) addInto(g.counts, t);
  }
  const rows: RankRow[] = [...groups].map(([id, g]) => ({
    level: child,
    id,
    name: g.name,
    compounds: g.compounds,
    totals: finish(g.counts),
  }));
  const key = (r: RankRow): number | null => {
    switch (sort) {
      case 'onTime':
        return r.totals.onTimePercent;
      case 'rating':
        return r.totals.ratingTenths;
      case 'overdue':
        return r.totals.overdue;
      case 'escalated':
        return r.totals.escalated;
    }
  };
  return rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return 1;
      if (kb === null) return -1;
      return kb - ka;
    }
    return a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id;
  });
}

// ── Notice board ──

/** Whole days left to object (a part-day counts as a day); 0 once the notice has ended. */
export function daysLeft(endsAt: number, now: number): number {
  return endsAt <= now ? 0 : Math.ceil((endsAt - now) / DAY_MS);
}
