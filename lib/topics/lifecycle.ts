import { DECIDERS, REVIEWERS, type RoleSet, type Roles, TASK_DOERS, VOTE_ORGANISERS } from '../auth/roles';

/**
 * A topic's life (docs/domain/mechanism.md): raised → reviewed → deliberated → decided → published → carried
 * out → rated and closed. The states and the moves between them are data; every move is written
 * with an audit entry and the followers told in the same transaction (db/topics/move.ts moveTopic). Votes, decisions and
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
  // Follow-through (lib/followthrough): recorded, published for objections, handed to the
  // responsible party, carried out, rated, closed.
  'decided',
  'publicised',
  'assigned',
  'in_progress',
  'rating',
  'closed',
] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

export const TOPIC_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'route_small_matter',
  'open_vote',
  'close_vote',
  'record_decision',
  'record_not_passed',
  'publish_decision',
  'uphold_objection',
  'end_notice',
  'accept_task',
  'complete_task',
  'close_rating',
  'reopen_task',
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];
export const REVIEW_ACTIONS = ['accept', 'reject', 'merge', 'route_small_matter'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export function isReviewAction(action: string): action is ReviewAction {
  return (REVIEW_ACTIONS as readonly string[]).includes(action);
}

/** Moves nobody makes by hand: the clock makes them when a period ends (server/clock.ts). */
export const CLOCK: RoleSet = [];

export interface TopicMove {
  action: TopicAction;
  from: TopicStatus;
  to: TopicStatus;
  by: RoleSet;
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
  // Step 5: a decision rests on a vote or on the deliberation itself (a council meeting's minutes);
  // it may be revised until it is published.
  { action: 'record_decision', from: 'deliberating', to: 'decided', by: DECIDERS, reasonRequired: false },
  { action: 'record_decision', from: 'voted', to: 'decided', by: DECIDERS, reasonRequired: false },
  { action: 'record_decision', from: 'decided', to: 'decided', by: DECIDERS, reasonRequired: false },
  // An owners' decision that did not pass cannot be carried out: the deciders record that it did not
  // pass (copying the stored verdict), and the topic goes back to deliberation (docs/domain/owners-assembly.md).
  { action: 'record_not_passed', from: 'voted', to: 'deliberating', by: DECIDERS, reasonRequired: false },
  { action: 'publish_decision', from: 'decided', to: 'publicised', by: DECIDERS, reasonRequired: false },
  // An objection upheld sends the topic back to deliberation; the decision is withdrawn.
  { action: 'uphold_objection', from: 'publicised', to: 'deliberating', by: DECIDERS, reasonRequired: true },
  { action: 'end_notice', from: 'publicised', to: 'assigned', by: CLOCK, reasonRequired: false },
  // Step 6: decisions and small matters alike are accepted, carried out and marked done.
  { action: 'accept_task', from: 'assigned', to: 'in_progress', by: TASK_DOERS, reasonRequired: false },
  { action: 'accept_task', from: 'small_matter', to: 'in_progress', by: TASK_DOERS, reasonRequired: false },
  { action: 'complete_task', from: 'in_progress', to: 'rating', by: TASK_DOERS, reasonRequired: false },
  // Step 7: the rating period ends; poor ratings send the task back.
  { action: 'close_rating', from: 'rating', to: 'closed', by: CLOCK, reasonRequired: false },
  { action: 'reopen_task', from: 'rating', to: 'in_progress', by: CLOCK, reasonRequired: false },
];

export type MoveRefusal = 'wrong_state' | 'not_allowed';

/**
 * The move `action` from `from` by someone with `roles`, or why not. A wrong state is reported
 * before a missing role only when the actor could make that move from some state, so residents
 * learn nothing from probing.
 */
export function planMove(
  action: TopicAction,
  from: TopicStatus,
  roles: Roles,
): { ok: true; move: TopicMove } | { ok: false; reason: MoveRefusal } {
  const candidates = TOPIC_MOVES.filter((m) => m.action === action);
  const permitted = candidates.filter((m) => m.by.some((r) => roles.has(r)));
  if (permitted.length === 0) return { ok: false, reason: 'not_allowed' };
  const move = permitted.find((m) => m.from === from);
  return move ? { ok: true, move } : { ok: false, reason: 'wrong_state' };
}

/**
 * The move `action` makes from `from`, whoever makes it: for writes that have already checked who
 * is acting (planMove) and re-read the status under the write lock.
 */
export function moveFrom(action: TopicAction, from: TopicStatus): TopicMove | undefined {
  return TOPIC_MOVES.find((m) => m.action === action && m.from === from);
}

/** A move the clock makes when a period ends; nobody makes it by hand. */
export function clockMove(action: TopicAction, from: TopicStatus): TopicMove | undefined {
  return TOPIC_MOVES.find((m) => m.by.length === 0 && m.action === action && m.from === from);
}

/** Review moves (step 2) a person could make now: the review panel shows exactly these. */
export function availableMoves(from: TopicStatus, roles: Roles): TopicMove[] {
  return TOPIC_MOVES.filter((m) => isReviewAction(m.action) && m.from === from && m.by.some((r) => roles.has(r)));
}

/** Topics that are still open to discussion, co-signing and positions. */
export const OPEN_FOR_DISCUSSION: readonly TopicStatus[] = [
  'deliberating',
  'voting',
  'voted',
  'decided',
  'publicised',
  'assigned',
  'in_progress',
  'rating',
];
export const OPEN_FOR_COSIGN: readonly TopicStatus[] = ['raised', 'deliberating'];
/** A task is open, from its assignment to the end of its rating: the responsible party's list. */
export const TASK_OPEN: readonly TopicStatus[] = ['assigned', 'small_matter', 'in_progress', 'rating'];
/** A task is being carried out (so it can be late): assigned or routed, and not yet done. */
export const CARRYING_OUT: readonly TopicStatus[] = ['assigned', 'small_matter', 'in_progress'];
/** A task waits for its responsible party to accept it (the moves accept_task starts from). */
export const TASK_TO_ACCEPT: readonly TopicStatus[] = ['assigned', 'small_matter'];
/** A topic another may be merged into. */
export const MERGE_TARGET_STATES: readonly TopicStatus[] = ['raised', 'deliberating'];

export function isTopicStatus(value: string): value is TopicStatus {
  return (TOPIC_STATUSES as readonly string[]).includes(value);
}
