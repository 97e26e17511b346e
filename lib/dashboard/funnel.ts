import { TOPIC_STATUSES, type TopicStatus } from '../topics/lifecycle';

/**
 * The dashboards' figures (看板). Queries return small grouped rows (db/dashboard/, one aggregate
 * statement per kind of figure, never one per compound); everything shown is computed in
 * lib/dashboard/ from those rows, so every level — compound, community, street, district — counts
 * alike.
 *
 * Which topics a figure counts is defined once, for the keys below (`figurePredicate` in
 * db/dashboard/figures.ts): the same predicate gives the dashboard's count and the list of topics
 * it links to, so the two always agree.
 */

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
