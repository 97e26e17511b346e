import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { FUNNEL, type FigureKey } from '@/lib/dashboard/funnel';
import type { Period } from '@/lib/dashboard/period';
import type { EscalationAggRow, RatingAggRow, TopicAggRow } from '@/lib/dashboard/totals';
import { bucketSize } from '@/lib/dashboard/series';
import type { Stage, StageBucket } from '@/lib/dashboard/stages';
import { getDb } from '../client';
import { statusIn } from '../topics/status';
import { compoundsOf, type Scope } from './scope';

/**
 * The dashboards' reads (看板). Each kind of figure is one aggregate statement over the whole
 * scope, grouped by compound (never a statement per compound); lib/dashboard/ turns the rows into
 * what is shown. The topics behind a figure are listed with the very predicate that
 * counted them (`figurePredicate`), so a figure and its list always agree.
 */

function raisedIn(p: Period): SQL {
  return sql`t.created_at >= ${p.from} and t.created_at < ${p.to}`;
}

function doneIn(p: Period): SQL {
  return sql`k.done_at >= ${p.from} and k.done_at < ${p.to}`;
}

const ON_TIME = sql`k.done_at <= k.deadline_at and k.overdue_at is null`;

/**
 * Overdue as the platform's clock marks it (within 30 s of the deadline): a fact in the database,
 * not a comparison with the time of reading, so a figure and its list agree whenever each is read.
 */
const OVERDUE = sql`k.overdue_at is not null and k.done_at is null and k.closed_at is null`;

/**
 * Which topics a figure counts, on `t` (topics) and `k` (its task, when it has one). The one
 * definition behind both the dashboard's count and the list it links to.
 */
export function figurePredicate(fig: FigureKey, p: Period): SQL {
  switch (fig) {
    case 'raised':
      return raisedIn(p);
    case 'accepted':
    case 'decided':
    case 'carried':
    case 'closed':
      return sql`${raisedIn(p)} and ${statusIn(sql`t.status`, FUNNEL[fig])}`;
    case 'done':
      return doneIn(p);
    case 'onTime':
      return sql`${doneIn(p)} and ${ON_TIME}`;
    case 'late':
      return sql`${doneIn(p)} and not (${ON_TIME})`;
    case 'overdue':
      return OVERDUE;
    case 'rated':
      return sql`exists (select 1 from ratings r where r.topic_id = t.id and r.created_at >= ${p.from} and r.created_at < ${p.to})`;
    case 'escalated':
      return sql`exists (select 1 from escalations e where e.topic_id = t.id and e.raised_at >= ${p.from} and e.raised_at < ${p.to})`;
    case 'reviewedIn':
      return REVIEWED_IN(p);
    case 'decidedIn':
      return sql`t.reviewed_at is not null and exists (select 1 from decisions x where x.topic_id = t.id
        and x.withdrawn_at is null and x.recorded_at >= ${p.from} and x.recorded_at < ${p.to})`;
    case 'closedIn':
      return CLOSED_IN(p);
  }
}

function REVIEWED_IN(p: Period): SQL {
  return sql`t.reviewed_at >= ${p.from} and t.reviewed_at < ${p.to}`;
}

function CLOSED_IN(p: Period): SQL {
  return sql`k.done_at is not null and k.closed_at >= ${p.from} and k.closed_at < ${p.to}`;
}

const count = (fig: FigureKey, p: Period) => sql`count(*) filter (where ${figurePredicate(fig, p)})`;

/**
 * Topic and task figures per compound and category, in one statement: the funnel over topics
 * raised in the period, tasks done in it (and on time), and tasks overdue now.
 */
export function topicAggregates(s: Scope, p: Period): TopicAggRow[] {
  const c = (fig: FigureKey) => count(fig, p);
  return getDb().all<TopicAggRow>(sql`
    select compoundId, category, sum(raised) as raised, sum(accepted) as accepted, sum(decided) as decided,
           sum(carried) as carried, sum(closed) as closed, sum(done) as done, sum(onTime) as onTime,
           sum(overdue) as overdue
      from (
        select t.compound_id as compoundId, t.category, ${c('raised')} as raised, ${c('accepted')} as accepted,
               ${c('decided')} as decided, ${c('carried')} as carried, ${c('closed')} as closed,
               0 as done, 0 as onTime, 0 as overdue
          from topics t
         where t.compound_id in ${compoundsOf(s)} and ${raisedIn(p)}
         group by t.compound_id, t.category
        union all
        select k.compound_id, '', 0, 0, 0, 0, 0, ${c('done')}, ${c('onTime')}, ${c('overdue')}
          from tasks k
         where k.compound_id in ${compoundsOf(s)} and ((${doneIn(p)}) or (${OVERDUE}))
         group by k.compound_id)
     group by compoundId, category`);
}

/** Ratings given and topics escalated in the period, per compound: one statement. */
export function ratingAndEscalationAggregates(
  s: Scope,
  p: Period,
): { ratings: RatingAggRow[]; escalations: EscalationAggRow[] } {
  const rows = getDb().all<RatingAggRow & EscalationAggRow & { kind: 'r' | 'e' }>(sql`
    select 'r' as kind, compound_id as compoundId, count(*) as ratings, sum(stars) as stars,
           count(distinct topic_id) as rated, 0 as escalated
      from ratings where compound_id in ${compoundsOf(s)} and created_at >= ${p.from} and created_at < ${p.to}
     group by compound_id
    union all
    select 'e', compound_id, 0, 0, 0, count(distinct topic_id)
      from escalations where compound_id in ${compoundsOf(s)} and raised_at >= ${p.from} and raised_at < ${p.to}
     group by compound_id`);
  return {
    ratings: rows.filter((r) => r.kind === 'r'),
    escalations: rows.filter((r) => r.kind === 'e'),
  };
}

/**
 * How long each stage took for topics that finished it in the period, as a histogram of whole
 * hours per stage, plus the slowest topic of each stage: one statement.
 *   review: raised → first reviewed;  decide: reviewed → the standing decision recorded;
 *   carry: task created → done;  rate: done → closed;  whole: raised → closed.
 */
export function stageDurations(s: Scope, p: Period): { buckets: StageBucket[]; slowest: Map<Stage, number> } {
  const H = 3_600_000;
  // Each stage counts exactly the topics of its figure (STAGE_FIGURE), so its count links to them.
  const rows = getDb().all<{ stage: Stage; hours: number; n: number; topicId: number | null }>(sql`
    with d(stage, hours, topic_id) as (
      select 'review', cast((t.reviewed_at - t.created_at) / ${H} as integer), t.id from topics t
       where t.compound_id in ${compoundsOf(s)} and ${REVIEWED_IN(p)}
      union all
      select 'decide', cast((x.recorded_at - t.reviewed_at) / ${H} as integer), t.id from decisions x join topics t on t.id = x.topic_id
       where x.compound_id in ${compoundsOf(s)} and x.withdrawn_at is null and t.reviewed_at is not null
         and x.recorded_at >= ${p.from} and x.recorded_at < ${p.to}
      union all
      select 'carry', cast((k.done_at - k.created_at) / ${H} as integer), k.topic_id from tasks k
       where k.compound_id in ${compoundsOf(s)} and ${doneIn(p)}
      union all
      select 'rate', cast((k.closed_at - k.done_at) / ${H} as integer), k.topic_id from tasks k
       where k.compound_id in ${compoundsOf(s)} and ${CLOSED_IN(p)}
      union all
      select 'whole', cast((k.closed_at - t.created_at) / ${H} as integer), k.topic_id from tasks k join topics t on t.id = k.topic_id
       where k.compound_id in ${compoundsOf(s)} and ${CLOSED_IN(p)})
    select stage, hours, count(*) as n, min(topic_id) as topicId from d group by stage, hours`);
  // A topic of each bucket comes along; the one of a stage's longest bucket is its slowest.
  const slowest = new Map<Stage, number>();
  const longest = new Map<Stage, number>();
  const buckets: StageBucket[] = [];
  for (const r of rows) {
    const hours = Math.max(0, r.hours);
    buckets.push({ stage: r.stage, hours, n: r.n });
    if (r.topicId !== null && hours >= (longest.get(r.stage) ?? -1)) {
      longest.set(r.stage, hours);
      slowest.set(r.stage, r.topicId);
    }
  }
  return { buckets, slowest };
}

/** Topics raised and topics closed in each bucket of the period (weeks, or 30 days for long periods). */
export function raisedAndClosedSeries(s: Scope, p: Period) {
  const size = bucketSize(p);
  return getDb().all<{ bucket: number; raised: number; closed: number }>(sql`
    select bucket, sum(r) as raised, sum(c) as closed from (
      select cast((t.created_at - ${p.from}) / ${size} as integer) as bucket, 1 as r, 0 as c from topics t
       where t.compound_id in ${compoundsOf(s)} and ${raisedIn(p)}
      union all
      select cast((k.closed_at - ${p.from}) / ${size} as integer), 0, 1 from tasks k
       where k.compound_id in ${compoundsOf(s)} and k.closed_at >= ${p.from} and k.closed_at < ${p.to})
     group by bucket`);
}

/** Topics raised in the period per building (a compound's dashboard), with the building's name. */
export function byBuilding(compoundId: number, p: Period) {
  return getDb().all<{ buildingId: number | null; name: string | null; raised: number; closed: number }>(sql`
    select t.building_id as buildingId, b.name, count(*) as raised, ${count('closed', p)} as closed
      from topics t left join buildings b on b.id = t.building_id
     where t.compound_id = ${compoundId} and ${raisedIn(p)}
     group by t.building_id order by raised desc, b.name`);
}
