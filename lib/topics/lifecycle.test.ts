import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role } from '../auth/roles';
import {
  availableMoves,
  isReviewAction,
  isTopicStatus,
  planMove,
  REVIEW_ACTIONS,
  REVIEWERS,
  TOPIC_ACTIONS,
  TOPIC_MOVES,
  TOPIC_STATUSES,
  type TopicAction,
  type TopicStatus,
  VOTE_ORGANISERS,
} from './lifecycle';

/** Who makes each action: the reviewers (step 2, 议题审核) or the vote organisers (step 4, 表决). */
type Panel = 'review' | 'organise';

interface Powers {
  /** May review a raised topic: accept, reject, merge, route as a small matter. */
  review: boolean;
  /** May open and close votes on a topic. */
  organise: boolean;
}

/**
 * What each role alone may do. A Record so that a role added to Role without a row here fails to
 * compile.
 */
const POWERS: Record<Role, Powers> = {
  owner: { review: false, organise: false },
  tenant: { review: false, organise: false },
  branch_secretary: { review: true, organise: true },
  branch_member: { review: false, organise: false },
  committee_chair: { review: true, organise: true },
  committee_member: { review: false, organise: true },
  resident_rep: { review: false, organise: false },
  grid_worker: { review: false, organise: false },
  guest: { review: false, organise: false },
  property_staff: { review: false, organise: false },
  community_worker: { review: false, organise: false },
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
  { label: 'owner+committee_chair', roles: ['owner', 'committee_chair'], review: true, organise: true },
  { label: 'owner+committee_member', roles: ['owner', 'committee_member'], review: false, organise: true },
  {
    label: 'owner+branch_member+committee_member',
    roles: ['owner', 'branch_member', 'committee_member'],
    review: false,
    organise: true,
  },
  {
    label: 'owner+branch_member+resident_rep',
    roles: ['owner', 'branch_member', 'resident_rep'],
    review: false,
    organise: false,
  },
  { label: 'tenant+guest+grid_worker', roles: ['tenant', 'guest', 'grid_worker'], review: false, organise: false },
  {
    label: 'property_staff+street_staff+district_admin',
    roles: ['property_staff', 'street_staff', 'district_admin'],
    review: false,
    organise: false,
  },
  {
    label: 'branch_secretary+committee_chair',
    roles: ['branch_secretary', 'committee_chair'],
    review: true,
    organise: true,
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
};

/**
 * What someone on the action's panel gets for each action from each state: the target state, or
 * the refusal. Everyone else gets 'not_allowed' whatever the state.
 */
const FOR_PANEL: Record<TopicAction, Record<TopicStatus, TopicStatus | 'wrong_state'>> = {
  accept: {
    raised: 'deliberating',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    voting: 'wrong_state',
    voted: 'wrong_state',
  },
  reject: {
    raised: 'rejected',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    voting: 'wrong_state',
    voted: 'wrong_state',
  },
  merge: {
    raised: 'merged',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    voting: 'wrong_state',
    voted: 'wrong_state',
  },
  route_small_matter: {
    raised: 'small_matter',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    voting: 'wrong_state',
    voted: 'wrong_state',
  },
  open_vote: {
    raised: 'wrong_state',
    deliberating: 'voting',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    // A further vote on the same topic: another round, or a different kind.
    voting: 'voting',
    voted: 'voting',
  },
  close_vote: {
    raised: 'wrong_state',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
    voting: 'voted',
    voted: 'wrong_state',
  },
};

const REASON_REQUIRED: Record<TopicAction, boolean> = {
  accept: false,
  reject: true,
  merge: false,
  route_small_matter: false,
  open_vote: false,
  close_vote: false,
};

const PANEL_ROLES: Record<Panel, readonly Role[]> = { review: REVIEWERS, organise: VOTE_ORGANISERS };

describe('the lifecycle table', () => {
  it('has exactly the states and actions the expectations below are written for', () => {
    expect(TOPIC_STATUSES).toEqual(['raised', 'deliberating', 'rejected', 'merged', 'small_matter', 'voting', 'voted']);
    expect(TOPIC_ACTIONS).toEqual(['accept', 'reject', 'merge', 'route_small_matter', 'open_vote', 'close_vote']);
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
      TOPIC_STATUSES.filter((from) => FOR_PANEL[action][from] !== 'wrong_state').map((from) => `${action}|${from}`),
    );
    expect(TOPIC_MOVES.map((m) => `${m.action}|${m.from}`).sort()).toEqual(allowed.sort());
    expect(TOPIC_MOVES).toHaveLength(8);
  });

  it('requires a reason for reject and for nothing else', () => {
    expect(TOPIC_MOVES.filter((m) => m.reasonRequired).map((m) => m.action)).toEqual(['reject']);
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
    expect(cases).toHaveLength(6 * 7 * (13 + COMBINED.length));
  });

  it.each(cases)('$action from $from by $label', ({ action, from, roles, review, organise }) => {
    const result = planMove(action, from, new Set(roles));
    const panel = PANEL[action];
    const onPanel = panel === 'review' ? review : organise;
    if (!onPanel) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed' });
      return;
    }
    const expected = FOR_PANEL[action][from];
    if (expected === 'wrong_state') {
      expect(result).toEqual({ ok: false, reason: 'wrong_state' });
      return;
    }
    expect(result).toEqual({
      ok: true,
      move: { action, from, to: expected, by: PANEL_ROLES[panel], reasonRequired: REASON_REQUIRED[action] },
    });
  });

  it.each(['', 'closed', 'RAISED', 'deliberating ', 'Voting'])(
    'refuses any action from the unknown state %j',
    (from) => {
      for (const action of TOPIC_ACTIONS) {
        expect(planMove(action, from, new Set<Role>(['branch_secretary']))).toEqual({
          ok: false,
          reason: 'wrong_state',
        });
        expect(planMove(action, from, new Set<Role>(['owner']))).toEqual({ ok: false, reason: 'not_allowed' });
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
  const actions = (from: string, roles: readonly Role[]) => availableMoves(from, new Set(roles)).map((m) => m.action);
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
  };

  const cases = TOPIC_STATUSES.flatMap((from) => ROLE_SETS.map((set) => ({ from, ...set })));

  it('covers every state × role set', () => {
    expect(cases).toHaveLength(7 * (13 + COMBINED.length));
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
    for (const from of ['deliberating', 'voting', 'voted']) {
      expect(actions(from, organisers)).toEqual([]);
    }
    expect(planMove('open_vote', 'deliberating', new Set(organisers)).ok).toBe(true);
    expect(planMove('close_vote', 'voting', new Set(organisers)).ok).toBe(true);
  });

  it('offers nothing on an unknown state', () => {
    expect(actions('unknown', ['branch_secretary', 'committee_chair'])).toEqual([]);
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
  it.each(['raised', 'deliberating', 'rejected', 'merged', 'small_matter', 'voting', 'voted'])('accepts %j', (s) => {
    expect(isTopicStatus(s)).toBe(true);
  });

  it.each(['', 'closed', 'Raised', ' raised', 'accept', 'open_vote', 'Voted'])('refuses %j', (s) => {
    expect(isTopicStatus(s)).toBe(false);
  });
});
