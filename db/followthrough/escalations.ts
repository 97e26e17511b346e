import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx, writeTransaction } from '../client';
import { followersOf, notify } from '../notifications/notifications';
import { escalations, tasks, topics } from '../schema';
import { decidersOf } from './audiences';
import { audit } from './audit';

// 大事全网联动: a matter goes up to the community (by hand or by the clock), which answers it or
// passes it to the street.

export function hasOpenEscalation(topicId: number): boolean {
  return Boolean(getDb().get(sql`select 1 from escalations where topic_id = ${topicId} and state = 'open'`));
}

export function findEscalation(escalationId: number) {
  return getDb().select().from(escalations).where(eq(escalations.id, escalationId)).get();
}

export function escalate(
  e: { compoundId: number; topicId: number; actorId: number | null; reason: string; auto: boolean },
  now: number,
): boolean {
  return writeTransaction((tx) => escalateIn(tx, e, now));
}

export function escalateIn(
  tx: Tx,
  e: { compoundId: number; topicId: number; actorId: number | null; reason: string; auto: boolean },
  now: number,
): boolean {
  if (tx.get(sql`select 1 from escalations where topic_id = ${e.topicId} and state = 'open'`)) return false;
  const place = tx.get<{ communityId: number; streetId: number }>(sql`select c.community_id as communityId,
      m.street_id as streetId from compounds c join communities m on m.id = c.community_id where c.id = ${e.compoundId}`);
  if (!place) return false;
  tx.insert(escalations)
    .values({
      compoundId: e.compoundId,
      topicId: e.topicId,
      level: 'community',
      communityId: place.communityId,
      streetId: place.streetId,
      reason: e.reason,
      auto: e.auto,
      raisedBy: e.actorId,
      raisedAt: now,
    })
    .run();
  if (e.auto) tx.update(tasks).set({ autoEscalatedAt: now }).where(eq(tasks.topicId, e.topicId)).run();
  audit(
    tx,
    {
      compoundId: e.compoundId,
      topicId: e.topicId,
      actorId: e.actorId,
      action: e.auto ? 'auto_escalate' : 'escalate',
      // An automatic escalation's reason is its number of days, shown translated.
      reason: e.auto ? null : e.reason,
      data: e.auto ? { level: 'community', days: Number(e.reason) } : { level: 'community' },
    },
    now,
  );
  const workers = tx.all<{ id: number }>(sql`select person_id as id from memberships
    where role = 'community_worker' and scope_type = 'community' and scope_id = ${place.communityId}`);
  notify(
    tx,
    workers.map((w) => w.id),
    { compoundId: e.compoundId, kind: 'escalation', actorId: e.actorId, topicId: e.topicId, detail: 'community' },
    now,
  );
  return true;
}

/**
 * The community or street answers (the answer goes back down to the compound: followers, the
 * secretary and the chair are told), or the community forwards it to its street with a reason.
 */
export function settleEscalation(
  s: { escalationId: number; actorId: number; kind: 'answer' | 'forward'; text: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const e = tx.select().from(escalations).where(eq(escalations.id, s.escalationId)).get();
    if (!e) return false;
    const res = tx
      .update(escalations)
      .set({
        state: s.kind === 'answer' ? 'answered' : 'forwarded',
        answer: s.text,
        answeredBy: s.actorId,
        answeredAt: now,
      })
      .where(and(eq(escalations.id, e.id), eq(escalations.state, 'open')))
      .run();
    if (res.changes === 0) return false;
    const base = { compoundId: e.compoundId, topicId: e.topicId, actorId: s.actorId };
    const waited = now - e.raisedAt;
    if (s.kind === 'answer') {
      audit(
        tx,
        { ...base, action: 'answer_escalation', reason: s.text, data: { level: e.level, waitedMs: waited } },
        now,
      );
      tx.update(topics).set({ activityAt: now }).where(eq(topics.id, e.topicId)).run();
      notify(
        tx,
        [...followersOf(tx, e.topicId), ...decidersOf(tx, e.compoundId)],
        { ...base, kind: 'escalation_answered', detail: e.level },
        now,
      );
    } else {
      tx.insert(escalations)
        .values({
          compoundId: e.compoundId,
          topicId: e.topicId,
          level: 'street',
          communityId: e.communityId,
          streetId: e.streetId,
          reason: s.text,
          auto: false,
          raisedBy: s.actorId,
          raisedAt: now,
        })
        .run();
      audit(
        tx,
        { ...base, action: 'forward_escalation', reason: s.text, data: { level: 'street', waitedMs: waited } },
        now,
      );
      const staff = tx.all<{ id: number }>(sql`select person_id as id from memberships
        where role = 'street_staff' and scope_type = 'street' and scope_id = ${e.streetId}`);
      notify(
        tx,
        staff.map((m) => m.id),
        { ...base, kind: 'escalation', detail: 'street' },
        now,
      );
    }
    return true;
  });
}
