import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { moveFrom } from '@/lib/topics/lifecycle';
import { type VoteResult, countVote } from '@/lib/voting/count';
import { VOTE_OPENED, voteMove } from '@/lib/voting/lifecycle';
import { appendPendingAnchors } from '../audit/anchor-file';
import { anchorChain } from '../audit/anchors';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { voteOptions, votes } from '../schema';
import { moveTopic } from '../topics/move';
import { voteStatusIs } from './status';

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
  // A ballot counts when cast online, or on paper once a second committee member confirmed it.
  const counted = tx
    .all<{ voterKey: string; choice: string }>(
      sql`select voter_key as voterKey, choice from ballots
           where vote_id = ${vote.id} and (channel = 'online' or confirmed_by is not null)`,
    )
    .map((b) => ({ voterKey: b.voterKey, choice: JSON.parse(b.choice) as string[] }));
  return {
    kind: vote.kind,
    matterItem: vote.matterItem,
    nonVotersFollowMajority: vote.nonVotersFollowMajority,
    options,
    units,
    voters,
    ballots: counted,
  };
}

export function hashResult(result: VoteResult): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/**
 * Closes a vote and stores its result, computed once from the frozen electorate and the counted
 * ballots: the one place a vote's status changes, by the move lib/voting/lifecycle.ts names.
 * Compare-and-set on the status: a vote is closed (and counted) exactly once. `actorId` is null
 * when the clock closed it at its end time. Whether the actor may close it now is the caller's
 * check (lib/voting/rules.ts canCloseVote, or the clock's end time).
 */
export function closeVote(compoundId: number, voteId: number, actorId: number | null, now: number): VoteResult | null {
  const move = voteMove('close_vote');
  const closed = writeTransaction((tx) => {
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
    const stillOpen = tx.get<{ n: number }>(
      sql`select count(*) as n from votes where topic_id = ${vote.topicId} and ${voteStatusIs(votes.status, VOTE_OPENED)}`,
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
  const move = voteMove('close_vote');
  return getDb().all<{ id: number; compoundId: number }>(
    sql`select id, compound_id as compoundId from votes where ${voteStatusIs(votes.status, move.from)} and ends_at <= ${now}`,
  );
}
