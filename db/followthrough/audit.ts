import 'server-only';
import type { AuditAction } from '@/lib/audit/actions';
import type { TopicMove } from '@/lib/topics/lifecycle';
import { appendAudit } from '../audit/append';
import type { Tx } from '../client';

/** A follow-through audit entry about a topic, for the writes that do not move it (moveTopic audits those). */
export function audit(
  tx: Tx,
  e: {
    compoundId: number;
    topicId: number;
    actorId: number | null;
    action: AuditAction;
    move?: TopicMove;
    reason?: string | null;
    data?: unknown;
  },
  now: number,
) {
  appendAudit(tx, {
    compoundId: e.compoundId,
    actorId: e.actorId,
    at: now,
    entity: 'topic',
    entityId: e.topicId,
    action: e.action,
    fromState: e.move?.from ?? null,
    toState: e.move?.to ?? null,
    reason: e.reason ?? null,
    data: e.data,
  });
}
