/**
 * A vote's life: it is opened (db/voting/open.ts openVote) and later closed, exactly once, by its
 * organiser after the end time or by the clock (db/voting/close.ts closeVote, the one function that
 * changes a vote's status). The states and the move between them are data, like a topic's
 * (lib/topics/lifecycle.ts); the database column is typed from VOTE_STATUSES.
 */
export const VOTE_STATUSES = ['open', 'closed'] as const;
export type VoteStatus = (typeof VOTE_STATUSES)[number];

/** The status a vote has from the moment it is opened (its electorate frozen) until it is closed. */
export const VOTE_OPENED: VoteStatus = 'open';

export const VOTE_ACTIONS = ['close_vote'] as const;
export type VoteAction = (typeof VOTE_ACTIONS)[number];

/**
 * Who makes a move: the vote's organiser (whoever may open a vote of its kind, lib/voting/rules.ts
 * canOpenVote) or the clock (server/clock.ts, and a visit to the vote page after its end).
 */
export type VoteMover = 'organiser' | 'clock';

export interface VoteMove {
  action: VoteAction;
  from: VoteStatus;
  to: VoteStatus;
  by: readonly VoteMover[];
  /** Not before the vote's end time: a vote runs its whole announced window. */
  afterEnd: boolean;
}

export const VOTE_MOVES: readonly VoteMove[] = [
  { action: 'close_vote', from: 'open', to: 'closed', by: ['organiser', 'clock'], afterEnd: true },
];

/** The move `action` makes from `from`, or undefined when a vote in that state cannot make it. */
export function voteMoveFrom(action: VoteAction, from: string): VoteMove | undefined {
  return VOTE_MOVES.find((m) => m.action === action && m.from === from);
}

/** The one move `action` names (each vote action has one `from` today). Throws for a bug: an action without a move. */
export function voteMove(action: VoteAction): VoteMove {
  const move = VOTE_MOVES.find((m) => m.action === action);
  if (!move) throw new Error(`no vote move for ${action}`);
  return move;
}

export function isVoteStatus(value: string): value is VoteStatus {
  return (VOTE_STATUSES as readonly string[]).includes(value);
}
