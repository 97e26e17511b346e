import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { VoteResult } from '@/lib/voting/count';
import { type Turnout, turnoutOfResult } from '@/lib/voting/stored-turnout';
import { getDb, prepared } from '../client';
import { voteOptions, votes } from '../schema';
import { voteStatusIs } from './status';

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

export interface MyVoterRow {
  voterKey: string;
  name: string;
  place: string;
  /** The holder's exclusive area (owners' decisions), hundredths of m². */
  areaCenti: number | null;
  choice: string | null;
  channel: 'online' | 'paper' | null;
  receiptCode: string | null;
  confirmedBy: number | null;
  /** Who cast the ballot on file, and under which proxy (null: the holder's own voter or the committee). */
  castBy: number | null;
  castByName: string | null;
  ballotProxyId: number | null;
  /** Set when this person votes for the holder as its authorised agent (委托) in the vote's assembly. */
  proxyId: number | null;
}

// Prepared once: every ballot runs one of them. The first part is the person's own voter rows; the
// second finds the holders this person votes for as an effective agent in the vote's assembly, asked only
// for an assembly's matter so that the ballot path of other votes stays as it was.
const OWN_ROWS = `
    select v.voter_key as voterKey, v.name, v.place, v.area_centi as areaCenti, b.choice, b.channel,
           b.receipt_code as receiptCode, b.confirmed_by as confirmedBy, b.cast_by as castBy,
           (select name from people where id = b.cast_by) as castByName, b.proxy_id as ballotProxyId,
           null as proxyId
      from vote_voters v left join ballots b on b.vote_id = v.vote_id and b.voter_key = v.voter_key
     where v.vote_id = :voteId and v.person_id = :personId`;
const PROXY_ROWS = `
    select v.voter_key, v.name, v.place, v.area_centi, b.choice, b.channel, b.receipt_code, b.confirmed_by,
           b.cast_by, (select name from people where id = b.cast_by), b.proxy_id, p.id
      from votes t
      join proxies p on p.assembly_id = t.assembly_id and p.agent_id = :personId and p.status = 'effective'
      join vote_voters v on v.vote_id = t.id and v.voter_key = p.voter_key
      left join ballots b on b.vote_id = v.vote_id and b.voter_key = v.voter_key
     where t.id = :voteId`;
const ownRowsStatement = prepared((db) =>
  db.$client.prepare<{ voteId: number; personId: number }, MyVoterRow>(OWN_ROWS),
);
const ownAndProxyRowsStatement = prepared((db) =>
  db.$client.prepare<{ voteId: number; personId: number }, MyVoterRow>(`${OWN_ROWS} union all ${PROXY_ROWS}`),
);

/**
 * The voter keys this person casts for in this vote (their own, their household's, or — in an assembly's
 * matter — a holder's as its authorised agent), with any ballot already there.
 */
export function myVoterRows(voteId: number, personId: number, inAssembly = true): MyVoterRow[] {
  return (inAssembly ? ownAndProxyRowsStatement() : ownRowsStatement()).all({ voteId, personId });
}

/** How many units each of these holders has in the vote's frozen electorate ("you represent 2 units"). */
export function unitsOfVoters(voteId: number, voterKeys: readonly string[]): Map<string, number> {
  if (voterKeys.length === 0) return new Map();
  const rows = getDb().all<{ voterKey: string; n: number }>(sql`
    select v.voter_key as voterKey, count(u.unit_id) as n from vote_voters v
      join vote_units u on u.vote_id = v.vote_id and u.holder_id = v.holder_id
     where v.vote_id = ${voteId} and v.voter_key in (${sql.join(
       voterKeys.map((k) => sql`${k}`),
       sql`, `,
     )}) group by v.voter_key`);
  return new Map(rows.map((r) => [r.voterKey, r.n]));
}

/** Everyone eligible who has no ballot yet: name and where they live, never a choice. */
export function listNonVoters(voteId: number) {
  return getDb().all<{ voterKey: string; name: string; place: string }>(sql`
    select v.voter_key as voterKey, v.name, v.place from vote_voters v
     where v.vote_id = ${voteId}
       and not exists (select 1 from ballots b where b.vote_id = v.vote_id and b.voter_key = v.voter_key)
     order by v.place`);
}

/**
 * Whether a vote of the compound is closed for good: closed, and its assembly (if any) closed too, so
 * that viewing it has no due move to make. Such a vote's page changes only by a write.
 */
export function isSettledVote(compoundId: number, voteId: number): boolean {
  return (
    getDb().get<{ ok: number }>(sql`
      select 1 as ok from votes v left join assemblies a on a.id = v.assembly_id
       where v.id = ${voteId} and v.compound_id = ${compoundId} and ${voteStatusIs(sql`v.status`, 'closed')}
         and (a.id is null or a.status = 'closed')`) !== undefined
  );
}
