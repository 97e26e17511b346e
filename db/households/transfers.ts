import 'server-only';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import type { NewOwner } from '@/lib/households/units';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { placeWithinPasswordSetter } from '../people/accounts';
import { reachSql } from '../people/reach';
import { activationCodes, holderMembers, holders, people, transfers, units } from '../schema';

/**
 * Changes of owner (过户). A transfer names a unit, its new holder(s) and the date it takes effect; from that date the
 * register says the new holder holds the unit. Votes freeze their electorate when they open (db/voting/open.ts),
 * so a vote opened before the date — open or closed — keeps counting the old holder, and one opened after counts
 * the new. Nothing is deleted: the old holder keeps their past ballots and receipts, the transfer stays on record.
 */

export interface NewTransfer {
  compoundId: number;
  unitId: number;
  owners: NewOwner[];
  voterMobile: string | null;
  effectiveAt: number;
  reference: string;
}

export type TransferError =
  | { kind: 'nameMismatch'; mobile: string }
  | { kind: 'outOfReach'; mobile: string }
  | { kind: 'voterNotOwner' }
  | { kind: 'sameHolder' };

class TransferRefused extends Error {
  constructor(readonly refusal: TransferError) {
    super(refusal.kind);
  }
}

/** The unit of the compound by building and number, with its current holder. */
export function unitForTransfer(compoundId: number, buildingId: number, number: string) {
  return getDb()
    .select({ id: units.id, holderId: units.holderId })
    .from(units)
    .where(and(eq(units.compoundId, compoundId), eq(units.buildingId, buildingId), eq(units.number, number)))
    .get();
}

/** Finds or makes the holder for these owners, as the units import keys them ('p:<mobile>' or 'c:<mobiles>'). */
function holderFor(tx: Tx, t: NewTransfer, reach: StaffReach, now: number): number {
  const voter = t.voterMobile ?? (t.owners.length === 1 ? t.owners[0]?.mobile : t.owners[0]?.mobile);
  if (!t.owners.some((o) => o.mobile === voter)) throw new TransferRefused({ kind: 'voterNotOwner' });
  const memberIds: number[] = [];
  let voterId = 0;
  for (const o of t.owners) {
    const known = tx
      .select({ id: people.id, name: people.name, whole: reachSql(reach).whole })
      .from(people)
      .where(eq(people.mobile, o.mobile))
      .get();
    let id: number;
    if (known) {
      if (known.name !== o.name)
        throw new TransferRefused({ kind: known.whole ? 'nameMismatch' : 'outOfReach', mobile: o.mobile });
      // A unit hands a person's vote over: only someone wholly within reach, and not someone whose password
      // staff elsewhere set (docs/decisions/0012).
      if (!known.whole || !placeWithinPasswordSetter(known.id, 'compound', t.compoundId)) {
        throw new TransferRefused({ kind: 'outOfReach', mobile: o.mobile });
      }
      id = known.id;
    } else {
      id = tx
        .insert(people)
        .values({ name: o.name, mobile: o.mobile, createdAt: now })
        .returning({ id: people.id })
        .get().id;
    }
    memberIds.push(id);
    if (o.mobile === voter) voterId = id;
  }
  const kind = t.owners.length === 1 ? 'person' : 'co_owners';
  const key =
    kind === 'person'
      ? `p:${t.owners[0]?.mobile}`
      : `c:${t.owners
          .map((o) => o.mobile)
          .sort()
          .join(',')}`;
  const name = t.owners.map((o) => o.name).join('、');
  const existing = tx
    .select({ id: holders.id })
    .from(holders)
    .where(and(eq(holders.compoundId, t.compoundId), eq(holders.key, key)))
    .get();
  const holderId =
    existing?.id ??
    tx
      .insert(holders)
      .values({ compoundId: t.compoundId, kind, key, name, voterPersonId: voterId, createdAt: now })
      .returning({ id: holders.id })
      .get().id;
  for (const personId of memberIds) {
    tx.insert(holderMembers).values({ holderId, personId }).onConflictDoNothing().run();
  }
  return holderId;
}

/** Puts the unit in the new holder's name; an old holder left with no unit loses any open activation code. */
function apply(tx: Tx, transferId: number, actorId: number | null, now: number) {
  const t = tx.select().from(transfers).where(eq(transfers.id, transferId)).get();
  if (!t || t.appliedAt !== null) return;
  const before = tx.select({ holderId: units.holderId }).from(units).where(eq(units.id, t.unitId)).get();
  tx.update(units).set({ holderId: t.toHolderId, updatedAt: now }).where(eq(units.id, t.unitId)).run();
  tx.update(transfers).set({ appliedAt: now }).where(eq(transfers.id, transferId)).run();
  const oldHolder = before?.holderId ?? null;
  if (oldHolder !== null && oldHolder !== t.toHolderId) {
    const stillHolds = tx.select({ id: units.id }).from(units).where(eq(units.holderId, oldHolder)).limit(1).get();
    if (!stillHolds) {
      tx.update(activationCodes)
        .set({ revokedAt: now })
        .where(
          and(
            eq(activationCodes.holderId, oldHolder),
            isNull(activationCodes.usedAt),
            isNull(activationCodes.revokedAt),
          ),
        )
        .run();
    }
  }
  appendAudit(tx, {
    compoundId: t.compoundId,
    actorId,
    at: now,
    entity: 'unit',
    entityId: t.unitId,
    action: 'apply_transfer',
    data: { transferId, fromHolderId: oldHolder, toHolderId: t.toHolderId, effectiveAt: t.effectiveAt },
  });
}

/** Records a transfer (applied at once when its date has come) in one transaction; or why it cannot be. */
export function recordTransfer(
  t: NewTransfer,
  actorId: number,
  reach: StaffReach,
  now: number,
): { ok: true; transferId: number; applied: boolean } | { ok: false; error: TransferError } {
  try {
    return writeTransaction((tx) => {
      const unit = tx.select({ holderId: units.holderId }).from(units).where(eq(units.id, t.unitId)).get();
      const toHolderId = holderFor(tx, t, reach, now);
      if (unit?.holderId === toHolderId) throw new TransferRefused({ kind: 'sameHolder' });
      const transferId = tx
        .insert(transfers)
        .values({
          compoundId: t.compoundId,
          unitId: t.unitId,
          fromHolderId: unit?.holderId ?? null,
          toHolderId,
          effectiveAt: t.effectiveAt,
          recordedBy: actorId,
          recordedAt: now,
          reference: t.reference,
        })
        .returning({ id: transfers.id })
        .get().id;
      appendAudit(tx, {
        compoundId: t.compoundId,
        actorId,
        at: now,
        entity: 'unit',
        entityId: t.unitId,
        action: 'record_transfer',
        data: {
          transferId,
          fromHolderId: unit?.holderId ?? null,
          toHolderId,
          effectiveAt: t.effectiveAt,
          reference: t.reference,
        },
      });
      const applied = t.effectiveAt <= now;
      if (applied) apply(tx, transferId, actorId, now);
      return { ok: true as const, transferId, applied };
    });
  } catch (error) {
    if (error instanceof TransferRefused) return { ok: false, error: error.refusal };
    throw error;
  }
}

/**
 * Applies every transfer whose date has come (of one compound, or all), oldest first. The clock calls it, and so
 * does opening a vote, inside its own transaction, so an electorate frozen after a transfer's date always has it.
 */
export function applyDueTransfers(tx: Tx, compoundId: number | null, now: number): number {
  const due = tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(
      and(
        isNull(transfers.appliedAt),
        lte(transfers.effectiveAt, now),
        compoundId === null ? undefined : eq(transfers.compoundId, compoundId),
      ),
    )
    .orderBy(asc(transfers.effectiveAt), asc(transfers.id))
    .all();
  for (const d of due) apply(tx, d.id, null, now);
  return due.length;
}

/** The clock's round: every compound's due transfers, in one transaction. */
export function applyAllDueTransfers(now: number): number {
  return writeTransaction((tx) => applyDueTransfers(tx, null, now));
}

/** A compound's transfers, newest first, with the names before and after. */
export function listTransfers(compoundId: number, limit = 50) {
  return getDb().all<{
    id: number;
    unitLabel: string;
    fromName: string | null;
    toName: string;
    effectiveAt: number;
    recordedAt: number;
    appliedAt: number | null;
    reference: string;
    recordedBy: string | null;
  }>(sql`
    select t.id, b.name || u.number as unitLabel, hf.name as fromName, ht.name as toName, t.effective_at as effectiveAt,
           t.recorded_at as recordedAt, t.applied_at as appliedAt, t.reference,
           (select name from people where id = t.recorded_by) as recordedBy
      from transfers t join units u on u.id = t.unit_id join buildings b on b.id = u.building_id
      left join holders hf on hf.id = t.from_holder_id join holders ht on ht.id = t.to_holder_id
     where t.compound_id = ${compoundId} order by t.id desc limit ${limit}`);
}

class BatchRefused extends Error {
  constructor(
    readonly index: number,
    readonly refusal: TransferError,
  ) {
    super(refusal.kind);
  }
}

/** Records a file of transfers, all or none: the first refusal undoes every row and says which. */
export function recordTransfers(
  list: readonly NewTransfer[],
  actorId: number,
  reach: StaffReach,
  now: number,
): { ok: true; applied: number; pending: number } | { ok: false; index: number; error: TransferError } {
  try {
    return writeTransaction(() => {
      let applied = 0;
      list.forEach((t, index) => {
        const r = recordTransfer(t, actorId, reach, now);
        if (!r.ok) throw new BatchRefused(index, r.error);
        if (r.applied) applied++;
      });
      return { ok: true as const, applied, pending: list.length - applied };
    });
  } catch (error) {
    if (error instanceof BatchRefused) return { ok: false, index: error.index, error: error.refusal };
    throw error;
  }
}
