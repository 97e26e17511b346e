import 'server-only';
import { CHILD_LEVEL } from '@/lib/dashboard/levels';
import type { Period } from '@/lib/dashboard/period';
import { type RankSort, rankChildren } from '@/lib/dashboard/ranking';
import { series } from '@/lib/dashboard/series';
import { stageFigures } from '@/lib/dashboard/stages';
import { byCategory, totalsByCompound } from '@/lib/dashboard/totals';
import { turnoutSummary } from '@/lib/dashboard/turnout';
import {
  byBuilding,
  raisedAndClosedSeries,
  ratingAndEscalationAggregates,
  stageDurations,
  topicAggregates,
} from './figures';
import { waitingEscalations } from './lists';
import { type ScopeNode, scopePlaces } from './scope';
import { scopeVersion } from './versions';
import { closedVoteTurnouts, openVoteTurnouts } from './turnout';

/**
 * Every figure of a dashboard, from a handful of aggregate statements whatever the scope's size:
 * places, topics and tasks, ratings and escalations, stage durations, the series, votes, and the
 * escalations waiting (plus buildings and open votes for a compound).
 */
export function computeDashboard(node: ScopeNode, view: 'full' | 'public', p: Period, sort: RankSort) {
  const scope = { level: node.level, id: node.id };
  const topicRows = topicAggregates(scope, p);
  const { ratings, escalations } = ratingAndEscalationAggregates(scope, p);
  const { byCompound, all } = totalsByCompound(topicRows, ratings, escalations);
  const child = CHILD_LEVEL[node.level];
  const full = view === 'full';
  const stages = full ? stageDurations(scope, p) : null;
  const closedVotes = closedVoteTurnouts(scope, p, node.level === 'compound' ? 6 : null);
  return {
    totals: all,
    categories: byCategory(topicRows),
    series: series(raisedAndClosedSeries(scope, p), p),
    stages: stages ? stageFigures(stages.buckets, stages.slowest) : null,
    turnout: turnoutSummary(closedVotes),
    recentVotes: node.level === 'compound' ? [...openVoteTurnouts(node.id), ...closedVotes] : [],
    buildings: node.level === 'compound' && full ? byBuilding(node.id, p) : null,
    ranking: child && child !== 'district' ? rankChildren(scopePlaces(scope), byCompound, child, sort) : null,
    waiting: full ? waitingEscalations(scope) : null,
  };
}
export type DashboardData = ReturnType<typeof computeDashboard>;

/** Dashboards computed at their scope's current version, most recently used last. */
const memo = new Map<string, { version: string; value: DashboardData }>();
const MEMO_ENTRIES = 100;

/**
 * A dashboard's figures. They depend only on the place, the view, the period and the order, and on
 * the rows they are counted from: computed once per version of the scope (`scopeVersion`, kept by
 * triggers whoever writes), so ten people watching the same district between two changes in it
 * cost one computation, a change in it is seen by the very next request, and writes no dashboard
 * shows (comments, sessions, notifications, another district's work) leave it in place. The result
 * is shared: callers must not modify it.
 */
export function loadDashboard(node: ScopeNode, view: 'full' | 'public', p: Period, sort: RankSort): DashboardData {
  const key = `${node.level}:${node.id}:${view}:${p.from}:${p.to}:${sort}`;
  const version = scopeVersion(node);
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value;
  const value = computeDashboard(node, view, p, sort);
  memo.delete(key);
  memo.set(key, { version, value });
  if (memo.size > MEMO_ENTRIES) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
  return value;
}
