import { asc, sql } from 'drizzle-orm';
import type { AuditAction } from '../../lib/audit/actions';
import { type AuditFields, GENESIS_HASH, hashAuditEntry } from '../../lib/audit/hash';
import { type Db, getDb, prepared } from '../client';
import { auditLog, compounds } from '../schema';

export type AuditInput = Omit<AuditFields, 'action' | 'fromState' | 'toState' | 'reason' | 'data' | 'entityId'> & {
  action: AuditAction;
  entityId?: number | null;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: unknown;
};

const statements = prepared((db) => ({
  lastOfCompound: db.$client.prepare<[number], { hash: string }>(
    'select hash from audit_log where compound_id = ? order by id desc limit 1',
  ),
  lastGlobal: db.$client.prepare<[], { hash: string }>(
    'select hash from audit_log where compound_id is null order by id desc limit 1',
  ),
  insert: db
    .insert(auditLog)
    .values({
      compoundId: sql.placeholder('compoundId'),
      actorId: sql.placeholder('actorId'),
      at: sql.placeholder('at'),
      entity: sql.placeholder('entity'),
      entityId: sql.placeholder('entityId'),
      action: sql.placeholder('action'),
      fromState: sql.placeholder('fromState'),
      toState: sql.placeholder('toState'),
      reason: sql.placeholder('reason'),
      data: sql.placeholder('data'),
      prevHash: sql.placeholder('prevHash'),
      hash: sql.placeholder('hash'),
    })
    .prepare(),
}));

/**
 * Appends one entry, chained to the last entry of the same compound. Call it inside the
 * transaction that makes the change (`tx`), so the change and its record stand or fall together.
 * Every write in Yishi runs on the process-wide connection, so the prepared statements used here
 * run inside that transaction.
 */
export function appendAudit(_tx: Pick<Db, 'select' | 'insert'>, input: AuditInput): void {
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
  const s = statements();
  const last = fields.compoundId === null ? s.lastGlobal.get() : s.lastOfCompound.get(fields.compoundId);
  const prevHash = last?.hash ?? GENESIS_HASH;
  s.insert.run({ ...fields, prevHash, hash: hashAuditEntry(prevHash, fields) });
}

/** Every entry of the trail, in order, with what its hash covers (npm run audit:verify). */
export function allAuditEntries() {
  return getDb().select().from(auditLog).orderBy(asc(auditLog.id)).all();
}

/** Every compound's name, to name its chain in a report. */
export function compoundNames(): Map<number, string> {
  const rows = getDb().select({ id: compounds.id, name: compounds.name }).from(compounds).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}
