import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { countVote, type VoteResult } from '@/lib/voting/count';
import { moveFrom } from '@/lib/topics/lifecycle';
import { COUNCIL, PROPERTY } from '@/lib/auth/roles';
import { appendPendingAnchors } from '../audit/anchor-file';
import { getDb, groupWrite, prepared, type Tx, writeTransaction } from '../client';
import { ballots, topics, voteOptions, votes, voteUnits, voteVoters } from '../schema';
import { anchorChain } from '../audit/anchors';
import { appendAudit } from '../audit/append';
import { roleIn } from '../roles';
import { moveTopic } from '../topics/move';

export interface NewVote {
  compoundId: number;
  topicId: number;
  kind: 'consultation' | 'council' | 'owners';
  question: string;
  matterItem: number | null;
  choiceMode: 'single' | 'multiple';
  secret: boolean;
  allowChange: boolean;
  buildingIds: number[] | null;
  nonVotersFollowMajority: boolean;
  startsAt: number;
  endsAt: number;
  options: { key: string; label: string }[];
  openedBy: number;
}

/** Freezes who may vote, so later changes to the register or to roles do not change this vote. */
function freezeElectorate(tx: Tx, voteId: number, v: NewVote, companyIds: readonly number[]) {
  const inBuildings = v.buildingIds?.length
    ? sql`and u.building_id in (${sql.join(
        v.buildingIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
  if (v.kind === 'owners') {
    tx.run(sql`insert into vote_units (vote_id, unit_id, holder_id, area_centi)
               select ${voteId}, u.id, u.holder_id, u.area_centi from units u
                where u.compound_id = ${v.compoundId} and u.holder_id is not null`);
    tx.run(sql`insert into vote_voters (vote_id, voter_key, person_id, holder_id, name, place, area_centi)
               select ${voteId}, 'h:' || h.id, h.voter_person_id, h.id, h.name,
                      (select group_concat(b.name || u2.number, '、') from units u2 join buildings b on b.id = u2.building_id
                        where u2.holder_id = h.id and u2.compound_id = ${v.compoundId}),
                      sum(vu.area_centi)
                 from vote_units vu join holders h on h.id = vu.holder_id
                where vu.vote_id = ${voteId} group by h.id`);
    return;
  }
  if (v.kind === 'consultation') {
    // Every resident, one person one vote: owners from the register and tenants.
    tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
               select ${voteId}, 'p:' || p.id, p.id, null, p.name, min(b.name || u.number)
                 from units u join buildings b on b.id = u.building_id
                 join holder_members hm on hm.holder_id = u.holder_id join people p on p.id = hm.person_id
                where u.compound_id = ${v.compoundId} ${inBuildings} group by p.id`);
    tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
               select ${voteId}, 'p:' || p.id, p.id, null, p.name, coalesce(min(b.name || u.number), '')
                 from memberships m join people p on p.id = m.person_id
                 left join units u on u.id = m.unit_id left join buildings b on b.id = u.building_id
                where m.role = 'tenant' and m.scope_type = 'compound' and m.scope_id = ${v.compoundId}
                  ${v.buildingIds?.length ? inBuildings : sql``} group by p.id`);
    return;
  }
  const companies = companyIds.length
    ? sql.join(
        companyIds.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`null`;
  tx.run(sql`insert or ignore into vote_voters (vote_id, voter_key, person_id, holder_id, name, place)
             select ${voteId}, 'p:' || p.id, p.id, null, p.name, group_concat(m.role)
               from memberships m join people p on p.id = m.person_id
              where (m.scope_type = 'compound' and m.scope_id = ${v.compoundId} and ${roleIn(sql`m.role`, COUNCIL)})
                 or (m.scope_type = 'company' and ${roleIn(sql`m.role`, PROPERTY)} and m.scope_id in (${companies}))
              group by p.id`);
}

/**
 * Opens a vote on a topic under deliberation: the vote, its options and its frozen electorate, the
 * topic's move to "voting", the audit entries and the notices, all in one transaction. Returns
 * null when the topic is not (or no longer) open to a vote.
 */
export function openVote(v: NewVote, companyIds: readonly number[], now: number): number | null {
  return writeTransaction((tx) => {
    // The write lock is held from here on: the status read now is the one the move starts from.
    const topic = tx
      .select({ status: topics.status })
      .from(topics)
      .where(and(eq(topics.id, v.topicId), eq(topics.compoundId, v.compoundId)))
      .get();
    const move = topic && moveFrom('open_vote', topic.status);
    if (!move) return null;
    const { options, buildingIds, ...fields } = v;
    const voteId = tx
      .insert(votes)
      .values({
        ...fields,
        buildingIds: buildingIds ? JSON.stringify(buildingIds) : null,
        status: 'open',
        createdAt: now,
      })
      .returning({ id: votes.id })
      .get().id;
    options.forEach((o, position) => {
      tx.insert(voteOptions).values({ voteId, key: o.key, label: o.label, position }).run();
    });
    freezeElectorate(tx, voteId, v, companyIds);
    const electorate =
      tx.get<{ n: number }>(sql`select count(*) as n from vote_voters where vote_id = ${voteId}`)?.n ?? 0;
    appendAudit(tx, {
      compoundId: v.compoundId,
      actorId: v.openedBy,
      at: now,
      entity: 'vote',
      entityId: voteId,
      action: 'open_vote',
      toState: 'open',
      data: { kind: v.kind, matterItem: v.matterItem, electorate, startsAt: v.startsAt, endsAt: v.endsAt },
    });
    const moved = moveTopic(
      tx,
      { compoundId: v.compoundId, topicId: v.topicId, actorId: v.openedBy, move, data: { voteId, kind: v.kind } },
      now,
    );
    if (!moved) throw new Error(`topic ${v.topicId} left ${move.from} inside its own write transaction`);
    return voteId;
  });
}

// Prepared once: every ballot runs these.
const voteStatement = prepared((db) =>
  db
    .select()
    .from(votes)
    .where(and(eq(votes.id, sql.placeholder('voteId')), eq(votes.compoundId, sql.placeholder('compoundId'))))
    .prepare(),
);
const optionsStatement = prepared((db) =>
  db
    .select({ key: voteOptions.key, label: voteOptions.label })
    .from(voteOptions)
    .where(eq(voteOptions.voteId, sql.placeholder('voteId')))
    .orderBy(asc(voteOptions.position))
    .prepare(),
);

export function getVote(compoundId: number, voteId: number) {
  const vote = voteStatement().get({ voteId, compoundId });
  if (!vote) return undefined;
  return { ...vote, options: optionsStatement().all({ voteId }) };
}

const counted = or(eq(ballots.channel, 'online'), isNotNull(ballots.confirmedBy));

/** Live turnout: voters and counted ballots by head, and for owners' decisions by area. One query. */
export function voteTurnout(voteId: number) {
  return (
    getDb().get<{
      voters: number;
      voted: number;
      totalArea: number | null;
      votedArea: number | null;
      pending: number;
    }>(sql`
      select count(*) as voters,
             count(b.voter_key) filter (where b.channel = 'online' or b.confirmed_by is not null) as voted,
             sum(v.area_centi) as totalArea,
             sum(v.area_centi) filter (where b.channel = 'online' or b.confirmed_by is not null) as votedArea,
             count(b.voter_key) filter (where b.channel = 'paper' and b.confirmed_by is null) as pending
        from vote_voters v left join ballots b on b.vote_id = v.vote_id and b.voter_key = v.voter_key
       where v.vote_id = ${voteId}`) ?? { voters: 0, voted: 0, totalArea: 0, votedArea: 0, pending: 0 }
  );
}

/** Live counts per option (for open ballots while open; for every vote once closed). */
export function liveTally(voteId: number) {
  return getDb().all<{ key: string; n: number }>(sql`
    select j.value as key, count(*) as n from ballots b, json_each(b.choice) j
     where b.vote_id = ${voteId} and (b.channel = 'online' or b.confirmed_by is not null)
     group by j.value`);
}

const myVoterRowsStatement = prepared((db) =>
  db
    .select({
      voterKey: voteVoters.voterKey,
      name: voteVoters.name,
      place: voteVoters.place,
      choice: ballots.choice,
      channel: ballots.channel,
      receiptCode: ballots.receiptCode,
      confirmedBy: ballots.confirmedBy,
    })
    .from(voteVoters)
    .leftJoin(ballots, and(eq(ballots.voteId, voteVoters.voteId), eq(ballots.voterKey, voteVoters.voterKey)))
    .where(and(eq(voteVoters.voteId, sql.placeholder('voteId')), eq(voteVoters.personId, sql.placeholder('personId'))))
    .prepare(),
);

/** The voter keys this person casts for in this vote, with any ballot already there. */
export function myVoterRows(voteId: number, personId: number) {
  return myVoterRowsStatement().all({ voteId, personId });
}

const stillOpenStatement = prepared((db) =>
  db.$client.prepare<[number, number, number], { ok: number }>(
    "select 1 as ok from votes where id = ? and status = 'open' and starts_at <= ? and ends_at > ?",
  ),
);

/**
 * Re-checked inside each ballot's transaction (same connection), so nothing lands after (or
 * before) the window.
 */
function voteStillOpen(voteId: number, now: number): boolean {
  return stillOpenStatement().get(voteId, now, now) !== undefined;
}

const insertOnlineBallot = prepared((db) =>
  db
    .insert(ballots)
    .values({
      voteId: sql.placeholder('voteId'),
      voterKey: sql.placeholder('voterKey'),
      choice: sql.placeholder('choice'),
      channel: 'online',
      castBy: sql.placeholder('castBy'),
      receiptCode: sql.placeholder('receiptCode'),
      createdAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .prepare(),
);

function receiptCode(): string {
  // 40 random bits in Crockford base32: easy to read out, hard to guess.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(8);
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[(bytes[i] ?? 0) % 32];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CastOutcome =
  | { ok: true; receiptCode: string; changed: boolean }
  | { ok: false; error: 'alreadyVoted' | 'paperExists' | 'voteClosed' };

/**
 * Casts (or, where the vote allows it, changes) an online ballot. The primary key on
 * (vote, voter) makes a second ballot impossible whatever the code does; the vote's status and end
 * time are re-checked inside the transaction, so a ballot never lands after the close.
 */
export function castBallot(
  input: {
    compoundId: number;
    voteId: number;
    voterKey: string;
    choice: string[];
    personId: number;
    allowChange: boolean;
  },
  now: number,
): Promise<CastOutcome> {
  // Ballots come many at once: written with group commit, acknowledged once on disk.
  return groupWrite((tx): CastOutcome => {
    if (!voteStillOpen(input.voteId, now)) return { ok: false, error: 'voteClosed' };
    const code = receiptCode();
    const inserted = insertOnlineBallot().run({
      voteId: input.voteId,
      voterKey: input.voterKey,
      choice: JSON.stringify(input.choice),
      castBy: input.personId,
      receiptCode: code,
      now,
    });
    if (inserted.changes === 1) {
      appendAudit(tx, {
        compoundId: input.compoundId,
        actorId: input.personId,
        at: now,
        entity: 'vote',
        entityId: input.voteId,
        action: 'ballot',
        data: { voterKey: input.voterKey, channel: 'online' },
      });
      return { ok: true, receiptCode: code, changed: false };
    }
    const existing = tx
      .select({ channel: ballots.channel, receiptCode: ballots.receiptCode })
      .from(ballots)
      .where(and(eq(ballots.voteId, input.voteId), eq(ballots.voterKey, input.voterKey)))
      .get();
    if (existing?.channel === 'paper') return { ok: false, error: 'paperExists' };
    if (!existing || !input.allowChange) return { ok: false, error: 'alreadyVoted' };
    tx.update(ballots)
      .set({ choice: JSON.stringify(input.choice), castBy: input.personId, updatedAt: now })
      .where(and(eq(ballots.voteId, input.voteId), eq(ballots.voterKey, input.voterKey), eq(ballots.channel, 'online')))
      .run();
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.personId,
      at: now,
      entity: 'vote',
      entityId: input.voteId,
      action: 'ballot_changed',
      data: { voterKey: input.voterKey },
    });
    return { ok: true, receiptCode: existing.receiptCode, changed: true };
  });
}

export function findVoter(voteId: number, voterKey: string) {
  return getDb()
    .select()
    .from(voteVoters)
    .where(and(eq(voteVoters.voteId, voteId), eq(voteVoters.voterKey, voterKey)))
    .get();
}

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
    return true;
  });
}

export function findBallot(voteId: number, voterKey: string) {
  return getDb()
    .select({ channel: ballots.channel, castBy: ballots.castBy, confirmedBy: ballots.confirmedBy })
    .from(ballots)
    .where(and(eq(ballots.voteId, voteId), eq(ballots.voterKey, voterKey)))
    .get();
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

/** Everyone eligible who has no ballot yet: name and where they live, never a choice. */
export function listNonVoters(voteId: number) {
  return getDb().all<{ voterKey: string; name: string; place: string }>(sql`
    select v.voter_key as voterKey, v.name, v.place from vote_voters v
     where v.vote_id = ${voteId}
       and not exists (select 1 from ballots b where b.vote_id = v.vote_id and b.voter_key = v.voter_key)
     order by v.place`);
}

/** The frozen electorate and the counted ballots of a vote: what a count (or a recount) reads. */
export function countInputOf(
  tx: Pick<Tx, 'select'>,
  vote: {
    id: number;
    kind: 'consultation' | 'council' | 'owners';
    matterItem: number | null;
    nonVotersFollowMajority: boolean;
  },
) {
  const options = tx
    .select({ key: voteOptions.key, label: voteOptions.label })
    .from(voteOptions)
    .where(eq(voteOptions.voteId, vote.id))
    .orderBy(asc(voteOptions.position))
    .all();
  const units = tx
    .select({ unitId: voteUnits.unitId, holderId: voteUnits.holderId, areaCenti: voteUnits.areaCenti })
    .from(voteUnits)
    .where(eq(voteUnits.voteId, vote.id))
    .all();
  const voters = tx
    .select({ voterKey: voteVoters.voterKey, holderId: voteVoters.holderId })
    .from(voteVoters)
    .where(eq(voteVoters.voteId, vote.id))
    .all();
  const counted_ = tx
    .select({ voterKey: ballots.voterKey, choice: ballots.choice })
    .from(ballots)
    .where(and(eq(ballots.voteId, vote.id), counted))
    .all()
    .map((b) => ({ voterKey: b.voterKey, choice: JSON.parse(b.choice) as string[] }));
  return {
    kind: vote.kind,
    matterItem: vote.matterItem,
    nonVotersFollowMajority: vote.nonVotersFollowMajority,
    options,
    units,
    voters,
    ballots: counted_,
  };
}

export function hashResult(result: VoteResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/**
 * Closes a vote and stores its result, computed once from the frozen electorate and the counted
 * ballots. Compare-and-set on the status: a vote is closed (and counted) exactly once. `actorId`
 * is null when the clock closed it at its end time.
 */
export function closeVote(compoundId: number, voteId: number, actorId: number | null, now: number): VoteResult | null {
  const closed = writeTransaction((tx) => {
    const vote = tx
      .update(votes)
      .set({ status: 'closed', closedAt: now, closedBy: actorId })
      .where(and(eq(votes.id, voteId), eq(votes.compoundId, compoundId), eq(votes.status, 'open')))
      .returning()
      .get();
    if (!vote) return null;
    const result = countVote(countInputOf(tx, vote));
    tx.update(votes)
      .set({ result: JSON.stringify(result), resultHash: hashResult(result) })
      .where(eq(votes.id, voteId))
      .run();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'vote',
      entityId: voteId,
      action: 'close_vote',
      fromState: 'open',
      toState: 'closed',
      data: { voted: result.voted, electorate: result.electorate, passed: result.owners?.passed ?? null },
    });
    const stillOpen = tx.get<{ n: number }>(
      sql`select count(*) as n from votes where topic_id = ${vote.topicId} and status = 'open'`,
    );
    const close = moveFrom('close_vote', 'voting');
    if ((stillOpen?.n ?? 0) === 0 && close) {
      moveTopic(tx, { compoundId, topicId: vote.topicId, actorId, move: close, data: { voteId } }, now);
    }
    // The chain's head, with the close and its result in it, is published (notice board, anchor file).
    anchorChain(tx, compoundId, 'vote_closed', now);
    return result;
  });
  if (closed) appendPendingAnchors();
  return closed;
}

/** Open votes whose end time has passed, for the clock to close. */
export function listDueVotes(now: number) {
  return getDb().all<{ id: number; compoundId: number }>(
    sql`select id, compound_id as compoundId from votes where status = 'open' and ends_at <= ${now}`,
  );
}

/** How many counted ballots a closed vote has (its published receipt codes). */
export function countReceipts(voteId: number): number {
  return (
    getDb().get<{ n: number }>(sql`select count(*) as n from ballots
      where vote_id = ${voteId} and (channel = 'online' or confirmed_by is not null)`)?.n ?? 0
  );
}

/** One receipt code looked up: counted (with its choice) or not found. */
export function findReceipt(voteId: number, code: string) {
  return getDb().get<{ receiptCode: string; choice: string; channel: string }>(sql`
    select receipt_code as receiptCode, choice, channel from ballots
     where vote_id = ${voteId} and receipt_code = ${code} and (channel = 'online' or confirmed_by is not null)`);
}

/** After the close: every counted ballot's receipt code with its choice, so each voter can check theirs. */
export function listReceipts(voteId: number) {
  return getDb().all<{ receiptCode: string; choice: string; channel: string }>(sql`
    select receipt_code as receiptCode, choice, channel from ballots
     where vote_id = ${voteId} and (channel = 'online' or confirmed_by is not null) order by receipt_code`);
}
