import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { voterChangeComplete } from '@/lib/households/rules';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { holderMembers, holders, voterChanges } from '../schema';

/**
 * Co-owners changing who casts their household's ballot: one proposes, every other co-owner confirms, and only then
 * does the register change (lib/households/rules.ts voterChangeComplete). Votes already open keep the voter they froze.
 */

function membersOf(holderId: number): number[] {
  return getDb()
    .select({ id: holderMembers.personId })
    .from(holderMembers)
    .where(eq(holderMembers.holderId, holderId))
    .all()
    .map((m) => m.id);
}

/** Pending proposals of the households the person belongs to. */
export function pendingVoterChanges(personId: number) {
  return getDb().all<{
    id: number;
    holderId: number;
    newVoterName: string;
    proposedByName: string;
    confirmedBy: string;
  }>(sql`
    select vc.id, vc.holder_id as holderId, (select name from people where id = vc.new_voter_id) as newVoterName,
           (select name from people where id = vc.proposed_by) as proposedByName, vc.confirmed_by as confirmedBy
      from voter_changes vc join holder_members hm on hm.holder_id = vc.holder_id
     where hm.person_id = ${personId} and vc.status = 'pending'`);
}

export type VoterChangeOutcome = 'proposed' | 'applied' | 'confirmed' | 'not-member' | 'gone';

/** A co-owner proposes a new voter (one of them); their own confirmation counts. */
export function proposeVoterChange(
  holderId: number,
  newVoterId: number,
  actorId: number,
  now: number,
): VoterChangeOutcome {
  return writeTransaction((tx) => {
    const holder = tx
      .select({ compoundId: holders.compoundId, kind: holders.kind, voterId: holders.voterPersonId })
      .from(holders)
      .where(eq(holders.id, holderId))
      .get();
    const members = membersOf(holderId);
    if (holder?.kind !== 'co_owners' || !members.includes(actorId) || !members.includes(newVoterId))
      return 'not-member';
    if (holder.voterId === newVoterId) return 'gone';
    tx.update(voterChanges)
      .set({ status: 'cancelled', decidedAt: now })
      .where(and(eq(voterChanges.holderId, holderId), eq(voterChanges.status, 'pending')))
      .run();
    const id = tx
      .insert(voterChanges)
      .values({ holderId, newVoterId, proposedBy: actorId, confirmedBy: JSON.stringify([actorId]), createdAt: now })
      .returning({ id: voterChanges.id })
      .get().id;
    appendAudit(tx, {
      compoundId: holder.compoundId,
      actorId,
      at: now,
      entity: 'holder',
      entityId: holderId,
      action: 'propose_voter',
      data: { changeId: id, newVoterId },
    });
    notify(
      tx,
      members,
      { compoundId: holder.compoundId, kind: 'voter_change', actorId, detail: String(holderId) },
      now,
    );
    return 'proposed';
  });
}

/** Another co-owner confirms; when all have, the household's voter changes. */
export function confirmVoterChange(changeId: number, actorId: number, now: number): VoterChangeOutcome {
  return writeTransaction((tx) => {
    const change = tx.select().from(voterChanges).where(eq(voterChanges.id, changeId)).get();
    if (change?.status !== 'pending') return 'gone';
    const members = membersOf(change.holderId);
    if (!members.includes(actorId)) return 'not-member';
    const confirmed = [...new Set([...(JSON.parse(change.confirmedBy) as number[]), actorId])];
    const holder = tx
      .select({ compoundId: holders.compoundId })
      .from(holders)
      .where(eq(holders.id, change.holderId))
      .get();
    const compoundId = holder?.compoundId ?? null;
    const complete = voterChangeComplete(members, confirmed);
    tx.update(voterChanges)
      .set({
        confirmedBy: JSON.stringify(confirmed),
        ...(complete ? { status: 'applied' as const, decidedAt: now } : {}),
      })
      .where(eq(voterChanges.id, changeId))
      .run();
    if (complete)
      tx.update(holders).set({ voterPersonId: change.newVoterId }).where(eq(holders.id, change.holderId)).run();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'holder',
      entityId: change.holderId,
      action: 'confirm_voter',
      data: { changeId, applied: complete },
    });
    return complete ? 'applied' : 'confirmed';
  });
}
