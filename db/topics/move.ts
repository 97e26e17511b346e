import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { AuditAction } from '@/lib/audit/actions';
import type { TopicMove } from '@/lib/topics/lifecycle';
import { appendAudit } from '../audit/append';
import type { Tx } from '../client';
import { followersOf, type NotificationKind, notify } from '../notifications/notifications';
import { topics } from '../schema';

export interface TopicMoveInput {
  compoundId: number;
  topicId: number;
  /** Who moves it; null for the clock. */
  actorId: number | null;
  /** A move from lib/topics/lifecycle.ts TOPIC_MOVES: the only way a topic changes status. */
  move: TopicMove;
  /** Why (shown with a rejection; kept in the audit entry). */
  reason?: string | null;
  /** The audit entry's action when it is not the move's own. */
  action?: AuditAction;
  data?: unknown;
  /** Columns the move sets besides the status: the review time, the topic merged into, the company routed to. */
  set?: { reviewedAt?: number; mergedIntoId?: number | null; routedCompanyId?: number | null };
  /** Told besides the topic's followers (the responsible party, say). */
  also?: readonly number[];
  /** What they are told, when not "the status is now …" (a task sent back after poor ratings). */
  tell?: { kind: NotificationKind; detail?: string };
  /** What `also` are told instead, when it is theirs to act (a task given to them); followers still hear `tell`. */
  alsoTell?: { kind: NotificationKind; detail?: string };
  /** Nobody is told (a draft decision, which only the deciders see until it is published). */
  quiet?: boolean;
}

/**
 * The one state-change function of a topic's lifecycle. Compare-and-set from the move's `from`
 * state, so two people (or a person and the clock) acting at once cannot both move it: the loser
 * gets false and nothing is written. The winner's move is written down (an audit entry in the
 * compound's chain) and told (a notification to the topic's followers and `also`, naming the new
 * status), in the caller's transaction.
 */
export function moveTopic(tx: Tx, e: TopicMoveInput, now: number): boolean {
  const { compoundId, topicId, actorId, move } = e;
  const res = tx
    .update(topics)
    .set({ status: move.to, statusReason: e.reason || null, activityAt: now, ...e.set })
    .where(and(eq(topics.id, topicId), eq(topics.compoundId, compoundId), eq(topics.status, move.from)))
    .run();
  if (res.changes === 0) return false;
  appendAudit(tx, {
    compoundId,
    actorId,
    at: now,
    entity: 'topic',
    entityId: topicId,
    action: e.action ?? move.action,
    fromState: move.from,
    toState: move.to,
    reason: e.reason || null,
    data: e.data,
  });
  if (!e.quiet) {
    const { kind, detail } = e.tell ?? { kind: 'status' as const, detail: move.to };
    const also = e.also ?? [];
    if (e.alsoTell) {
      notify(tx, also, { compoundId, actorId, topicId, ...e.alsoTell }, now);
      const told = new Set(also);
      const rest = followersOf(tx, topicId).filter((id) => !told.has(id));
      notify(tx, rest, { compoundId, kind, actorId, topicId, detail }, now);
    } else {
      notify(tx, [...also, ...followersOf(tx, topicId)], { compoundId, kind, actorId, topicId, detail }, now);
    }
  }
  return true;
}
