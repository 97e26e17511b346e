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
