import 'server-only';
import { sql } from 'drizzle-orm';
import type { NotificationKindName } from '@/lib/notifications/kinds';
import { getDb } from '../client';

export interface DuePush {
  outboxId: number;
  personId: number;
  createdAt: number;
  attempts: number;
  notificationId: number;
  kind: NotificationKindName;
  compoundId: number;
  topicId: number | null;
  voteId: number | null;
  meetingId: number | null;
  assemblyId: number | null;
  detail: string | null;
  topicTitle: string | null;
  voteQuestion: string | null;
  compoundName: string | null;
  actorName: string | null;
  readAt: number | null;
  quietEnabled: number | null;
  quietFrom: number | null;
  quietTo: number | null;
}

/** Pushes whose time has come, oldest first, with what their text needs and the person's quiet hours. */
export function listDuePushes(now: number, limit = 100): DuePush[] {
  return getDb().all<DuePush>(sql`
    select o.id as outboxId, o.person_id as personId, o.created_at as createdAt, o.attempts,
           n.id as notificationId, n.kind, n.compound_id as compoundId, n.topic_id as topicId, n.vote_id as voteId,
           n.meeting_id as meetingId, n.assembly_id as assemblyId, n.detail, t.title as topicTitle, v.question as voteQuestion,
           (select name from compounds where id = n.compound_id) as compoundName,
           (select name from people where id = n.actor_id) as actorName, n.read_at as readAt,
           s.quiet_enabled as quietEnabled, s.quiet_from as quietFrom, s.quiet_to as quietTo
      from push_outbox o join notifications n on n.id = o.notification_id
      left join topics t on t.id = n.topic_id left join votes v on v.id = n.vote_id
      left join notification_settings s on s.person_id = o.person_id
     where o.send_after <= ${now}
     order by o.send_after, o.id limit ${limit}`);
}

export function postponePush(outboxId: number, until: number): void {
  getDb().run(sql`update push_outbox set send_after = ${until} where id = ${outboxId}`);
}

export function retryPush(outboxId: number, until: number): void {
  getDb().run(sql`update push_outbox set send_after = ${until}, attempts = attempts + 1 where id = ${outboxId}`);
}

/** Sent, read in the app meanwhile, or given up: it leaves the queue. */
export function donePush(outboxId: number): void {
  getDb().run(sql`delete from push_outbox where id = ${outboxId}`);
}
