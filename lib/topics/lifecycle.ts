import type { Role } from '../auth/roles';

/**
 * A topic's life (mechanism.md): raised → reviewed → deliberated → decided → published → carried
 * out → rated and closed. The states and the moves between them are data; every move is written
 * with an audit entry in the same transaction (db/queries/topics.ts). Votes, decisions and
 * follow-through add their moves to this table when they land.
 */
export const TOPIC_STATUSES = [
  'raised',
  'deliberating',
  'rejected',
  'merged',
  'small_matter',
  'voting',
  'voted',
] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const TOPIC_ACTIONS = ['accept', 'reject', 'merge', 'route_small_matter', 'open_vote', 'close_vote'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];
export const REVIEW_ACTIONS = ['accept', 'reject', 'merge', 'route_small_matter'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export function isReviewAction(action: string): action is ReviewAction {
  return (REVIEW_ACTIONS as readonly string[]).includes(action);
}

/** Step 2 (议题审核) is the branch secretary's, with the owners' committee chair. */
export const REVIEWERS: readonly Role[] = ['branch_secretary', 'committee_chair'];

/**
 * Step 4 (表决): the secretary opens consultations and council votes, the owners' committee opens
 * owners' decisions (lib/voting/rules.ts says which kind); a vote closes by its organiser or its clock.
 */
export const VOTE_ORGANISERS: readonly Role[] = ['branch_secretary', 'committee_chair', 'committee_member'];

export interface TopicMove {
  action: TopicAction;
  from: TopicStatus;
  to: TopicStatus;
  by: readonly Role[];
  /** The reason is shown to everyone in the compound (a rejection must say why). */
  reasonRequired: boolean;
}

export const TOPIC_MOVES: readonly TopicMove[] = [
  { action: 'accept', from: 'raised', to: 'deliberating', by: REVIEWERS, reasonRequired: false },
  { action: 'reject', from: 'raised', to: 'rejected', by: REVIEWERS, reasonRequired: true },
  { action: 'merge', from: 'raised', to: 'merged', by: REVIEWERS, reasonRequired: false },
  { action: 'route_small_matter', from: 'raised', to: 'small_matter', by: REVIEWERS, reasonRequired: false },
  { action: 'open_vote', from: 'deliberating', to: 'voting', by: VOTE_ORGANISERS, reasonRequired: false },
  // A further vote on the same topic: another round, or a different kind.
  { action: 'open_vote', from: 'voting', to: 'voting', by: VOTE_ORGANISERS, reasonRequired: false },
  { action: 'open_vote', from: 'voted', to: 'voting', by: VOTE_ORGANISERS, reasonRequired: false },
  { action: 'close_vote', from: 'voting', to: 'voted', by: VOTE_ORGANISERS, reasonRequired: false },
];

export type MoveRefusal = 'wrong_state' | 'not_allowed';

/**
 * The move `action` from `from` by someone with `roles`, or why not. A wrong state is reported
 * before a missing role only when the actor could make that move from some state, so residents
 * learn nothing from probing.
 */
export function planMove(
  action: TopicAction,
  from: string,
  roles: ReadonlySet<Role>,
): { ok: true; move: TopicMove } | { ok: false; reason: MoveRefusal } {
  const candidates = TOPIC_MOVES.filter((m) => m.action === action);
  const permitted = candidates.filter((m) => m.by.some((r) => roles.has(r)));
  if (permitted.length === 0) return { ok: false, reason: 'not_allowed' };
  const move = permitted.find((m) => m.from === from);
  return move ? { ok: true, move } : { ok: false, reason: 'wrong_state' };
}

/** Review moves (step 2) a person could make now: the review panel shows exactly these. */
export function availableMoves(from: string, roles: ReadonlySet<Role>): TopicMove[] {
  return TOPIC_MOVES.filter((m) => m.by === REVIEWERS && m.from === from && m.by.some((r) => roles.has(r)));
}

/** Topics that are still open to discussion, co-signing and positions. */
export const OPEN_FOR_DISCUSSION: readonly string[] = ['deliberating', 'voting', 'voted'];
export const OPEN_FOR_COSIGN: readonly string[] = ['raised', 'deliberating'];
/** A topic another may be merged into. */
export const MERGE_TARGET_STATES: readonly string[] = ['raised', 'deliberating'];

export function isTopicStatus(value: string): value is TopicStatus {
  return (TOPIC_STATUSES as readonly string[]).includes(value);
}
