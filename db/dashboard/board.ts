import 'server-only';
import { sql } from 'drizzle-orm';
import { CARRYING_OUT } from '@/lib/topics/lifecycle';
import { getDb } from '../client';
import { statusIn, statusIs } from '../topics/status';

/** The compound's notice board (公示栏). */

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
 * Work finished lately, so it does not simply vanish from the board once done: tasks being rated,
 * and tasks closed since `since`, with their rating (the final average, or how many have rated so far).
 */
export function recentlyCompleted(compoundId: number, since: number, limit = 10) {
  return getDb().all<{
    topicId: number;
    title: string;
    status: string;
    doneAt: number | null;
    closedAt: number | null;
    ratingEndsAt: number | null;
    averageTenths: number | null;
    ratings: number;
  }>(sql`
    select t.id as topicId, t.title, t.status, k.done_at as doneAt, k.closed_at as closedAt,
           k.rating_ends_at as ratingEndsAt, k.average_tenths as averageTenths,
           (select count(*) from ratings r where r.topic_id = t.id and r.round = k.round) as ratings
      from tasks k join topics t on t.id = k.topic_id
     where k.compound_id = ${compoundId}
       and (${statusIs(sql`t.status`, 'rating')} or (${statusIs(sql`t.status`, 'closed')} and k.closed_at >= ${since}))
     order by coalesce(k.closed_at, k.done_at) desc, t.id desc
     limit ${limit}`);
}
