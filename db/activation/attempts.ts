import 'server-only';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { HourTally } from '@/lib/activation/limits';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { activationCodes, activationFailures } from '../schema';

/**
 * Failed activation attempts and what they change (lib/activation/limits.ts says what counts where). Keys:
 * 'a:<address bucket>', 'c:<code id>', and 'unknown' for well-formed codes that match nothing, from anywhere.
 */

export const addressKey = (bucket: string) => `a:${bucket}`;
export const codeKey = (codeId: number) => `c:${codeId}`;
export const UNKNOWN_KEY = 'unknown';

/** Failures per key since `since`: how many and the earliest. */
export function failureTallies(keys: string[], since: number): Map<string, HourTally> {
  const rows = getDb()
    .select({
      key: activationFailures.key,
      n: sql<number>`count(*)`,
      first: sql<number>`min(${activationFailures.at})`,
    })
    .from(activationFailures)
    .where(and(inArray(activationFailures.key, keys), gte(activationFailures.at, since)))
    .groupBy(activationFailures.key)
    .all();
  return new Map(rows.map((r) => [r.key, { n: r.n, first: r.first }]));
}

function record(tx: Tx, keys: string[], at: number, pruneBefore: number) {
  for (const key of keys) tx.insert(activationFailures).values({ key, at }).run();
  tx.delete(activationFailures).where(lt(activationFailures.at, pruneBefore)).run();
}

/** A well-formed code that matches nothing: counted against the address and everywhere; nothing else to record. */
export function recordUnknownCode(bucket: string, at: number, pruneBefore: number) {
  writeTransaction((tx) => record(tx, [addressKey(bucket), UNKNOWN_KEY], at, pruneBefore));
}

export type AttemptFailure = 'expired' | 'used' | 'locked' | 'revoked' | 'already-active' | 'mobile-taken';

/** A failed attempt on a real code: counted against the address and the code, and in the compound's trail. */
export function recordCodeFailure(
  code: { id: number; compoundId: number; holderId: number },
  reason: AttemptFailure,
  bucket: string,
  at: number,
  pruneBefore: number,
) {
  writeTransaction((tx) => {
    record(tx, [addressKey(bucket), codeKey(code.id)], at, pruneBefore);
    appendAudit(tx, {
      compoundId: code.compoundId,
      actorId: null,
      at,
      entity: 'holder',
      entityId: code.holderId,
      action: 'activation_failed',
      reason,
      data: { codeId: code.id, address: bucket },
    });
  });
}

/**
 * A wrong holder name: the code's count goes up (compare-and-set on the count read, so two wrong tries at once
 * both count), and on the last try the code is locked and the staff over the compound are told.
 */
export function recordWrongName(
  code: { id: number; compoundId: number; holderId: number; failedNameTries: number },
  next: { failedNameTries: number; lockedAt: number | null; lockedNow: boolean },
  bucket: string,
  at: number,
  pruneBefore: number,
): boolean {
  return writeTransaction((tx) => {
    const changed = tx
      .update(activationCodes)
      .set({ failedNameTries: next.failedNameTries, lockedAt: next.lockedAt })
      .where(and(eq(activationCodes.id, code.id), eq(activationCodes.failedNameTries, code.failedNameTries)))
      .run().changes;
    if (changed === 0) return false;
    record(tx, [addressKey(bucket), codeKey(code.id)], at, pruneBefore);
    appendAudit(tx, {
      compoundId: code.compoundId,
      actorId: null,
      at,
      entity: 'holder',
      entityId: code.holderId,
      action: next.lockedNow ? 'activation_locked' : 'activation_failed',
      reason: 'wrong-name',
      data: { codeId: code.id, tries: next.failedNameTries, address: bucket },
    });
    if (next.lockedNow) {
      const staff = tx.all<{ id: number }>(sql`
        select m.person_id as id from memberships m join compounds c on c.id = ${code.compoundId}
         where m.role = 'community_worker' and m.scope_type = 'community' and m.scope_id = c.community_id`);
      notify(
        tx,
        staff.map((s) => s.id),
        { compoundId: code.compoundId, kind: 'activation_locked', actorId: null, detail: String(code.holderId) },
        at,
      );
    }
    return true;
  });
}
