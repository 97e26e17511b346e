import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role, TASK_PARTIES, type TaskParty } from '../auth/roles';
import { TOPIC_STATUSES, type TopicStatus } from '../topics/lifecycle';
import { type FollowThroughAbilityInput, followThroughAbilities } from './abilities';
import { DAY_MS } from './rules';

/*
 * The expectations below are written out from docs/domain/mechanism.md (steps 5–7), not derived
 * from the rules the function uses, so a rule that drifts shows up here as a changed control.
 */

const ALL_ROLES: readonly Role[] = [...ASSIGNABLE_ROLES, 'owner'];
const DECIDERS: readonly Role[] = ['branch_secretary', 'committee_chair'];
const RESIDENTS: readonly Role[] = [
  'owner',
  'tenant',
  'family_member',
  'branch_secretary',
  'branch_member',
  'committee_chair',
  'committee_member',
  'resident_rep',
];
const DECIDABLE: readonly TopicStatus[] = ['deliberating', 'voted', 'decided'];
const ESCALATABLE: readonly TopicStatus[] = [
  'deliberating',
  'voting',
  'voted',
  'decided',
  'publicised',
  'assigned',
  'small_matter',
  'in_progress',
];
const ACCEPTABLE: readonly TopicStatus[] = ['assigned', 'small_matter'];

const T0 = Date.UTC(2026, 10, 1, 2, 0); // 2026-11-01 10:00 in Shanghai
const COMPANY = 7;
const ME = 100;

/** A topic with everything present: a decision in its notice period, a property task in its rating period. */
function input(status: TopicStatus, roles: Role[], over: Partial<FollowThroughAbilityInput> = {}) {
  return {
    roles: new Set(roles),
    companyIds: roles.includes('property_staff') ? [COMPANY] : [],
    personId: ME,
    topic: { status },
    decision: { id: 2, noticeEndsAt: T0 + DAY_MS },
    task: { party: 'property', companyId: COMPANY, ratingEndsAt: T0 + DAY_MS },
    objections: [
      { id: 10, decisionId: 1, authorId: 200, outcome: null }, // on a withdrawn decision
      { id: 11, decisionId: 2, authorId: 200, outcome: 'dismissed' },
      { id: 12, decisionId: 2, authorId: 200, outcome: null },
      { id: 13, decisionId: 2, authorId: 201, outcome: null },
    ],
    myStars: null,
    escalations: [{ state: 'answered' }],
    now: T0,
    ...over,
  } satisfies FollowThroughAbilityInput;
}

describe('followThroughAbilities: every role in every status', () => {
  for (const role of ALL_ROLES) {
    for (const status of TOPIC_STATUSES) {
      it(`${role} · ${status}`, () => {
        const a = followThroughAbilities(input(status, [role]));
        const decider = DECIDERS.includes(role);
        const resident = RESIDENTS.includes(role);
        const staff = role === 'property_staff';
        expect(a.decide).toBe(decider && DECIDABLE.includes(status));
        expect(a.publish).toBe(decider && status === 'decided');
        expect(a.answerable).toEqual(decider ? [12, 13] : []);
        expect(a.object).toBe(resident && status === 'publicised');
        expect(a.objectRefusal).toBe(!resident ? 'cannotObject' : status === 'publicised' ? null : 'noticeOver');
        expect(a.accept).toBe(staff && ACCEPTABLE.includes(status));
        expect(a.reportProgress).toBe(staff && status === 'in_progress');
        expect(a.complete).toBe(a.reportProgress);
        expect(a.rate).toBe(resident && status === 'rating');
        expect(a.rateRefusal).toBe(!resident ? 'cannotRate' : status === 'rating' ? null : 'notRating');
        expect(a.escalate).toBe(decider && ESCALATABLE.includes(status));
        expect(a.escalateRefusal).toBe(
          !decider ? 'cannotEscalate' : ESCALATABLE.includes(status) ? null : 'wrongState',
        );
      });
    }
  }

  it('adds up the abilities of someone with several roles (the chair who owns a unit, a branch member)', () => {
    const a = followThroughAbilities(input('publicised', ['owner', 'committee_chair', 'branch_member']));
    expect(a).toMatchObject({ publish: false, object: true, escalate: true, answerable: [12, 13] });
  });
});

describe('the task is carried out by its responsible party only', () => {
  const PARTY_OF: Record<TaskParty, Role[]> = {
    property: ['property_staff'],
    committee: ['committee_chair', 'committee_member'],
    branch: ['branch_secretary', 'branch_member'],
    community: ['community_worker'],
  };
  for (const party of TASK_PARTIES) {
    for (const role of ALL_ROLES) {
      const theirs = PARTY_OF[party].includes(role);
      it(`${party} task · ${role}: ${theirs ? 'accepts, reports and completes' : 'none of it'}`, () => {
        const task = { party, companyId: party === 'property' ? COMPANY : null, ratingEndsAt: null };
        expect(followThroughAbilities(input('assigned', [role], { task })).accept).toBe(theirs);
        expect(followThroughAbilities(input('small_matter', [role], { task })).accept).toBe(theirs);
        const working = followThroughAbilities(input('in_progress', [role], { task }));
        expect([working.accept, working.reportProgress, working.complete]).toEqual([false, theirs, theirs]);
      });
    }
  }

  it('is not the staff of another company serving the same compound', () => {
    const a = followThroughAbilities(input('in_progress', ['property_staff'], { companyIds: [8] }));
    expect([a.reportProgress, a.complete]).toEqual([false, false]);
    expect(followThroughAbilities(input('assigned', ['property_staff'], { companyIds: [8] })).accept).toBe(false);
  });

  it('offers nothing to do when there is no task yet', () => {
    for (const status of TOPIC_STATUSES) {
      const a = followThroughAbilities(input(status, ['property_staff', 'committee_chair'], { task: null }));
      expect([a.accept, a.reportProgress, a.complete]).toEqual([false, false, false]);
    }
  });
});

describe('the notice period (公示) and objections', () => {
  const owner = (over: Partial<FollowThroughAbilityInput>) =>
    followThroughAbilities(input('publicised', ['owner'], over));
  const endsAt = T0 + DAY_MS;
  it('is open until the last millisecond before the notice ends, and closed from then on', () => {
    expect(owner({ now: endsAt - 1 }).objectRefusal).toBeNull();
    expect(owner({ now: endsAt }).objectRefusal).toBe('noticeOver');
    expect(owner({ now: endsAt + DAY_MS }).objectRefusal).toBe('noticeOver');
  });
  it('is closed when the decision has no notice period (a draft) or there is no decision', () => {
    expect(owner({ decision: { id: 2, noticeEndsAt: null } }).objectRefusal).toBe('noticeOver');
    expect(owner({ decision: null }).objectRefusal).toBe('noticeOver');
  });
  it('allows one open objection per person on the current decision', () => {
    const mine = { id: 14, decisionId: 2, authorId: ME, outcome: null };
    expect(owner({ objections: [mine] })).toMatchObject({ object: false, objectRefusal: 'objectionPending' });
    expect(owner({ objections: [{ ...mine, outcome: 'dismissed' }] }).object).toBe(true);
    // An objection left open on a withdrawn decision does not stop one on the new decision.
    expect(owner({ objections: [{ ...mine, decisionId: 1 }] }).object).toBe(true);
  });
  it('lets the deciders answer only the open objections on the current decision', () => {
    const secretary = (over: Partial<FollowThroughAbilityInput>) =>
      followThroughAbilities(input('publicised', ['branch_secretary'], over));
    expect(secretary({}).answerable).toEqual([12, 13]);
    expect(secretary({ decision: null }).answerable).toEqual([]);
    expect(secretary({ objections: [] }).answerable).toEqual([]);
  });
});

describe('the rating period (评议)', () => {
  const tenant = (over: Partial<FollowThroughAbilityInput>) =>
    followThroughAbilities(input('rating', ['tenant'], over));
  const endsAt = T0 + DAY_MS;
  it('is open until the last millisecond before it ends, and closed from then on', () => {
    expect(tenant({ now: endsAt - 1 }).rateRefusal).toBeNull();
    expect(tenant({ now: endsAt }).rateRefusal).toBe('notRating');
  });
  it('is closed when the task has no rating period or there is no task', () => {
    expect(tenant({ task: { party: 'property', companyId: COMPANY, ratingEndsAt: null } }).rateRefusal).toBe(
      'notRating',
    );
    expect(tenant({ task: null }).rateRefusal).toBe('notRating');
  });
  it('takes one rating per person per round', () => {
    expect(tenant({ myStars: 4 })).toMatchObject({ rate: false, rateRefusal: 'alreadyRated' });
  });
});

describe('escalation (大事全网联动)', () => {
  const secretary = (over: Partial<FollowThroughAbilityInput>) =>
    followThroughAbilities(input('in_progress', ['branch_secretary'], over));
  it('waits while an escalation is open, and is possible again once it is answered or passed on', () => {
    expect(secretary({ escalations: [{ state: 'open' }] })).toMatchObject({
      escalate: false,
      escalateRefusal: 'escalationOpen',
    });
    expect(secretary({ escalations: [{ state: 'answered' }, { state: 'forwarded' }] }).escalate).toBe(true);
    expect(secretary({ escalations: [] }).escalate).toBe(true);
  });
});
