import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { getDb } from '../client';
import { isPushed } from '@/lib/notifications/push-kinds';
import { notifications, topicFollows, topics } from '../schema';

type Tx = Pick<Db, 'select' | 'insert' | 'run'>;
export type NotificationKind = (typeof notifications.$inferInsert)['kind'];

/** Writes one notification per person (deduplicated, never to the actor), inside the caller's transaction. */
export function notify(
  tx: Tx,
  personIds: Iterable<number>,
  n: {
    compoundId: number;
    kind: NotificationKind;
    actorId: number | null;
    topicId?: number;
    meetingId?: number;
    voteId?: number;
    assemblyId?: number;
    detail?: string;
  },
  at: number,
) {
  const seen = new Set<number>();
  const pushed = isPushed(n.kind);
  for (const personId of personIds) {
    if (personId === n.actorId || seen.has(personId)) continue;
    seen.add(personId);
    const { id } = tx
      .insert(notifications)
      .values({ personId, ...n, createdAt: at })
      .returning({ id: notifications.id })
      .get();
    // Queued for the phone in the same transaction, for people with a subscribed device only; the
    // sender (server/push/) sends it after the commit, outside quiet hours.
    if (pushed) {
      tx.run(sql`insert into push_outbox (notification_id, person_id, created_at, send_after)
                 select ${id}, ${personId}, ${at}, ${at}
                  where exists (select 1 from push_subscriptions where person_id = ${personId})`);
    }
  }
}

export function followersOf(tx: Tx, topicId: number): number[] {
  return tx
    .select({ id: topicFollows.personId })
    .from(topicFollows)
    .where(eq(topicFollows.topicId, topicId))
    .all()
    .map((r) => r.id);
}

export function unreadCount(personId: number): number {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

export function listNotifications(personId: number, limit = 50) {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      compoundId: notifications.compoundId,
      topicId: notifications.topicId,
      meetingId: notifications.meetingId,
      voteId: notifications.voteId,
      assemblyId: notifications.assemblyId,
      detail: notifications.detail,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      topicTitle: topics.title,
      voteQuestion: sql<string | null>`(select question from votes where id = ${notifications.voteId})`,
      compoundName: sql<string | null>`(select name from compounds where id = ${notifications.compoundId})`,
      actorName: sql<string | null>`(select name from people where id = ${notifications.actorId})`,
    })
    .from(notifications)
    .leftJoin(topics, eq(topics.id, notifications.topicId))
    .where(eq(notifications.personId, personId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all();
}

export function markAllRead(personId: number, at: number) {
  getDb()
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.personId, personId), isNull(notifications.readAt)))
    .run();
}

/** Seeing a topic reads what was said about it: its notifications are marked read for this person. */
export function markTopicRead(personId: number, topicId: number, at: number) {
  getDb()
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.personId, personId), eq(notifications.topicId, topicId), isNull(notifications.readAt)))
    .run();
}
