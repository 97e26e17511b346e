/**
 * The dashboard's reads on real SQLite, on a hand-made compound whose right answers are worked out
 * below: each figure's count, and that it equals the length of the list of topics it links to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { noticeBoard } from '../db/dashboard/board';
import {
  raisedAndClosedSeries,
  ratingAndEscalationAggregates,
  stageDurations,
  topicAggregates,
} from '../db/dashboard/figures';
import { figureTopics } from '../db/dashboard/lists';
import { scopePlaces } from '../db/dashboard/scope';
import { FIGURE_KEYS } from '../lib/dashboard/funnel';
import { parsePeriod } from '../lib/dashboard/period';
import { series } from '../lib/dashboard/series';
import { STAGE_FIGURE, stageFigures } from '../lib/dashboard/stages';
import { byCategory, type Totals, totalsByCompound } from '../lib/dashboard/totals';
import { setupDatabase, teardownDatabase } from './harness';

const at = (day: number, hour = 10) =>
  Date.parse(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const NOW = at(27);
const period = { ...parsePeriod({ from: '2026-11-01', to: '2026-11-30' }, NOW) };

let db: Db;
let compoundId = 0;
const ids: Record<string, number> = {};

beforeAll(() => {
  db = setupDatabase();
  const raw = db.$client;
  // 清华园 has no topics in the demo: everything here is ours.
  const c = raw
    .prepare(`select c.id, c.community_id as communityId, m.street_id as streetId from compounds c
    join communities m on m.id = c.community_id where c.name = '清华园'`)
    .get() as {
    id: number;
    communityId: number;
    streetId: number;
  };
  compoundId = c.id;
  const author = (raw.prepare('select id from people order by id limit 1').get() as { id: number }).id;
  const topic = (name: string, status: string, category: string, raised: number, reviewed: number | null) => {
    ids[name] = Number(
      raw
        .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at, reviewed_at)
                  values (?, ?, ?, '', ?, ?, ?, ?, ?)`)
        .run(c.id, author, name, category, status, raised, raised, reviewed).lastInsertRowid,
    );
    return ids[name] as number;
  };
  const task = (
    t: number,
    created: number,
    deadline: number,
    done: number | null,
    closed: number | null,
    overdue: number | null,
  ) =>
    raw
      .prepare(`insert into tasks (compound_id, topic_id, party, deadline_at, created_at, done_at, closed_at, overdue_at)
                values (?, ?, 'property', ?, ?, ?, ?, ?)`)
      .run(c.id, t, deadline, created, done, closed, overdue);

  // T1: raised, reviewed 5 h later, decided, carried out on time, rated 4 and 5, closed.
  const t1 = topic('T1', 'closed', 'repairs', at(2), at(2, 15));
  raw
    .prepare(`insert into decisions (compound_id, topic_id, body, party, deadline_at, recorded_by, recorded_at)
              values (?, ?, '修', 'property', ?, ?, ?)`)
    .run(c.id, t1, at(20), author, at(5, 15));
  task(t1, at(6), at(20), at(10), at(17), null);
  for (const [person, stars] of [
    [author, 4],
    [author + 1, 5],
  ]) {
    raw
      .prepare(
        `insert into ratings (topic_id, round, person_id, compound_id, stars, created_at) values (?, 1, ?, ?, ?, ?)`,
      )
      .run(t1, person, c.id, stars, at(11));
  }
  // T2: reviewed after 30 h, being carried out, past its deadline: overdue now.
  const t2 = topic('T2', 'in_progress', 'repairs', at(3), at(4, 16));
  task(t2, at(4), at(8), null, null, at(8, 11));
  // T3: rejected after 2 h; T4: still waiting for review.
  topic('T3', 'rejected', 'repairs', at(4), at(4, 12));
  topic('T4', 'raised', 'repairs', at(5), null);
  // T5: raised before the period; done late in it (went overdue first), rating now; escalated in it.
  const t5 = raw
    .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at, reviewed_at)
              values (?, ?, 'T5', '', 'repairs', 'rating', ?, ?, ?)`)
    .run(c.id, author, Date.parse('2026-10-15T10:00:00+08:00'), at(1), Date.parse('2026-10-16T10:00:00+08:00'));
  ids.T5 = Number(t5.lastInsertRowid);
  task(ids.T5, at(1), at(10), at(12), null, at(10, 11));
  raw
    .prepare(`insert into escalations (compound_id, topic_id, level, community_id, street_id, reason, raised_at, state)
              values (?, ?, 'community', ?, ?, '逾期', ?, 'open')`)
    .run(c.id, ids.T5, c.communityId, c.streetId, at(11));
  // T6: a small matter routed after 1 h, due next month.
  const t6 = topic('T6', 'small_matter', 'safety', at(9), at(9, 11));
  task(t6, at(9, 11), Date.parse('2026-12-30T10:00:00+08:00'), null, null, null);
});

afterAll(() => teardownDatabase());

const scope = () => ({ level: 'compound' as const, id: compoundId });

function totals(): Totals {
  const { ratings, escalations } = ratingAndEscalationAggregates(scope(), period);
  return totalsByCompound(topicAggregates(scope(), period), ratings, escalations).all;
}

describe('dashboard figures on a hand-made compound', () => {
  it('counts the funnel, the tasks, the ratings and the escalations as worked out by hand', () => {
    expect(totals()).toEqual({
      raised: 5, // T1 T2 T3 T4 T6 (T5 was raised before the period)
      accepted: 3, // T1 T2 T6
      decided: 3, // T1, T2 (carrying out), T6 (a small matter is decided by its routing)
      carried: 1, // T1 (T5 is rating, but was raised before the period)
      closed: 1,
      done: 2, // T1, T5
      onTime: 1, // T1
      late: 1, // T5
      overdue: 1, // T2
      ratings: 2,
      stars: 9,
      rated: 1,
      escalated: 1,
      onTimePercent: 50,
      ratingTenths: 45,
    });
  });

  it('every figure equals the number of topics in the list it links to', () => {
    const t = totals();
    for (const fig of FIGURE_KEYS) {
      if (!(fig in t)) continue; // the stage figures: below
      const { rows, total } = figureTopics(scope(), fig, period, {}, 1);
      expect(total, fig).toBe(t[fig as keyof Totals]);
      expect(rows.length, fig).toBe(t[fig as keyof Totals]);
    }
    expect(figureTopics(scope(), 'overdue', period, {}, 1).rows.map((r) => r.title)).toEqual(['T2']);
    expect(figureTopics(scope(), 'late', period, {}, 1).rows.map((r) => r.title)).toEqual(['T5']);
  });

  it('by category, and the list behind a category', () => {
    const cats = byCategory(topicAggregates(scope(), period));
    expect(cats).toEqual([
      { category: 'repairs', raised: 4, closed: 1 },
      { category: 'safety', raised: 1, closed: 0 },
    ]);
    expect(figureTopics(scope(), 'raised', period, { category: 'safety' }, 1).total).toBe(1);
  });

  it('an empty period has nothing, and a list of nothing', () => {
    const empty = parsePeriod({ from: '2025-01-01', to: '2025-01-31' }, NOW);
    const agg = topicAggregates(scope(), empty);
    // Only the task overdue now remains, whatever the period.
    const all = totalsByCompound(agg, [], []).all;
    expect(all).toMatchObject({ raised: 0, done: 0, overdue: 1, onTimePercent: null });
    expect(figureTopics(scope(), 'raised', empty, {}, 1)).toEqual({ rows: [], total: 0 });
  });

  it('stage durations: medians and the slowest topic of each stage', () => {
    const { buckets, slowest } = stageDurations(scope(), period);
    const figs = Object.fromEntries(stageFigures(buckets, slowest).map((f) => [f.stage, f]));
    // Reviewed in the period: T6 1 h, T3 2 h, T1 5 h, T2 30 h → median 3.5 h.
    expect(figs.review).toEqual({
      stage: 'review',
      count: 4,
      medianHours: 3.5,
      slowestHours: 30,
      slowestTopicId: ids.T2,
    });
    // T1: reviewed 2nd 15:00, decided 5th 15:00.
    expect(figs.decide).toMatchObject({ count: 1, medianHours: 72 });
    // T1 96 h (6th → 10th), T5 264 h (1st → 12th).
    expect(figs.carry).toMatchObject({ count: 2, medianHours: 180, slowestHours: 264, slowestTopicId: ids.T5 });
    expect(figs.rate).toMatchObject({ count: 1, medianHours: 168 });
    expect(figs.whole).toMatchObject({ count: 1, medianHours: 360, slowestTopicId: ids.T1 });
    // Each stage's count is the length of the list it links to.
    for (const f of stageFigures(buckets, slowest)) {
      expect(figureTopics(scope(), STAGE_FIGURE[f.stage], period, {}, 1).total, f.stage).toBe(f.count);
    }
  });

  it('raised and closed per week', () => {
    const s = series(raisedAndClosedSeries(scope(), period), period);
    expect(s.map((p) => [p.raised, p.closed])).toEqual([
      [4, 0], // 1st–7th: T1 T2 T3 T4
      [1, 0], // 8th–14th: T6
      [0, 1], // 15th–21st: T1 closed
      [0, 0],
      [0, 0], // 29th–30th
    ]);
  });

  it('places the compound in its community and street; the notice board lists its work', () => {
    expect(scopePlaces(scope())).toEqual([expect.objectContaining({ compoundId, compoundName: '清华园' })]);
    const board = noticeBoard(compoundId);
    expect(board.map((b) => [b.kind, b.title])).toEqual([
      ['task', 'T2'],
      ['task', 'T6'],
    ]);
  });
});
