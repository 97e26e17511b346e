import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { VoteResult } from '@/lib/voting/count';
import { type Turnout, turnoutOfResult } from '@/lib/voting/stored-turnout';
import { getDb, prepared } from '../client';
import { ballots, voteOptions, votes, voteVoters } from '../schema';

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

/** A vote as its page reads it: the row with its options in order. */
export type VoteView = NonNullable<ReturnType<typeof getVote>>;

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

/**
 * A vote's turnout: a closed one from its stored result (counted at the close, unchangeable since)
 * and its paper ballots still unconfirmed; an open one live from every voter and ballot.
 */
export function turnoutOf(vote: { id: number; status: string; result: string | null }): Turnout {
  if (vote.status !== 'closed' || !vote.result) return voteTurnout(vote.id);
  const pending =
    getDb().get<{ n: number }>(sql`select count(*) as n from ballots
      where vote_id = ${vote.id} and channel = 'paper' and confirmed_by is null`)?.n ?? 0;
  return turnoutOfResult(JSON.parse(vote.result) as VoteResult, pending);
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

/** Everyone eligible who has no ballot yet: name and where they live, never a choice. */
export function listNonVoters(voteId: number) {
  return getDb().all<{ voterKey: string; name: string; place: string }>(sql`
    select v.voter_key as voterKey, v.name, v.place from vote_voters v
     where v.vote_id = ${voteId}
       and not exists (select 1 from ballots b where b.vote_id = v.vote_id and b.voter_key = v.voter_key)
     order by v.place`);
}
