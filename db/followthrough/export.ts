import 'server-only';
import { sql } from 'drizzle-orm';
import type { TopicStatus } from '@/lib/topics/lifecycle';
import { getDb } from '../client';

/** A compound's topics raised in [from, to) with their decision and follow-through, for CSV export. */
export function exportRows(compoundId: number, from: number, to: number) {
  return getDb().all<{
    id: number;
    title: string;
    category: string;
    status: TopicStatus;
    createdAt: number;
    authorName: string;
    decision: string | null;
    party: string | null;
    deadlineAt: number | null;
    percent: number | null;
    doneAt: number | null;
    averageTenths: number | null;
    escalations: number;
  }>(sql`
    select t.id, t.title, t.category, t.status, t.created_at as createdAt, p.name as authorName,
           d.body as decision, coalesce(k.party, d.party) as party, coalesce(k.deadline_at, d.deadline_at) as deadlineAt,
           k.percent, k.done_at as doneAt, k.average_tenths as averageTenths,
           (select count(*) from escalations e where e.topic_id = t.id) as escalations
      from topics t join people p on p.id = t.author_id
      left join tasks k on k.topic_id = t.id
      left join decisions d on d.id = (select max(id) from decisions where topic_id = t.id and withdrawn_at is null)
     where t.compound_id = ${compoundId} and t.created_at >= ${from} and t.created_at < ${to}
     order by t.id
     limit 50000`);
}
