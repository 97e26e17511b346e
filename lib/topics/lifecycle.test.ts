import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role } from '../auth/roles';
import {
  availableMoves,
  isTopicStatus,
  planMove,
  REVIEWERS,
  TOPIC_ACTIONS,
  TOPIC_MOVES,
  TOPIC_STATUSES,
  type TopicAction,
  type TopicStatus,
} from './lifecycle';

/**
 * Whether each role alone may review a raised topic (step 2, 议题审核). A Record so that a role
 * added to Role without a row here fails to compile.
 */
const REVIEWS: Record<Role, boolean> = {
  owner: false,
  tenant: false,
  branch_secretary: true,
  branch_member: false,
  committee_chair: true,
  committee_member: false,
  resident_rep: false,
  grid_worker: false,
  guest: false,
  property_staff: false,
  community_worker: false,
  street_staff: false,
  district_admin: false,
};

/** Sets of roles beyond the single roles, with whether the set may review. */
const COMBINED: readonly { label: string; roles: readonly Role[]; reviews: boolean }[] = [
  { label: 'no roles', roles: [], reviews: false },
  { label: 'owner+committee_chair', roles: ['owner', 'committee_chair'], reviews: true },
  {
    label: 'owner+branch_member+committee_member',
    roles: ['owner', 'branch_member', 'committee_member'],
    reviews: false,
  },
  { label: 'tenant+guest+grid_worker', roles: ['tenant', 'guest', 'grid_worker'], reviews: false },
  {
    label: 'property_staff+street_staff+district_admin',
    roles: ['property_staff', 'street_staff', 'district_admin'],
    reviews: false,
  },
  { label: 'branch_secretary+committee_chair', roles: ['branch_secretary', 'committee_chair'], reviews: true },
];

const ROLE_SETS: readonly { label: string; roles: readonly Role[]; reviews: boolean }[] = [
  ...(Object.entries(REVIEWS) as [Role, boolean][]).map(([role, reviews]) => ({ label: role, roles: [role], reviews })),
  ...COMBINED,
];

/** What a reviewer gets for each action from each state: the target state, or the refusal. */
const FOR_REVIEWER: Record<TopicAction, Record<TopicStatus, TopicStatus | 'wrong_state'>> = {
  accept: {
    raised: 'deliberating',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
  },
  reject: {
    raised: 'rejected',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
  },
  merge: {
    raised: 'merged',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
  },
  route_small_matter: {
    raised: 'small_matter',
    deliberating: 'wrong_state',
    rejected: 'wrong_state',
    merged: 'wrong_state',
    small_matter: 'wrong_state',
  },
};

const REASON_REQUIRED: Record<TopicAction, boolean> = {
  accept: false,
  reject: true,
  merge: false,
  route_small_matter: false,
};

describe('the lifecycle table', () => {
  it('has exactly the states and actions the expectations below are written for', () => {
    expect(TOPIC_STATUSES).toEqual(['raised', 'deliberating', 'rejected', 'merged', 'small_matter']);
    expect(TOPIC_ACTIONS).toEqual(['accept', 'reject', 'merge', 'route_small_matter']);
  });

  it('has a single-role set for every role', () => {
    expect(Object.keys(REVIEWS).sort()).toEqual([...ASSIGNABLE_ROLES, 'owner'].sort());
  });

  it('gives review to the branch secretary and the committee chair only', () => {
    expect([...REVIEWERS].sort()).toEqual(['branch_secretary', 'committee_chair']);
  });

  it('has no duplicate (action, from) pair', () => {
    const pairs = TOPIC_MOVES.map((m) => `${m.action}|${m.from}`);
    expect(new Set(pairs).size).toBe(pairs.length);
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
    expect(cases).toHaveLength(4 * 5 * (13 + COMBINED.length));
  });

  it.each(cases)('$action from $from by $label', ({ action, from, roles, reviews }) => {
    const result = planMove(action, from, new Set(roles));
    if (!reviews) {
      expect(result).toEqual({ ok: false, reason: 'not_allowed' });
      return;
    }
    const expected = FOR_REVIEWER[action][from];
    if (expected === 'wrong_state') {
      expect(result).toEqual({ ok: false, reason: 'wrong_state' });
      return;
    }
    expect(result).toEqual({
      ok: true,
      move: { action, from, to: expected, by: REVIEWERS, reasonRequired: REASON_REQUIRED[action] },
    });
  });

  it.each(['', 'closed', 'RAISED', 'deliberating '])('refuses any action from the unknown state %j', (from) => {
    for (const action of TOPIC_ACTIONS) {
      expect(planMove(action, from, new Set<Role>(['branch_secretary']))).toEqual({ ok: false, reason: 'wrong_state' });
      expect(planMove(action, from, new Set<Role>(['owner']))).toEqual({ ok: false, reason: 'not_allowed' });
    }
  });
});

describe('availableMoves', () => {
  const actions = (from: string, roles: readonly Role[]) => availableMoves(from, new Set(roles)).map((m) => m.action);

  it('offers a reviewer all four moves on a raised topic, in table order', () => {
    expect(actions('raised', ['branch_secretary'])).toEqual(['accept', 'reject', 'merge', 'route_small_matter']);
    expect(actions('raised', ['committee_chair'])).toEqual(['accept', 'reject', 'merge', 'route_small_matter']);
    expect(actions('raised', ['owner', 'committee_chair'])).toEqual([
      'accept',
      'reject',
      'merge',
      'route_small_matter',
    ]);
  });

  it('offers a reviewer nothing once the topic has left review', () => {
    for (const from of ['deliberating', 'rejected', 'merged', 'small_matter', 'unknown']) {
      expect(actions(from, ['branch_secretary', 'committee_chair'])).toEqual([]);
    }
  });

  it('offers nothing to non-reviewers, even on a raised topic', () => {
    expect(actions('raised', [])).toEqual([]);
    expect(actions('raised', ['owner'])).toEqual([]);
    expect(actions('raised', ['branch_member', 'committee_member', 'property_staff', 'district_admin'])).toEqual([]);
  });

  it('returns the moves planMove would plan', () => {
    for (const m of availableMoves('raised', new Set<Role>(['branch_secretary']))) {
      expect(planMove(m.action, 'raised', new Set<Role>(['branch_secretary']))).toEqual({ ok: true, move: m });
    }
  });
});

describe('isTopicStatus', () => {
  it.each(['raised', 'deliberating', 'rejected', 'merged', 'small_matter'])('accepts %j', (s) => {
    expect(isTopicStatus(s)).toBe(true);
  });

  it.each(['', 'closed', 'Raised', ' raised', 'accept'])('refuses %j', (s) => {
    expect(isTopicStatus(s)).toBe(false);
  });
});
