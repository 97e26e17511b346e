import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { VOTE_OPENED, type VoteStatus } from '@/lib/voting/lifecycle';
import { appendAudit } from '../audit/append';
import { getDb, groupWrite, prepared } from '../client';
import { ballots, voteVoters } from '../schema';

const stillOpenStatement = prepared((db) =>
  db.$client.prepare<[number, VoteStatus, number, number], { ok: number }>(
    'select 1 as ok from votes where id = ? and status = ? and starts_at <= ? and ends_at > ?',
  ),
);

/**
 * Re-checked inside each ballot's transaction (same connection), online or paper, so nothing lands
 * after (or before) the window.
 */
export function voteStillOpen(voteId: number, now: number): boolean {
  return stillOpenStatement().get(voteId, VOTE_OPENED, now, now) !== undefined;
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
      proxyId: sql.placeholder('proxyId'),
      createdAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
    })
    .onConflictDoNothing()
    .prepare(),
);

/** A ballot's receipt code, online or paper. */
export function receiptCode(): string {
  // 40 random bits in Crockford base32: easy to read out, hard to guess.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(8);
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[(bytes[i] ?? 0) % 32];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type CastOutcome =
  | { ok: true; receiptCode: string; changed: boolean }
  | {
      ok: false;
      error: 'alreadyVoted' | 'paperExists' | 'voteClosed' | 'holderVotedFirst' | 'agentVotedFirst' | 'notEligible';
    };

// An assembly's holder speaks through one voice in all its matters: whoever votes first, the holder's
// own voter (online or on paper) or its authorised agent (lib/assembly/rules.ts canVoteAs).
const proxyStillEffective = prepared((db) =>
  db.$client.prepare<[number, string, number], { ok: number }>(
    "select 1 as ok from proxies where id = ? and voter_key = ? and agent_id = ? and status = 'effective'",
  ),
);
const votedOtherwise = prepared((db) =>
  db.$client.prepare<[number, string, number], { ok: number }>(
    `select 1 as ok from ballots b join votes v on v.id = b.vote_id
      where v.assembly_id = ? and b.voter_key = ? and coalesce(b.proxy_id, 0) <> ? limit 1`,
  ),
);

/**
 * Who may cast the holder's ballot in an assembly matter, checked inside the ballot's transaction:
 * an agent only under an effective proxy and only if nobody else voted for the holder in the assembly;
 * the holder's own voter only if no agent did.
 */
function assemblyVoiceRefusal(assemblyId: number, voterKey: string, personId: number, proxyId: number | null) {
  if (proxyId !== null) {
    if (!proxyStillEffective().get(proxyId, voterKey, personId)) return 'notEligible' as const;
    return votedOtherwise().get(assemblyId, voterKey, proxyId) ? ('holderVotedFirst' as const) : null;
  }
  // Any ballot of the holder in the assembly under a proxy (proxy_id <> 0) was the agent's.
  const byAgent = votedOtherwise().get(assemblyId, voterKey, 0);
  return byAgent ? ('agentVotedFirst' as const) : null;
}

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
    /** The vote's assembly, if it is an assembly's matter; then `proxyId` when cast by an agent. */
    assemblyId?: number | null;
    proxyId?: number | null;
  },
  now: number,
): Promise<CastOutcome> {
  // Ballots come many at once: written with group commit, acknowledged once on disk.
  return groupWrite((tx): CastOutcome => {
    if (!voteStillOpen(input.voteId, now)) return { ok: false, error: 'voteClosed' };
    const proxyId = input.proxyId ?? null;
    if (input.assemblyId) {
      const refused = assemblyVoiceRefusal(input.assemblyId, input.voterKey, input.personId, proxyId);
      if (refused) return { ok: false, error: refused };
    }
    const code = receiptCode();
    const inserted = insertOnlineBallot().run({
      voteId: input.voteId,
      voterKey: input.voterKey,
      choice: JSON.stringify(input.choice),
      castBy: input.personId,
      receiptCode: code,
      proxyId,
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
        data: { voterKey: input.voterKey, channel: 'online', ...(proxyId ? { proxyId } : {}) },
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

export function findBallot(voteId: number, voterKey: string) {
  return getDb()
    .select({ channel: ballots.channel, castBy: ballots.castBy, confirmedBy: ballots.confirmedBy })
    .from(ballots)
    .where(and(eq(ballots.voteId, voteId), eq(ballots.voterKey, voterKey)))
    .get();
}
