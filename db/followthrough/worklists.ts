import 'server-only';
import { sql } from 'drizzle-orm';
import { CARRYING_OUT, TASK_OPEN, type TopicStatus } from '@/lib/topics/lifecycle';
import { getDb } from '../client';
import { statusIn } from '../topics/status';

// The lists people work from: the community's and street's escalation queue, the property company's tasks.

/** Escalations waiting at (or recently answered by) the actor's communities and streets, oldest waiting first. */
export function escalationQueue(communityIds: readonly number[], streetIds: readonly number[]) {
  const list = (ids: readonly number[]) =>
    ids.length
      ? sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )
      : sql`null`;
  return getDb().all<{
    id: number;
    level: 'community' | 'street';
    state: 'open' | 'answered' | 'forwarded';
    reason: string;
    auto: number;
    raisedAt: number;
    answer: string | null;
    answeredAt: number | null;
    compoundId: number;
    compoundName: string;
    topicId: number;
    topicTitle: string;
    topicStatus: string;
    communityName: string;
  }>(sql`
    select e.id, e.level, e.state, e.reason, e.auto, e.raised_at as raisedAt, e.answer, e.answered_at as answeredAt,
           e.compound_id as compoundId, c.name as compoundName, e.topic_id as topicId, t.title as topicTitle,
           t.status as topicStatus, m.name as communityName
      from escalations e join compounds c on c.id = e.compound_id join topics t on t.id = e.topic_id
      join communities m on m.id = e.community_id
     where (e.level = 'community' and e.community_id in (${list(communityIds)}))
        or (e.level = 'street' and e.street_id in (${list(streetIds)}))
     order by case e.state when 'open' then 0 else 1 end, case when e.state = 'open' then e.raised_at else -coalesce(e.answered_at, 0) end
     limit 200`);
}

export const TASK_LIST_LIMIT = 50;

/** Open tasks of these companies, and how many are late (the list shows the first TASK_LIST_LIMIT). */
export function countCompanyTasks(companyIds: readonly number[], now: number): { total: number; overdue: number } {
  if (companyIds.length === 0) return { total: 0, overdue: 0 };
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return (
    getDb().get<{ total: number; overdue: number }>(sql`select count(*) as total,
        coalesce(sum(${statusIn(sql`t.status`, CARRYING_OUT)} and (k.deadline_at < ${now} or k.overdue_at is not null)), 0) as overdue
      from tasks k join topics t on t.id = k.topic_id
      where k.company_id in (${ids}) and ${statusIn(sql`t.status`, TASK_OPEN)}`) ?? {
      total: 0,
      overdue: 0,
    }
  );
}

/** The property company's worklist: every task of the compounds it serves, overdue first, then by deadline. */
export function companyTasks(companyIds: readonly number[], now: number, page = 1) {
  if (companyIds.length === 0) return [];
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return getDb().all<{
    topicId: number;
    compoundId: number;
    compoundName: string;
    title: string;
    status: TopicStatus;
    deadlineAt: number;
    overdueAt: number | null;
    percent: number;
    decisionId: number | null;
    companyName: string | null;
  }>(sql`
    select k.topic_id as topicId, k.compound_id as compoundId, c.name as compoundName, t.title, t.status,
           k.deadline_at as deadlineAt, k.overdue_at as overdueAt, k.percent, k.decision_id as decisionId, pc.name as companyName
      from tasks k join topics t on t.id = k.topic_id join compounds c on c.id = k.compound_id
      left join property_companies pc on pc.id = k.company_id
     where k.company_id in (${ids}) and ${statusIn(sql`t.status`, TASK_OPEN)}
     order by case when ${statusIn(sql`t.status`, CARRYING_OUT)} and (k.deadline_at < ${now} or k.overdue_at is not null) then 0 else 1 end, k.deadline_at, k.id
     limit ${TASK_LIST_LIMIT} offset ${(Math.max(1, page) - 1) * TASK_LIST_LIMIT}`);
}
