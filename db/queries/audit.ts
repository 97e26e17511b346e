import { desc, eq, isNull } from 'drizzle-orm';
import { type AuditFields, GENESIS_HASH, hashAuditEntry } from '../../lib/audit/hash';
import type { Db } from '../client';
import { auditLog } from '../schema';

export type AuditInput = Omit<AuditFields, 'fromState' | 'toState' | 'reason' | 'data' | 'entityId'> & {
  entityId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: unknown;
};

/**
 * Appends one entry, chained to the last entry of the same compound. Call it inside the
 * transaction that makes the change, so the change and its record stand or fall together.
 */
export function appendAudit(tx: Pick<Db, 'select' | 'insert'>, input: AuditInput): void {
  const fields: AuditFields = {
    compoundId: input.compoundId,
    actorId: input.actorId,
    at: input.at,
    entity: input.entity,
    entityId: input.entityId ?? null,
    action: input.action,
    fromState: input.fromState ?? null,
    toState: input.toState ?? null,
    reason: input.reason ?? null,
    data: input.data === undefined ? null : JSON.stringify(input.data),
  };
  const last = tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(fields.compoundId === null ? isNull(auditLog.compoundId) : eq(auditLog.compoundId, fields.compoundId))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  tx.insert(auditLog)
    .values({ ...fields, prevHash, hash: hashAuditEntry(prevHash, fields) })
    .run();
}
