import { createHash } from 'node:crypto';

/** What an audit entry says; the hash covers all of it and the previous entry's hash. */
export interface AuditFields {
  compoundId: number | null;
  actorId: number | null;
  at: number;
  entity: string;
  entityId: number | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the entry's fields in a fixed order, so any edit breaks the chain. */
export function hashAuditEntry(prevHash: string, f: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    f.compoundId,
    f.actorId,
    f.at,
    f.entity,
    f.entityId,
    f.action,
    f.fromState,
    f.toState,
    f.reason,
    f.data,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Checks a compound's entries in id order; returns the id of the first broken entry, or null. */
export function findBrokenLink(entries: readonly (AuditFields & { id: number; prevHash: string; hash: string })[]) {
  let prev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== prev || hashAuditEntry(prev, e) !== e.hash) return e.id;
    prev = e.hash;
  }
  return null;
}
