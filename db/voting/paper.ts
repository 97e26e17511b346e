import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { COMMITTEE } from '@/lib/auth/roles';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { roleIn } from '../roles';
import { ballots } from '../schema';
import { receiptCode, voteStillOpen } from './ballots';

/**
 * In an assembly, the holder's paper ballot is the holder's own voice: refused once an authorised
 * agent has voted for the holder in any matter (lib/assembly/rules.ts canVoteAs).
 */
function agentVoted(tx: Pick<Tx, 'get'>, voteId: number, voterKey: string): boolean {
  return (
    tx.get<{ ok: number }>(sql`select 1 as ok from ballots b join votes v on v.id = b.vote_id
      where v.assembly_id = (select assembly_id from votes where id = ${voteId})
        and b.voter_key = ${voterKey} and b.proxy_id is not null limit 1`) !== undefined
  );
}

function insertPaper(
  tx: Tx,
  input: { compoundId: number; voteId: number; voterKey: string; choice: string[]; serial: string; personId: number },
  now: number,
): boolean {
  if (agentVoted(tx, input.voteId, input.voterKey)) return false;
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
  askToConfirm(tx, input, now);
  return true;
}

/**
 * A paper ballot counts only once another committee member confirms it: they are asked — once while
 * an earlier ask about this vote is still unread, not once per ballot of a pile entered together.
 */
function askToConfirm(tx: Tx, input: { compoundId: number; voteId: number; personId: number }, now: number) {
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
}

/** Enters a paper ballot; it counts once another committee member confirms it. False if the holder already has a ballot. */
export function enterPaperBallot(
  input: { compoundId: number; voteId: number; voterKey: string; choice: string[]; serial: string; personId: number },
  now: number,
): boolean {
  return writeTransaction((tx) => voteStillOpen(input.voteId, now) && insertPaper(tx, input, now));
}

/** Thrown to undo a whole batch when one of its ballots cannot be entered. */
class BatchRefused extends Error {
  constructor(readonly line: number) {
    super(`paper batch refused at line ${line}`);
  }
}

/**
 * Enters a list of paper ballots all together or not at all (lib/voting/paper-batch.ts parsed and
 * checked them): a line whose holder got a ballot meanwhile undoes the batch and is named.
 */
export function enterPaperBatch(
  input: {
    compoundId: number;
    voteId: number;
    personId: number;
    entries: readonly { line: number; serial: string; voterKey: string; choice: string[] }[];
  },
  now: number,
): { ok: true; entered: number } | { ok: false; line: number } {
  try {
    return writeTransaction((tx) => {
      if (!voteStillOpen(input.voteId, now)) throw new BatchRefused(0);
      for (const e of input.entries) {
        const entered = insertPaper(
          tx,
          { compoundId: input.compoundId, voteId: input.voteId, personId: input.personId, ...e },
          now,
        );
        if (!entered) throw new BatchRefused(e.line);
      }
      return { ok: true as const, entered: input.entries.length };
    });
  } catch (error) {
    if (error instanceof BatchRefused) return { ok: false, line: error.line };
    throw error;
  }
}

/** Confirms the listed paper ballots another member entered (never one's own); returns how many it confirmed. */
export function confirmPaperBatch(
  input: { compoundId: number; voteId: number; voterKeys: readonly string[]; personId: number },
  now: number,
): number {
  return writeTransaction((tx) => {
    if (!voteStillOpen(input.voteId, now)) return 0;
    let confirmed = 0;
    for (const voterKey of input.voterKeys) {
      const res = tx
        .update(ballots)
        .set({ confirmedBy: input.personId, confirmedAt: now })
        .where(
          and(
            eq(ballots.voteId, input.voteId),
            eq(ballots.voterKey, voterKey),
            eq(ballots.channel, 'paper'),
            isNull(ballots.confirmedBy),
            sql`${ballots.castBy} <> ${input.personId}`,
          ),
        )
        .run();
      if (res.changes === 0) continue;
      confirmed++;
      appendAudit(tx, {
        compoundId: input.compoundId,
        actorId: input.personId,
        at: now,
        entity: 'vote',
        entityId: input.voteId,
        action: 'paper_confirmed',
        data: { voterKey },
      });
    }
    return confirmed;
  });
}

/** Every unit of a vote's frozen electorate as written ("3号楼1单元301") → its holder's voter key; and who has a ballot. */
export function paperLookupOf(voteId: number) {
  const places = getDb().all<{ place: string; voterKey: string }>(sql`
    select b.name || u.number as place, 'h:' || vu.holder_id as voterKey
      from vote_units vu join units u on u.id = vu.unit_id join buildings b on b.id = u.building_id
     where vu.vote_id = ${voteId}`);
  const taken = getDb().all<{ voterKey: string }>(
    sql`select voter_key as voterKey from ballots where vote_id = ${voteId}`,
  );
  return {
    places: new Map(places.map((p) => [p.place, p.voterKey])),
    taken: new Set(taken.map((t) => t.voterKey)),
  };
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
