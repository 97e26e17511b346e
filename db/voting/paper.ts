import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { COMMITTEE } from '@/lib/auth/roles';
import { appendAudit } from '../audit/append';
import { notify } from '../notifications/notifications';
import { roleIn } from '../roles';
import { getDb, writeTransaction } from '../client';
import { ballots } from '../schema';
import { receiptCode, voteStillOpen } from './ballots';

/** Enters a paper ballot; it counts once another committee member confirms it. False if the holder already has a ballot. */
export function enterPaperBallot(
  input: { compoundId: number; voteId: number; voterKey: string; choice: string[]; serial: string; personId: number },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    if (!voteStillOpen(input.voteId, now)) return false;
    const res = tx
      .insert(ballots)
      .values({
        voteId: input.voteId,
        voterKey: input.voterKey,
        choice: JSON.stringify(input.choice),
        channel: 'paper',
        castBy: input.personId,
        paperSerial: input.serial,
        receiptCode: receiptCode(),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.personId,
      at: now,
      entity: 'vote',
      entityId: input.voteId,
      action: 'paper_entered',
      data: { voterKey: input.voterKey, serial: input.serial },
    });
    // It counts only once another committee member confirms it: they are asked — once while an
    // earlier ask about this vote is still unread, not once per ballot of a pile entered together.
    const committee = tx
      .all<{ id: number }>(sql`select m.person_id as id from memberships m where m.scope_type = 'compound'
          and m.scope_id = ${input.compoundId} and ${roleIn(sql`m.role`, COMMITTEE)}
          and not exists (select 1 from notifications n where n.person_id = m.person_id and n.kind = 'paper_pending'
                           and n.vote_id = ${input.voteId} and n.read_at is null)`)
      .map((r) => r.id);
    const topicId = tx.get<{ id: number }>(sql`select topic_id as id from votes where id = ${input.voteId}`)?.id;
    notify(
      tx,
      committee,
      { compoundId: input.compoundId, kind: 'paper_pending', actorId: input.personId, topicId, voteId: input.voteId },
      now,
    );
    return true;
  });
}

export function confirmPaperBallot(
  input: { compoundId: number; voteId: number; voterKey: string; personId: number },
  now: number,
) {
  return writeTransaction((tx) => {
    if (!voteStillOpen(input.voteId, now)) return false;
    const res = tx
      .update(ballots)
      .set({ confirmedBy: input.personId, confirmedAt: now })
      .where(
        and(
          eq(ballots.voteId, input.voteId),
          eq(ballots.voterKey, input.voterKey),
          eq(ballots.channel, 'paper'),
          isNull(ballots.confirmedBy),
          sql`${ballots.castBy} <> ${input.personId}`,
        ),
      )
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.personId,
      at: now,
      entity: 'vote',
      entityId: input.voteId,
      action: 'paper_confirmed',
      data: { voterKey: input.voterKey },
    });
    return true;
  });
}

/** Paper ballots waiting for a second committee member, with who entered them. */
export function listPendingPaper(voteId: number) {
  return getDb().all<{
    voterKey: string;
    name: string;
    place: string;
    serial: string | null;
    choice: string;
    castBy: number;
    enteredBy: string;
  }>(sql`
    select b.voter_key as voterKey, v.name, v.place, b.paper_serial as serial, b.choice, b.cast_by as castBy,
           (select name from people where id = b.cast_by) as enteredBy
      from ballots b join vote_voters v on v.vote_id = b.vote_id and v.voter_key = b.voter_key
     where b.vote_id = ${voteId} and b.channel = 'paper' and b.confirmed_by is null order by v.place`);
}
