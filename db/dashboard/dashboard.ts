import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import {
  byCategory,
  bucketSize,
  CHILD_LEVEL,
  type EscalationAggRow,
  FUNNEL,
  type FigureKey,
  type Level,
  type Period,
  type Place,
  type RankSort,
  type RatingAggRow,
  rankChildren,
  series,
  stageFigures,
  type Stage,
  type StageBucket,
  type TopicAggRow,
  totalsByCompound,
  turnoutSummary,
  type VoteTurnoutRow,
} from '@/lib/dashboard/figures';
import { CARRYING_OUT } from '@/lib/topics/lifecycle';
import { dataVersion, getDb } from '../client';
import { statusIn, statusIs } from '../topics/status';
import { voteStatusIs } from '../voting/status';

/**
 * The dashboards' reads (看板). Each kind of figure is one aggregate statement over the whole
 * scope, grouped by compound (never a statement per compound); lib/dashboard/figures.ts turns the
 * rows into what is shown. The topics behind a figure are listed with the very predicate that
 * counted them (`figurePredicate`), so a figure and its list always agree.
 */

export interface Scope {
  level: Level;
  id: number;
}

/** A place on the ladder with its parents, for the heading, the breadcrumbs and the access check. */
export interface ScopeNode extends Scope {
  name: string;
  communityId: number | null;
  communityName: string | null;
  streetId: number | null;
  streetName: string | null;
  districtId: number;
  districtName: string;
}

export function findScope(level: Level, id: number): ScopeNode | undefined {
  const db = getDb();
  const row = (() => {
    switch (level) {
      case 'compound':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select c.name, m.id as communityId, m.name as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from compounds c join communities m on m.id = c.community_id join streets s on s.id = m.street_id
            join districts d on d.id = s.district_id where c.id = ${id}`);
      case 'community':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select m.name, m.id as communityId, m.name as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from communities m join streets s on s.id = m.street_id join districts d on d.id = s.district_id
           where m.id = ${id}`);
      case 'street':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select s.name, null as communityId, null as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from streets s join districts d on d.id = s.district_id where s.id = ${id}`);
      case 'district':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select d.name, null as communityId, null as communityName, null as streetId, null as streetName,
                 d.id as districtId, d.name as districtName
            from districts d where d.id = ${id}`);
    }
  })();
  return row ? { level, id, ...row } : undefined;
}

/** The compounds of a scope, as a sub-select: `x.compound_id in (…)` uses each table's compound index. */
function compoundsOf(s: Scope): SQL {
  switch (s.level) {
    case 'compound':
      return sql`(${s.id})`;
    case 'community':
      return sql`(select id from compounds where community_id = ${s.id})`;
    case 'street':
      return sql`(select c.id from compounds c join communities m on m.id = c.community_id where m.street_id = ${s.id})`;
    case 'district':
      return sql`(select c.id from compounds c join communities m on m.id = c.community_id
                   join streets st on st.id = m.street_id where st.district_id = ${s.id})`;
  }
}

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

/** Every compound of the scope with its community and street, for the ranking table. */
export function scopePlaces(s: Scope): Place[] {
  return getDb().all<Place>(sql`
    select c.id as compoundId, c.name as compoundName, m.id as communityId, m.name as communityName,
           st.id as streetId, st.name as streetName
      from compounds c join communities m on m.id = c.community_id join streets st on st.id = m.street_id
     where c.id in ${compoundsOf(s)}
     order by st.id, m.id, c.id`);
}

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

const turnoutColumns = sql`
  v.id, v.compound_id as compoundId, v.topic_id as topicId, v.question, v.kind, v.status,
  v.closed_at as closedAt, v.ends_at as endsAt`;

/** A closed vote's turnout from its stored result (areas there are "123.45" strings: centi-m² here). */
const storedTurnout = sql`
  json_extract(v.result, '$.electorate') as electorate, json_extract(v.result, '$.voted') as voted,
  cast(replace(json_extract(v.result, '$.owners.total.area'), '.', '') as integer) as totalAreaCenti,
  cast(replace(json_extract(v.result, '$.owners.participating.area'), '.', '') as integer) as votedAreaCenti,
  json_extract(v.result, '$.owners.passed') as passed`;

/** Votes closed in the period, newest first, with their turnout as counted: one statement. */
export function closedVoteTurnouts(s: Scope, p: Pick<Period, 'from' | 'to'>, limit: number | null): VoteTurnoutRow[] {
  return getDb()
    .all<VoteTurnoutRow & { passed: number | null }>(sql`
      select ${turnoutColumns}, ${storedTurnout}
        from votes v
       where v.compound_id in ${compoundsOf(s)} and ${voteStatusIs(sql`v.status`, 'closed')}
         and v.closed_at >= ${p.from} and v.closed_at < ${p.to}
       order by v.closed_at desc, v.id desc ${limit === null ? sql`` : sql`limit ${limit}`}`)
    .map((r) => ({ ...r, passed: r.passed === null ? null : Boolean(r.passed) }));
}

/** A compound's open votes with live turnout (counted ballots only): one statement. */
export function openVoteTurnouts(compoundId: number): VoteTurnoutRow[] {
  return getDb().all<VoteTurnoutRow>(sql`
    select ${turnoutColumns},
           (select count(*) from vote_voters w where w.vote_id = v.id) as electorate,
           (select count(*) from ballots b where b.vote_id = v.id
               and (b.channel = 'online' or b.confirmed_by is not null)) as voted,
           case when v.kind = 'owners' then (select sum(area_centi) from vote_voters w where w.vote_id = v.id) end
             as totalAreaCenti,
           case when v.kind = 'owners' then (select sum(w.area_centi) from ballots b
               join vote_voters w on w.vote_id = b.vote_id and w.voter_key = b.voter_key
              where b.vote_id = v.id and (b.channel = 'online' or b.confirmed_by is not null)) end as votedAreaCenti,
           null as passed
      from votes v where v.compound_id = ${compoundId} and ${voteStatusIs(sql`v.status`, 'open')}
     order by v.ends_at, v.id`);
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

// ── The compound's notice board (公示栏) ──

/** Decisions in their notice period, and tasks being carried out with their progress: one statement. */
export function noticeBoard(compoundId: number) {
  return getDb().all<{
    kind: 'notice' | 'task';
    topicId: number;
    title: string;
    status: string;
    body: string | null;
    noticeEndsAt: number | null;
    openObjections: number;
    deadlineAt: number | null;
    percent: number | null;
    overdue: number;
    lastUpdate: string | null;
  }>(sql`
    select 'notice' as kind, t.id as topicId, t.title, t.status, d.body, d.notice_ends_at as noticeEndsAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as openObjections,
           d.deadline_at as deadlineAt, null as percent, 0 as overdue, null as lastUpdate
      from topics t join decisions d on d.topic_id = t.id and d.withdrawn_at is null and d.published_at is not null
     where t.compound_id = ${compoundId} and ${statusIs(sql`t.status`, 'publicised')}
    union all
    select 'task', t.id, t.title, t.status, null, null, 0, k.deadline_at, k.percent, k.overdue_at is not null,
           (select u.body from task_updates u where u.task_id = k.id order by u.id desc limit 1)
      from topics t join tasks k on k.topic_id = t.id
     where t.compound_id = ${compoundId} and ${statusIn(sql`t.status`, CARRYING_OUT)}
     order by kind, noticeEndsAt, deadlineAt, topicId`);
}

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

/** Dashboards computed at the database's current version, most recently used last. */
const memo = new Map<string, { version: string; value: DashboardData }>();
const MEMO_ENTRIES = 100;

/**
 * A dashboard's figures. They depend only on the place, the view, the period and the order, and on
 * what is in the database: computed once per version of the database (`dataVersion`), so ten
 * people watching the same district between two changes cost one computation, and a change is
 * seen by the very next request. The result is shared: callers must not modify it.
 */
export function loadDashboard(node: ScopeNode, view: 'full' | 'public', p: Period, sort: RankSort): DashboardData {
  const key = `${node.level}:${node.id}:${view}:${p.from}:${p.to}:${sort}`;
  const version = dataVersion();
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
