/**
 * A vote's life. A consultation, a council vote (and an owners' decision made outside an assembly,
 * as the benchmarks do) is created open. A matter of an owners' assembly (业主大会) is created
 * *announced*: its notice, agenda and frozen electorate are published, and it opens at its start time,
 * no earlier than the compound's notice period after the announcement (docs/domain/owners-assembly.md,
 * "Calling it"). It is closed, exactly once, by its organiser after the end time — or before it, only
 * when every eligible voter has voted — or by the clock at the end time.
 *
 * The states and the moves between them are data, like a topic's (lib/topics/lifecycle.ts); the
 * database column is typed from VOTE_STATUSES; db/voting/close.ts and db/assembly/moves.ts are the
 * only places a vote's status changes.
 */
export const VOTE_STATUSES = ['announced', 'open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** The status a vote has from the moment it takes ballots (its electorate frozen) until it is closed. */
export const VOTE_OPENED: VoteStatus = 'open';
/** An assembly's matter during its notice period: published, electorate frozen, no ballots yet. */
export const VOTE_ANNOUNCED: VoteStatus = 'announced';
/** Statuses of a vote that has not been counted yet: the topic stays "voting" while any is. */
export const VOTE_PENDING: readonly VoteStatus[] = ['announced', 'open'];

export const VOTE_ACTIONS = ['open_vote', 'close_vote'] as const;
export type VoteAction = (typeof VOTE_ACTIONS)[number];

/**
 * Who makes a move: the vote's organiser (whoever may open a vote of its kind, lib/voting/rules.ts
 * canOpenVote) or the clock (server/clock.ts, and a visit to the vote page after the time).
 */
export type VoteMover = 'organiser' | 'clock';

export interface VoteMove {
  action: VoteAction;
  from: VoteStatus;
  to: VoteStatus;
  by: readonly VoteMover[];
  /** Not before the vote's start time: an announced vote opens when its notice period is over. */
  atStart: boolean;
  /** Not before the vote's end time: a vote runs its whole announced window… */
  afterEnd: boolean;
  /** …unless every eligible voter has already voted (an organiser's early close). */
  earlyWhenAllVoted: boolean;
}

export const VOTE_MOVES: readonly VoteMove[] = [
  {
    action: 'open_vote',
    from: 'announced',
    to: 'open',
    by: ['clock'],
    atStart: true,
    afterEnd: false,
    earlyWhenAllVoted: false,
  },
  {
    action: 'close_vote',
    from: 'open',
    to: 'closed',
    by: ['organiser', 'clock'],
    atStart: false,
    afterEnd: true,
    earlyWhenAllVoted: true,
  },
];

/** The move `action` makes from `from`, or undefined when a vote in that state cannot make it. */
export function voteMoveFrom(action: VoteAction, from: string): VoteMove | undefined {
  return VOTE_MOVES.find((m) => m.action === action && m.from === from);
}

/** The one move `action` names (each vote action has one `from`). Throws for a bug: an action without a move. */
export function voteMove(action: VoteAction): VoteMove {
  const move = VOTE_MOVES.find((m) => m.action === action);
  if (!move) throw new Error(`no vote move for ${action}`);
  return move;
}

/**
 * Whether `mover` may make `move` on a vote now: the move's own window (start, end) and, for an early
 * close, whether everyone has voted. Null when allowed, else an `errors` key.
 */
export function checkVoteMove(
  move: VoteMove,
  mover: VoteMover,
  vote: { startsAt: number; endsAt: number },
  now: number,
  allVoted: boolean,
): string | null {
  if (!move.by.includes(mover)) return 'forbidden';
  if (move.atStart && now < vote.startsAt) return 'voteNotStarted';
  if (move.afterEnd && now < vote.endsAt && !(move.earlyWhenAllVoted && allVoted)) return 'voteNotEnded';
  return null;
}

export function isVoteStatus(value: string): value is VoteStatus {
  return (VOTE_STATUSES as readonly string[]).includes(value);
}
