import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Anchor } from '@/lib/audit/anchors';
import { moveFrom } from '@/lib/topics/lifecycle';
import { type VoteResult, countVote } from '@/lib/voting/count';
import type { MatterKind } from '@/lib/voting/count-matters';
import { VOTE_PENDING, voteMove } from '@/lib/voting/lifecycle';
import { appendPendingAnchors } from '../audit/anchor-file';
import { anchorChain } from '../audit/anchors';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { voteOptions, votes } from '../schema';
import { moveTopic } from '../topics/move';
import { voteStatusIn, voteStatusIs } from './status';

/**
 * The frozen electorate and the counted ballots of a vote: what a count (or a recount) reads. The
 * three long lists are read as plain rows (no per-row mapping): closing a 10,000-holder decision
 * reads 27,000 of them.
 */
export function countInputOf(
  tx: Pick<Tx, 'select' | 'all'>,
  vote: {
    id: number;
    kind: 'consultation' | 'council' | 'owners';
    matterItem: number | null;
    nonVotersFollowMajority: boolean;
    matterKind?: MatterKind | null;
    seats?: number | null;
  },
) {
  const options = tx
    .select({ key: voteOptions.key, label: voteOptions.label })
    .from(voteOptions)
    .where(eq(voteOptions.voteId, vote.id))
    .orderBy(asc(voteOptions.position))
    .all();
  const units = tx.all<{ unitId: number; holderId: number; areaCenti: number }>(
    sql`select unit_id as unitId, holder_id as holderId, area_centi as areaCenti from vote_units where vote_id = ${vote.id}`,
  );
  const voters = tx.all<{ voterKey: string; holderId: number | null }>(
    sql`select voter_key as voterKey, holder_id as holderId from vote_voters where vote_id = ${vote.id}`,
  );
  // An assembly's matter also says which ballots an agent cast (its stored result counts them).
  const assembly = Boolean(vote.matterKind);
  // A ballot counts when cast online, or on paper once a second committee member confirmed it.
  const counted = tx
    .all<{ voterKey: string; choice: string; proxyId: number | null }>(
      sql`select voter_key as voterKey, choice, proxy_id as proxyId from ballots
           where vote_id = ${vote.id} and (channel = 'online' or confirmed_by is not null)`,
    )
    .map((b) => ({
      voterKey: b.voterKey,
      choice: JSON.parse(b.choice) as string[],
      ...(assembly ? { byProxy: b.proxyId !== null } : {}),
    }));
  return {
    kind: vote.kind,
    matterItem: vote.matterItem,
    nonVotersFollowMajority: vote.nonVotersFollowMajority,
    options,
    units,
    voters,
    ballots: counted,
    ...(assembly ? { matterKind: vote.matterKind ?? null, seats: vote.seats ?? null } : {}),
  };
}

export function hashResult(result: VoteResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/**
 * Closes a vote and stores its result, computed once from the frozen electorate and the counted
 * ballots, in the caller's transaction: the one place a vote's status changes to closed, by the move
 * lib/voting/lifecycle.ts names. Compare-and-set on the status: a vote is closed (and counted)
 * exactly once. `actorId` is null when the clock closed it at its end time. Whether the actor may
 * close it now is the caller's check (lib/voting/rules.ts canCloseVote, the assembly's
 * canCloseAssembly, or the clock's end time). Returns the vote's topic with the result.
 */
export function closeVoteIn(
  tx: Tx,
  compoundId: number,
  voteId: number,
  actorId: number | null,
  now: number,
): { result: VoteResult; topicId: number } | null {
  const move = voteMove('close_vote');
  const vote = tx
    .update(votes)
    .set({ status: move.to, closedAt: now, closedBy: actorId })
    .where(and(eq(votes.id, voteId), eq(votes.compoundId, compoundId), eq(votes.status, move.from)))
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
    action: move.action,
    fromState: move.from,
    toState: move.to,
    data: { voted: result.voted, electorate: result.electorate, passed: result.owners?.passed ?? null },
  });
  // The topic stays "voting" while any of its votes is still announced or open.
  const stillOpen = tx.get<{ n: number }>(
    sql`select count(*) as n from votes where topic_id = ${vote.topicId} and ${voteStatusIn(votes.status, VOTE_PENDING)}`,
  );
  const close = moveFrom('close_vote', 'voting');
  if ((stillOpen?.n ?? 0) === 0 && close) {
    moveTopic(tx, { compoundId, topicId: vote.topicId, actorId, move: close, data: { voteId } }, now);
  }
  return { result, topicId: vote.topicId };
}

/**
 * Closes one vote in its own transaction and anchors the compound's chain with the close in it
 * (notice board, anchor file; docs/decisions/0013).
 */
export function closeVote(compoundId: number, voteId: number, actorId: number | null, now: number): VoteResult | null {
  const closed = writeTransaction((tx) => {
    const done = closeVoteIn(tx, compoundId, voteId, actorId, now);
    if (!done) return null;
    anchorChain(tx, compoundId, 'vote_closed', now);
    return done.result;
  });
  if (closed) appendPendingAnchors();
  return closed;
}

/** Anchors the chain at the end of a transaction that closed votes: the head published includes them. */
export function anchorClose(tx: Tx, compoundId: number, now: number): Anchor | null {
  return anchorChain(tx, compoundId, 'vote_closed', now);
}

/**
 * Open votes whose end time has passed, for the clock to close. A matter of an assembly is closed with
 * its assembly (db/assembly/moves.ts), so that all its matters close in one transaction.
 */
export function listDueVotes(now: number) {
  const move = voteMove('close_vote');
  return getDb().all<{ id: number; compoundId: number }>(
    sql`select id, compound_id as compoundId from votes
         where ${voteStatusIs(votes.status, move.from)} and ends_at <= ${now} and assembly_id is null`,
  );
}
