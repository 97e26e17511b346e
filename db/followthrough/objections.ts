import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { TopicMove } from '@/lib/topics/lifecycle';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { decisions, objections } from '../schema';
import { moveTopic } from '../topics/move';
import { statusIs } from '../topics/status';
import { decidersOf } from './audiences';
import { audit } from './audit';
import { endNoticeIn } from './tasks';

// Objections (异议) during the notice period, and the secretary's answers.

/** The current decision's notice end and its unanswered objections, for rules and the clock. */
export function noticeState(topicId: number) {
  return getDb().get<{ decisionId: number; noticeEndsAt: number | null; openObjections: number }>(sql`
    select d.id as decisionId, d.notice_ends_at as noticeEndsAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as openObjections
      from decisions d where d.topic_id = ${topicId} and d.withdrawn_at is null order by d.id desc limit 1`);
}

export function hasOpenObjection(decisionId: number, personId: number): boolean {
  return Boolean(
    getDb().get(
      sql`select 1 from objections where decision_id = ${decisionId} and author_id = ${personId} and outcome is null`,
    ),
  );
}

export function findObjection(compoundId: number, objectionId: number) {
  return getDb()
    .select({
      id: objections.id,
      topicId: objections.topicId,
      decisionId: objections.decisionId,
      outcome: objections.outcome,
    })
    .from(objections)
    .where(and(eq(objections.id, objectionId), eq(objections.compoundId, compoundId)))
    .get();
}

/** A resident's objection; the secretary and chair are told. False if the notice period is over. */
export function lodgeObjection(
  o: { compoundId: number; topicId: number; decisionId: number; authorId: number; reason: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const open = tx.get(sql`select 1 from topics t join decisions d on d.id = ${o.decisionId}
      where t.id = ${o.topicId} and ${statusIs(sql`t.status`, 'publicised')} and d.topic_id = t.id and d.withdrawn_at is null
        and d.notice_ends_at > ${now}
        and not exists (select 1 from objections where decision_id = d.id and author_id = ${o.authorId} and outcome is null)`);
    if (!open) return false;
    tx.insert(objections)
      .values({ ...o, createdAt: now })
      .run();
    audit(
      tx,
      { compoundId: o.compoundId, topicId: o.topicId, actorId: o.authorId, action: 'object', reason: o.reason },
      now,
    );
    notify(
      tx,
      decidersOf(tx, o.compoundId),
      { compoundId: o.compoundId, kind: 'objection', actorId: o.authorId, topicId: o.topicId },
      now,
    );
    return true;
  });
}

/**
 * The secretary answers an objection. Upheld: the decision is withdrawn and the topic goes back
 * to deliberation. Dismissed: the reason is shown to all; if the notice period is over and this was
 * the last open objection, the decision moves on to carrying out at once.
 */
export function answerObjection(
  a: {
    compoundId: number;
    objectionId: number;
    actorId: number;
    outcome: 'upheld' | 'dismissed';
    answer: string;
    upholdMove: TopicMove;
  },
  now: number,
): 'done' | 'answered' | 'moved' {
  return writeTransaction((tx) => {
    const o = tx
      .select()
      .from(objections)
      .where(and(eq(objections.id, a.objectionId), eq(objections.compoundId, a.compoundId)))
      .get();
    if (!o || o.outcome !== null) return 'answered';
    const current = tx.get<{ id: number; noticeEndsAt: number }>(sql`select id, notice_ends_at as noticeEndsAt
      from decisions where topic_id = ${o.topicId} and withdrawn_at is null order by id desc limit 1`);
    if (!current || current.id !== o.decisionId) return 'moved';
    const base = { compoundId: a.compoundId, topicId: o.topicId, actorId: a.actorId };
    if (
      a.outcome === 'upheld' &&
      !moveTopic(tx, { ...base, move: a.upholdMove, reason: a.answer, data: { objectionId: o.id } }, now)
    ) {
      return 'moved';
    }
    tx.update(objections)
      .set({ outcome: a.outcome, answer: a.answer, answeredBy: a.actorId, answeredAt: now })
      .where(eq(objections.id, o.id))
      .run();
    if (a.outcome === 'upheld') {
      tx.update(decisions).set({ withdrawnAt: now }).where(eq(decisions.id, o.decisionId)).run();
    } else {
      audit(tx, { ...base, action: 'dismiss_objection', reason: a.answer, data: { objectionId: o.id } }, now);
      if (current.noticeEndsAt <= now) endNoticeIn(tx, a.compoundId, o.topicId, a.actorId, now);
    }
    notify(tx, [o.authorId], { ...base, kind: 'objection_answered', detail: a.outcome }, now);
    return 'done';
  });
}
