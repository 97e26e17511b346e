import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, DECIDERS, REVIEWERS, type Role, TASK_DOERS, VOTE_ORGANISERS } from '../auth/roles';
import {
  availableMoves,
  isReviewAction,
  isTopicStatus,
  planMove,
  REVIEW_ACTIONS,
  TOPIC_ACTIONS,
  TOPIC_MOVES,
  TOPIC_STATUSES,
  TASK_TO_ACCEPT,
  type TopicAction,
  type TopicStatus,
  CLOCK,
  clockMove,
} from './lifecycle';

/** Who makes each action: the reviewers (step 2, 议题审核) or the vote organisers (step 4, 表决). */
type Panel = 'review' | 'organise' | 'decide' | 'task' | 'clock';

interface Powers {
  /** May review a raised topic: accept, reject, merge, route as a small matter. */
  review: boolean;
  /** May open and close votes on a topic. */
  organise: boolean;
  /** May be a task's responsible party (which task is theirs is checked in lib/followthrough). */
  task?: boolean;
}

/**
 * What each role alone may do. A Record so that a role added to Role without a row here fails to
 * compile.
 */
const POWERS: Record<Role, Powers> = {
  owner: { review: false, organise: false },
  tenant: { review: false, organise: false },
  family_member: { review: false, organise: false },
  branch_secretary: { review: true, organise: true, task: true },
  branch_member: { review: false, organise: false, task: true },
  committee_chair: { review: true, organise: true, task: true },
  committee_member: { review: false, organise: true, task: true },
  resident_rep: { review: false, organise: false },
  grid_worker: { review: false, organise: false },
  guest: { review: false, organise: false },
  property_staff: { review: false, organise: false, task: true },
  community_worker: { review: false, organise: false, task: true },
  street_staff: { review: false, organise: false },
  district_admin: { review: false, organise: false },
};

interface RoleSet extends Powers {
  label: string;
  roles: readonly Role[];
}

/** Sets of roles beyond the single roles, with what the set may do. */
const COMBINED: readonly RoleSet[] = [
  { label: 'no roles', roles: [], review: false, organise: false },
  { label: 'owner+committee_chair', roles: ['owner', 'committee_chair'], review: true, organise: true, task: true },
  { label: 'owner+committee_member', roles: ['owner', 'committee_member'], review: false, organise: true, task: true },
  {
    label: 'owner+branch_member+committee_member',
    roles: ['owner', 'branch_member', 'committee_member'],
    review: false,
    organise: true,
    task: true,
  },
  {
    label: 'owner+branch_member+resident_rep',
    roles: ['owner', 'branch_member', 'resident_rep'],
    review: false,
    organise: false,
    task: true,
  },
  { label: 'tenant+guest+grid_worker', roles: ['tenant', 'guest', 'grid_worker'], review: false, organise: false },
  {
    label: 'property_staff+street_staff+district_admin',
    roles: ['property_staff', 'street_staff', 'district_admin'],
    review: false,
    organise: false,
    task: true,
  },
  {
    label: 'branch_secretary+committee_chair',
    roles: ['branch_secretary', 'committee_chair'],
    review: true,
    organise: true,
    task: true,
  },
];

const ROLE_SETS: readonly RoleSet[] = [
  ...(Object.entries(POWERS) as [Role, Powers][]).map(([role, powers]) => ({ label: role, roles: [role], ...powers })),
  ...COMBINED,
];

const PANEL: Record<TopicAction, Panel> = {
  accept: 'review',
  reject: 'review',
  merge: 'review',
  route_small_matter: 'review',
  open_vote: 'organise',
  close_vote: 'organise',
  record_decision: 'decide',
  record_not_passed: 'decide',
  publish_decision: 'decide',
  uphold_objection: 'decide',
  end_notice: 'clock',
  accept_task: 'task',
  complete_task: 'task',
  close_rating: 'clock',
  reopen_task: 'clock',
};

/**
 * What someone on the action's panel gets for each action from each state: the target state, or
 * the refusal. Everyone else gets 'not_allowed' whatever the state.
 */
const FOR_PANEL: Record<TopicAction, Partial<Record<TopicStatus, TopicStatus>>> = {
  accept: { raised: 'deliberating' },
  reject: { raised: 'rejected' },
  merge: { raised: 'merged' },
  route_small_matter: { raised: 'small_matter' },
  // A further vote on the same topic: another round, or a different kind.
  open_vote: { deliberating: 'voting', voting: 'voting', voted: 'voting' },
  close_vote: { voting: 'voted' },
  // A decision rests on a vote or on the deliberation itself, and may be revised until published.
  record_decision: { deliberating: 'decided', voted: 'decided', decided: 'decided' },
  // A failed owners' decision is recorded as not passed, and the topic goes back to deliberation.
  record_not_passed: { voted: 'deliberating' },
  publish_decision: { decided: 'publicised' },
  uphold_objection: { publicised: 'deliberating' },
  end_notice: { publicised: 'assigned' },
  accept_task: { assigned: 'in_progress', small_matter: 'in_progress' },
  complete_task: { in_progress: 'rating' },
  close_rating: { rating: 'closed' },
  reopen_task: { rating: 'in_progress' },
};

/** Every state not listed for an action is the wrong state for it. */
const expected = (action: TopicAction, from: TopicStatus) => FOR_PANEL[action][from] ?? 'wrong_state';

const REASON_REQUIRED: Record<TopicAction, boolean> = {
  accept: false,
  reject: true,
  merge: false,
  route_small_matter: false,
  open_vote: false,
  close_vote: false,
  record_decision: false,
  record_not_passed: false,
  publish_decision: false,
  uphold_objection: true,
  end_notice: false,
  accept_task: false,
  complete_task: false,
  close_rating: false,
  reopen_task: false,
};

const PANEL_ROLES: Record<Panel, readonly Role[]> = {
  review: REVIEWERS,
  organise: VOTE_ORGANISERS,
  decide: DECIDERS,
  task: TASK_DOERS,
  clock: CLOCK,
};

const onPanel = (panel: Panel, set: Powers) =>
  panel === 'review' || panel === 'decide'
    ? set.review
    : panel === 'organise'
      ? set.organise
      : panel === 'task'
        ? Boolean(set.task)
        : false;

describe('the lifecycle table', () => {
  it('has exactly the states and actions the expectations below are written for', () => {
    expect(TOPIC_STATUSES).toEqual([
      'raised',
      'deliberating',
      'rejected',
      'merged',
      'small_matter',
      'voting',
      'voted',
      'decided',
      'publicised',
      'assigned',
      'in_progress',
      'rating',
      'closed',
    ]);
    expect(Object.keys(FOR_PANEL)).toEqual([...TOPIC_ACTIONS]);
  });

  it('has a single-role set for every role', () => {
    expect(Object.keys(POWERS).sort()).toEqual([...ASSIGNABLE_ROLES, 'owner'].sort());
  });

  it('gives review to the branch secretary and the committee chair only', () => {
    expect([...REVIEWERS].sort()).toEqual(['branch_secretary', 'committee_chair']);
  });

  it('gives vote organising to the branch secretary and the owners committee only', () => {
    expect([...VOTE_ORGANISERS].sort()).toEqual(['branch_secretary', 'committee_chair', 'committee_member']);
  });

  it('has no duplicate (action, from) pair', () => {
    const pairs = TOPIC_MOVES.map((m) => `${m.action}|${m.from}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('has exactly the moves of the expectation table, no more', () => {
    const allowed = TOPIC_ACTIONS.flatMap((action) =>
      TOPIC_STATUSES.filter((from) => expected(action, from) !== 'wrong_state').map((from) => `${action}|${from}`),
    );
    expect(TOPIC_MOVES.map((m) => `${m.action}|${m.from}`).sort()).toEqual(allowed.sort());
    expect(TOPIC_MOVES).toHaveLength(20);
  });

  it('requires a reason for a rejection and an upheld objection, and nothing else', () => {
    expect(TOPIC_MOVES.filter((m) => m.reasonRequired).map((m) => m.action)).toEqual(['reject', 'uphold_objection']);
  });

  it('moves only into known states, from known states', () => {
    for (const m of TOPIC_MOVES) {
      expect(isTopicStatus(m.from)).toBe(true);
      expect(isTopicStatus(m.to)).toBe(true);
    }
  });
});

describe('planMove', () => {
  const cases = TOPIC_ACTIONS.flatMap((action) =>
    TOPIC_STATUSES.flatMap((from) => ROLE_SETS.map((set) => ({ action, from, ...set }))),
  );

  it('covers every action × state × role set', () => {
    expect(cases).toHaveLength(15 * 13 * (14 + COMBINED.length));
  });

  it.each(cases)('$action from $from by $label', (set) => {
    const { action, from, roles } = set;
    const result = planMove(action, from, new Set(roles));
    const panel = PANEL[action];
    if (!onPanel(panel, set)) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed' });
      return;
    }
    const to = expected(action, from);
    if (to === 'wrong_state') {
      expect(result).toEqual({ ok: false, reason: 'wrong_state' });
      return;
    }
    expect(result).toEqual({
      ok: true,
      move: { action, from, to, by: PANEL_ROLES[panel], reasonRequired: REASON_REQUIRED[action] },
    });
  });

  it.each(['', 'finished', 'RAISED', 'deliberating ', 'Voting'])(
    'refuses any action from the unknown state %j',
    (from) => {
      for (const action of TOPIC_ACTIONS) {
        // Statuses read from storage are typed; a corrupted one must still move nowhere.
        expect(planMove(action, from as TopicStatus, new Set<Role>(['branch_secretary']))).toEqual({
          ok: false,
          // Nobody makes the clock's moves by hand, in any state.
          reason: PANEL[action] === 'clock' ? 'not_allowed' : 'wrong_state',
        });
        expect(planMove(action, from as TopicStatus, new Set<Role>(['owner']))).toEqual({
          ok: false,
          reason: 'not_allowed',
        });
      }
    },
  );

  it('tells a committee member "not allowed" for review and "wrong state" for votes on a raised topic', () => {
    const member = new Set<Role>(['committee_member']);
    for (const action of REVIEW_ACTIONS) {
      expect(planMove(action, 'raised', member)).toEqual({ ok: false, reason: 'not_allowed' });
    }
    expect(planMove('open_vote', 'raised', member)).toEqual({ ok: false, reason: 'wrong_state' });
    expect(planMove('close_vote', 'raised', member)).toEqual({ ok: false, reason: 'wrong_state' });
  });
});

describe('availableMoves', () => {
  const actions = (from: TopicStatus, roles: readonly Role[]) =>
    availableMoves(from, new Set(roles)).map((m) => m.action);
  const ALL_REVIEW: readonly TopicAction[] = ['accept', 'reject', 'merge', 'route_small_matter'];

  /** Review moves only: the review panel's buttons. Votes are opened and closed elsewhere. */
  const OFFERED: Record<TopicStatus, { reviewer: readonly TopicAction[]; other: readonly TopicAction[] }> = {
    raised: { reviewer: ALL_REVIEW, other: [] },
    deliberating: { reviewer: [], other: [] },
    rejected: { reviewer: [], other: [] },
    merged: { reviewer: [], other: [] },
    small_matter: { reviewer: [], other: [] },
    voting: { reviewer: [], other: [] },
    voted: { reviewer: [], other: [] },
    decided: { reviewer: [], other: [] },
    publicised: { reviewer: [], other: [] },
    assigned: { reviewer: [], other: [] },
    in_progress: { reviewer: [], other: [] },
    rating: { reviewer: [], other: [] },
    closed: { reviewer: [], other: [] },
  };

  const cases = TOPIC_STATUSES.flatMap((from) => ROLE_SETS.map((set) => ({ from, ...set })));

  it('covers every state × role set', () => {
    expect(cases).toHaveLength(13 * (14 + COMBINED.length));
  });

  it.each(cases)('on a $from topic for $label', ({ from, roles, review }) => {
    expect(actions(from, roles)).toEqual(review ? OFFERED[from].reviewer : OFFERED[from].other);
  });

  it('offers a reviewer all four moves on a raised topic, in table order', () => {
    expect(actions('raised', ['branch_secretary'])).toEqual(['accept', 'reject', 'merge', 'route_small_matter']);
    expect(actions('raised', ['owner', 'committee_chair'])).toEqual([
      'accept',
      'reject',
      'merge',
      'route_small_matter',
    ]);
  });

  it('never offers open_vote or close_vote, even to organisers where planMove allows them', () => {
    const organisers: readonly Role[] = ['branch_secretary', 'committee_chair', 'committee_member'];
    for (const from of ['deliberating', 'voting', 'voted'] as const) {
      expect(actions(from, organisers)).toEqual([]);
    }
    expect(planMove('open_vote', 'deliberating', new Set(organisers)).ok).toBe(true);
    expect(planMove('close_vote', 'voting', new Set(organisers)).ok).toBe(true);
  });

  it('offers nothing on an unknown state', () => {
    expect(actions('unknown' as TopicStatus, ['branch_secretary', 'committee_chair'])).toEqual([]);
  });

  it('returns the moves planMove would plan', () => {
    for (const m of availableMoves('raised', new Set<Role>(['branch_secretary']))) {
      expect(planMove(m.action, 'raised', new Set<Role>(['branch_secretary']))).toEqual({ ok: true, move: m });
    }
  });
});

describe('REVIEW_ACTIONS and isReviewAction', () => {
  it('lists the four review actions, which are exactly the moves by the reviewers', () => {
    expect(REVIEW_ACTIONS).toEqual(['accept', 'reject', 'merge', 'route_small_matter']);
    expect([...new Set(TOPIC_MOVES.filter((m) => m.by === REVIEWERS).map((m) => m.action))]).toEqual([
      ...REVIEW_ACTIONS,
    ]);
  });

  it.each(['accept', 'reject', 'merge', 'route_small_matter'])('accepts %j', (a) => {
    expect(isReviewAction(a)).toBe(true);
  });

  it.each(['open_vote', 'close_vote', '', 'Accept', 'accept '])('refuses %j', (a) => {
    expect(isReviewAction(a)).toBe(false);
  });
});

describe('isTopicStatus', () => {
  it.each(['raised', 'deliberating', 'rejected', 'merged', 'small_matter', 'voting', 'voted', 'rating', 'closed'])(
    'accepts %j',
    (s) => {
      expect(isTopicStatus(s)).toBe(true);
    },
  );

  it.each(['', 'done', 'Raised', ' raised', 'accept', 'open_vote', 'Voted'])('refuses %j', (s) => {
    expect(isTopicStatus(s)).toBe(false);
  });
});

describe('clockMove', () => {
  it('finds the moves only the clock makes', () => {
    expect(clockMove('end_notice', 'publicised')?.to).toBe('assigned');
    expect(clockMove('close_rating', 'rating')?.to).toBe('closed');
    expect(clockMove('reopen_task', 'rating')?.to).toBe('in_progress');
  });
  it('finds nothing from the wrong state or for a move people make', () => {
    expect(clockMove('end_notice', 'decided')).toBeUndefined();
    expect(clockMove('accept_task', 'assigned')).toBeUndefined();
  });
  it('is never planned for anyone by hand, whatever their roles', () => {
    const everyone = new Set<Role>([...ASSIGNABLE_ROLES, 'owner']);
    expect(planMove('end_notice', 'publicised', everyone)).toEqual({ ok: false, reason: 'not_allowed' });
    expect(planMove('close_rating', 'rating', everyone)).toEqual({ ok: false, reason: 'not_allowed' });
  });
});

describe('TASK_TO_ACCEPT', () => {
  it('is exactly the states accept_task moves from', () => {
    const from = TOPIC_MOVES.filter((m) => m.action === 'accept_task').map((m) => m.from);
    expect([...TASK_TO_ACCEPT].sort()).toEqual([...from].sort());
  });
});
