import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { FigureKey } from '@/lib/dashboard/funnel';
import type { Period } from '@/lib/dashboard/period';
import { getDb } from '../client';
import { figurePredicate } from './figures';
import { compoundsOf, type Scope } from './scope';

/** The lists a dashboard links to: the topics behind a figure, and the escalations waiting. */

export const FIGURE_LIST_LIMIT = 50;

/** The topics behind a figure, newest first, paged; and how many there are in all (the figure). */
export function figureTopics(
  s: Scope,
  fig: FigureKey,
  p: Period,
  filter: { category?: string | undefined; buildingId?: number | undefined },
  page: number,
) {
  const extra = sql.join(
    [
      filter.category === undefined ? undefined : sql`and t.category = ${filter.category}`,
      filter.buildingId === undefined ? undefined : sql`and t.building_id = ${filter.buildingId}`,
    ].filter((x): x is SQL => x !== undefined),
    sql` `,
  );
  const rows = getDb().all<{
    id: number;
    compoundId: number;
    compoundName: string;
    title: string;
    category: string;
    status: string;
    createdAt: number;
    deadlineAt: number | null;
    doneAt: number | null;
    percent: number | null;
    total: number;
  }>(sql`
    select t.id, t.compound_id as compoundId, c.name as compoundName, t.title, t.category, t.status,
           t.created_at as createdAt, k.deadline_at as deadlineAt, k.done_at as doneAt, k.percent,
           count(*) over () as total
      from topics t left join tasks k on k.topic_id = t.id join compounds c on c.id = t.compound_id
     where t.compound_id in ${compoundsOf(s)} and ${figurePredicate(fig, p)} ${extra}
     order by t.created_at desc, t.id desc
     limit ${FIGURE_LIST_LIMIT} offset ${(page - 1) * FIGURE_LIST_LIMIT}`);
  return { rows, total: rows[0]?.total ?? (page > 1 ? countFigure(s, fig, p, extra) : 0) };
}

function countFigure(s: Scope, fig: FigureKey, p: Period, extra: SQL): number {
  return (
    getDb().get<{ n: number }>(sql`
      select count(*) as n from topics t left join tasks k on k.topic_id = t.id
       where t.compound_id in ${compoundsOf(s)} and ${figurePredicate(fig, p)} ${extra}`)?.n ?? 0
  );
}

/** Escalated matters waiting: at a community or street, or anywhere below a district; oldest first. */
export function waitingEscalations(s: Scope, limit = 10) {
  const where = (() => {
    switch (s.level) {
      case 'community':
        return sql`e.level = 'community' and e.community_id = ${s.id}`;
      case 'street':
        return sql`e.level = 'street' and e.street_id = ${s.id}`;
      case 'district':
      case 'compound':
        return sql`e.compound_id in ${compoundsOf(s)}`;
    }
  })();
  const rows = getDb().all<{
    id: number;
    level: 'community' | 'street';
    reason: string;
    auto: number;
    raisedAt: number;
    compoundId: number;
    compoundName: string;
    topicId: number;
    topicTitle: string;
    total: number;
  }>(sql`
    select e.id, e.level, e.reason, e.auto, e.raised_at as raisedAt, e.compound_id as compoundId,
           c.name as compoundName, e.topic_id as topicId, t.title as topicTitle, count(*) over () as total
      from escalations e join compounds c on c.id = e.compound_id join topics t on t.id = e.topic_id
     where e.state = 'open' and ${where}
     order by e.raised_at, e.id limit ${limit}`);
  return { rows, total: rows[0]?.total ?? 0 };
}
