import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { TASK_TO_ACCEPT } from '@/lib/topics/lifecycle';
import { REMINDABLE_KINDS } from '@/lib/voting/reminders';
import type { WorkKind, WorkRow } from '@/lib/work/kinds';
import type { WorkScope } from '@/lib/work/scope';
import { getDb } from '../client';
import { statusIn, statusIs } from '../topics/status';

// My work (待办): one statement finds every item, so the header's badge (its count) and the list on
// the home page (its rows) are the same predicate. Each branch is one kind, within the places
// lib/work/scope.ts gives for it.

const COLUMNS = 'kind, compoundId, compoundName, objectId, topicId, title, since, dueAt, count';

function ids(list: readonly number[] | undefined): SQL {
  return list?.length
    ? sql.join(
        list.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
}

/**
 * Tasks whose responsible party this person acts for (lib/followthrough/rules.ts isResponsible, in
 * SQL), or null when they act for none. Only the parties the person acts for are named, each term on
 * the tasks table with an index of its own (company, compound), so SQLite reads only those tasks.
 */
function mineToCarryOut(s: WorkScope): SQL | null {
  const t = s.tasks;
  const terms: SQL[] = [];
  if (t.companyIds.length) terms.push(sql`(k.party = 'property' and k.company_id in (${ids(t.companyIds)}))`);
  if (t.committeeIn.length) terms.push(sql`(k.party = 'committee' and k.compound_id in (${ids(t.committeeIn)}))`);
  if (t.branchIn.length) terms.push(sql`(k.party = 'branch' and k.compound_id in (${ids(t.branchIn)}))`);
  if (t.communityIds.length) {
    terms.push(sql`(k.party = 'community'
      and k.compound_id in (select id from compounds where community_id in (${ids(t.communityIds)})))`);
  }
  return terms.length ? sql`(${sql.join(terms, sql` or `)})` : null;
}

/**
 * One statement per kind of work, only for the kinds this person can have: a kind whose places are
 * empty is left out rather than asked with an empty list (the header counts on every page).
 */
function branches(s: WorkScope, now: number): SQL[] {
  const me = s.personId;
  const inKind = (kind: WorkKind, column: SQL) => sql`${column} in (${ids(s.compounds[kind])})`;
  const has = (kind: WorkKind) => (s.compounds[kind]?.length ?? 0) > 0;
  const mine = mineToCarryOut(s);
  const escalations = s.escalations.communityIds.length + s.escalations.streetIds.length > 0;
  const topicRow = (kind: WorkKind, since: SQL, dueAt: SQL) =>
    sql`select ${kind} as kind, t.compound_id as compoundId, c.name as compoundName, t.id as objectId,
               null as topicId, t.title as title, ${since} as since, ${dueAt} as dueAt, 1 as count
          from topics t join compounds c on c.id = t.compound_id`;
  const all: (SQL | false | null)[] = [
    has('review_topic') &&
      sql`${topicRow('review_topic', sql`t.created_at`, sql`null`)}
         where ${inKind('review_topic', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'raised')}`,
    has('record_minutes') &&
      sql`select ${'record_minutes'}, m.compound_id, c.name, m.id, null, m.title, m.starts_at, null, 1
          from meetings m join compounds c on c.id = m.compound_id
         where ${inKind('record_minutes', sql`m.compound_id`)} and m.status = 'scheduled' and m.starts_at <= ${now}`,
    has('record_decision') &&
      sql`${topicRow('record_decision', sql`t.activity_at`, sql`null`)}
         where ${inKind('record_decision', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'voted')}`,
    has('publish_decision') &&
      sql`${topicRow('publish_decision', sql`t.activity_at`, sql`null`)}
         where ${inKind('publish_decision', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'decided')}`,
    // An objection is open only while its decision is on notice (the notice cannot end with one open).
    has('answer_objection') &&
      sql`select ${'answer_objection'}, t.compound_id, c.name, o.id, o.topic_id, t.title, o.created_at, d.notice_ends_at, 1
          from topics t join objections o on o.topic_id = t.id and o.outcome is null
          join decisions d on d.id = o.decision_id and d.withdrawn_at is null
          join compounds c on c.id = t.compound_id
         where ${inKind('answer_objection', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'publicised')}`,
    has('confirm_paper') &&
      sql`select ${'confirm_paper'}, v.compound_id, c.name, v.id, v.topic_id, v.question, min(b.created_at), v.ends_at, count(*)
          from votes v join ballots b on b.vote_id = v.id and b.channel = 'paper' and b.confirmed_by is null
                                      and b.cast_by <> ${me}
          join compounds c on c.id = v.compound_id
         where ${inKind('confirm_paper', sql`v.compound_id`)} and v.status = 'open' and v.ends_at > ${now}
         group by v.id`,
    // `+t.status`: the tasks' own indexes choose the rows, not every topic of the district in that status.
    mine &&
      sql`select ${'accept_task'}, k.compound_id, c.name, k.topic_id, null, t.title, k.created_at, k.deadline_at, 1
          from tasks k join topics t on t.id = k.topic_id join compounds c on c.id = k.compound_id
         where ${mine} and ${statusIn(sql`+t.status`, TASK_TO_ACCEPT)}`,
    mine &&
      sql`select ${'overdue_task'}, k.compound_id, c.name, k.topic_id, null, t.title, k.deadline_at, k.deadline_at, 1
          from tasks k join topics t on t.id = k.topic_id join compounds c on c.id = k.compound_id
         where ${mine} and ${statusIs(sql`+t.status`, 'in_progress')}
           and (k.deadline_at < ${now} or k.overdue_at is not null)`,
    has('remind_voters') &&
      sql`select * from (
          select ${'remind_voters'} as kind, v.compound_id as compoundId, c.name as compoundName, v.id as objectId,
                 v.topic_id as topicId, v.question as title, v.starts_at as since, v.ends_at as dueAt,
                 (select count(*) from vote_voters w where w.vote_id = v.id
                    and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)
                    and not exists (select 1 from vote_reminders r where r.vote_id = w.vote_id and r.voter_key = w.voter_key)) as count
            from votes v join compounds c on c.id = v.compound_id
           where ${inKind('remind_voters', sql`v.compound_id`)} and v.status = 'open'
             and v.kind in (${sql.join(
               REMINDABLE_KINDS.map((k) => sql`${k}`),
               sql`, `,
             )})
             and v.starts_at <= ${now} and v.ends_at > ${now}) where count > 0`,
    escalations &&
      sql`select ${'answer_escalation'}, e.compound_id, c.name, e.id, e.topic_id, t.title, e.raised_at, null, 1
          from escalations e join topics t on t.id = e.topic_id join compounds c on c.id = e.compound_id
         where e.state = 'open' and ((e.level = 'community' and e.community_id in (${ids(s.escalations.communityIds)}))
            or (e.level = 'street' and e.street_id in (${ids(s.escalations.streetIds)})))`,
    sql`select ${'cast_vote'}, v.compound_id, c.name, v.id, v.topic_id, v.question, v.starts_at, v.ends_at, count(*)
          from vote_voters w join votes v on v.id = w.vote_id join compounds c on c.id = v.compound_id
         where w.person_id = ${me} and v.status = 'open' and v.starts_at <= ${now} and v.ends_at > ${now}
           and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)
         group by v.id`,
    has('rate_task') &&
      sql`select ${'rate_task'}, t.compound_id, c.name, t.id, null, t.title, k.done_at, k.rating_ends_at, 1
          from topics t join tasks k on k.topic_id = t.id join compounds c on c.id = t.compound_id
         where ${inKind('rate_task', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'rating')}
           and k.rating_ends_at > ${now}
           and not exists (select 1 from ratings r where r.topic_id = t.id and r.round = k.round and r.person_id = ${me})`,
    has('may_object') &&
      sql`select ${'may_object'}, t.compound_id, c.name, t.id, null, t.title, d.published_at, d.notice_ends_at, 1
          from decisions d join topics t on t.id = d.topic_id join compounds c on c.id = t.compound_id
         where ${inKind('may_object', sql`t.compound_id`)} and ${statusIs(sql`t.status`, 'publicised')}
           and d.withdrawn_at is null and d.published_at is not null and d.notice_ends_at > ${now}
           and d.recorded_by <> ${me}
           and not exists (select 1 from objections o where o.decision_id = d.id and o.author_id = ${me})`,
    sql`select ${'read_reply'}, n.compound_id, c.name, n.id, n.topic_id, t.title, n.created_at, null, 1
          from notifications n join topics t on t.id = n.topic_id join compounds c on c.id = n.compound_id
         where n.person_id = ${me} and n.kind = 'reply' and n.read_at is null`,
  ];
  return all.filter((b): b is SQL => Boolean(b));
}

/** The branches under one set of column names (a first row that is never there names them). */
function union(s: WorkScope, now: number): SQL {
  const names = sql`select null as kind, null as compoundId, null as compoundName, null as objectId, null as topicId,
                           null as title, null as since, null as dueAt, null as count where 0`;
  return sql.join([names, ...branches(s, now)], sql` union all `);
}

/** Everything waiting for this person, unsorted (lib/work/kinds.ts sortWork orders it). */
export function listMyWork(scope: WorkScope, now: number): WorkRow[] {
  return getDb().all<WorkRow>(sql`select ${sql.raw(COLUMNS)} from (${union(scope, now)})`);
}

/** How many: the same statement, counted. */
export function countMyWork(scope: WorkScope, now: number): number {
  return getDb().get<{ n: number }>(sql`select count(*) as n from (${union(scope, now)})`)?.n ?? 0;
}
