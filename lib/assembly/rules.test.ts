import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import {
  canAnnounceAssembly,
  canAnswerRegisterObjection,
  canCloseAssembly,
  canGrantProxy,
  canNominate,
  canObjectToRegister,
  canOpenNominations,
  canReviewProxy,
  canSeeDeliveryList,
  canVoteAs,
  canWithdrawProxy,
  checkAgent,
  checkSchedule,
  DAY_MS,
  effectiveNoticeDays,
  LEGAL_MIN_NOTICE_DAYS,
} from './rules';

const roles = (...r: Role[]) => new Set<Role>(r);
const RULES = { noticeDays: 15, votingMinDays: 7 };
const T = 1_000_000_000;

describe('the notice period', () => {
  it('is the compound rule, never below the district minimum nor the law (15 days)', () => {
    expect(LEGAL_MIN_NOTICE_DAYS).toBe(15);
    expect(effectiveNoticeDays(15, 15)).toBe(15);
    expect(effectiveNoticeDays(20, 15)).toBe(20);
    expect(effectiveNoticeDays(15, 18)).toBe(18);
    expect(effectiveNoticeDays(10, 10)).toBe(15);
  });
});

describe('checkSchedule', () => {
  const ok = { announcedAt: T, objectionsUntil: T + 10 * DAY_MS, startsAt: T + 15 * DAY_MS, endsAt: T + 22 * DAY_MS };

  it('accepts exactly the notice period and exactly the shortest voting period (以上 includes the number)', () => {
    expect(checkSchedule(ok, RULES)).toEqual([]);
  });

  it('refuses voting that opens one millisecond before the notice period is over', () => {
    expect(checkSchedule({ ...ok, startsAt: ok.startsAt - 1 }, RULES).map((p) => p.key)).toEqual(['noticeTooShort']);
    expect(checkSchedule({ ...ok, startsAt: ok.startsAt - 1 }, RULES)[0]?.values).toEqual({ days: 15 });
  });

  it('refuses a voting period one millisecond short', () => {
    expect(checkSchedule({ ...ok, endsAt: ok.endsAt - 1 }, RULES)).toEqual([
      { field: 'endsAt', key: 'votingTooShort', values: { days: 7 } },
    ]);
  });

  it('wants objections to close after now and no later than the opening', () => {
    expect(checkSchedule({ ...ok, objectionsUntil: T }, RULES).map((p) => p.field)).toEqual(['objectionsUntil']);
    expect(checkSchedule({ ...ok, objectionsUntil: ok.startsAt }, RULES)).toEqual([]);
    expect(checkSchedule({ ...ok, objectionsUntil: ok.startsAt + 1 }, RULES).map((p) => p.field)).toEqual([
      'objectionsUntil',
    ]);
  });

  it('follows a longer compound rule', () => {
    expect(checkSchedule(ok, { noticeDays: 20, votingMinDays: 7 }).map((p) => p.key)).toEqual(['noticeTooShort']);
  });

  it('reports every problem at once', () => {
    const bad = { announcedAt: T, objectionsUntil: T, startsAt: T + DAY_MS, endsAt: T + 2 * DAY_MS };
    expect(checkSchedule(bad, RULES).map((p) => p.field)).toEqual(['startsAt', 'endsAt', 'objectionsUntil']);
  });
});

describe('who calls, sees and closes an assembly', () => {
  it('the owners committee calls it; nobody else', () => {
    expect(canAnnounceAssembly(roles('committee_chair'))).toBeNull();
    expect(canAnnounceAssembly(roles('committee_member'))).toBeNull();
    for (const r of ['branch_secretary', 'owner', 'community_worker', 'district_admin'] as const) {
      expect(canAnnounceAssembly(roles(r))).toBe('cannotAnnounce');
    }
  });

  it('the delivery list is for the committee, the secretary, grid workers and staff above', () => {
    for (const r of [
      'committee_member',
      'branch_secretary',
      'grid_worker',
      'community_worker',
      'street_staff',
    ] as const) {
      expect(canSeeDeliveryList(roles(r))).toBeNull();
    }
    for (const r of ['owner', 'tenant', 'property_staff', 'guest', 'branch_member'] as const) {
      expect(canSeeDeliveryList(roles(r))).toBe('forbidden');
    }
  });

  it('closes early only when everyone voted, after the end always, never before opening', () => {
    const open = { status: 'open' as const, endsAt: T };
    const c = roles('committee_member');
    expect(canCloseAssembly(c, open, T - 1, false)).toBe('notAllVoted');
    expect(canCloseAssembly(c, open, T - 1, true)).toBeNull();
    expect(canCloseAssembly(c, open, T, false)).toBeNull();
    expect(canCloseAssembly(c, { ...open, status: 'announced' }, T, true)).toBe('voteNotStarted');
    expect(canCloseAssembly(c, { ...open, status: 'closed' }, T, true)).toBe('voteClosed');
    expect(canCloseAssembly(roles('branch_secretary'), open, T, true)).toBe('forbidden');
  });
});

describe('objections to the register', () => {
  it('only for a unit one holds, until the close', () => {
    expect(canObjectToRegister({ status: 'announced' }, true)).toBeNull();
    expect(canObjectToRegister({ status: 'open' }, true)).toBeNull();
    expect(canObjectToRegister({ status: 'closed' }, true)).toBe('assemblyClosed');
    expect(canObjectToRegister({ status: 'announced' }, false)).toBe('notYourUnit');
  });

  const a = (status: 'announced' | 'open' | 'closed') => ({ status, startsAt: T });
  const unanswered = { answeredAt: null };
  const c = roles('committee_member');

  it('before the opening: corrected or dismissed; a correction one millisecond before the start still counts', () => {
    expect(canAnswerRegisterObjection(c, a('announced'), unanswered, 'corrected', T - 1)).toBeNull();
    expect(canAnswerRegisterObjection(c, a('announced'), unanswered, 'dismissed', T - 1)).toBeNull();
    expect(canAnswerRegisterObjection(c, a('announced'), unanswered, 'noted', T - 1)).toBe('correctOrDismiss');
  });

  it('from the opening on (even before the clock moved it): noted or dismissed, never corrected', () => {
    expect(canAnswerRegisterObjection(c, a('announced'), unanswered, 'corrected', T)).toBe('tooLateToCorrect');
    expect(canAnswerRegisterObjection(c, a('open'), unanswered, 'corrected', T)).toBe('tooLateToCorrect');
    expect(canAnswerRegisterObjection(c, a('open'), unanswered, 'noted', T)).toBeNull();
    expect(canAnswerRegisterObjection(c, a('closed'), unanswered, 'dismissed', T)).toBeNull();
  });

  it('by the committee, once', () => {
    expect(canAnswerRegisterObjection(roles('owner'), a('announced'), unanswered, 'corrected', 0)).toBe('forbidden');
    expect(canAnswerRegisterObjection(c, a('announced'), { answeredAt: 1 }, 'corrected', 0)).toBe('alreadyAnswered');
  });
});

describe('proxies', () => {
  const open = { status: 'open' as const, endsAt: T };

  it('granted before the close, before anyone voted for the holder, one at a time', () => {
    const free = { hasBallot: false, hasActiveProxy: false };
    expect(canGrantProxy({ status: 'announced', endsAt: T }, free, 0)).toBeNull();
    expect(canGrantProxy(open, free, T - 1)).toBeNull();
    expect(canGrantProxy(open, free, T)).toBe('assemblyClosed');
    expect(canGrantProxy({ status: 'closed', endsAt: T }, free, 0)).toBe('assemblyClosed');
    expect(canGrantProxy(open, { ...free, hasBallot: true }, 0)).toBe('alreadyVoted');
    expect(canGrantProxy(open, { ...free, hasActiveProxy: true }, 0)).toBe('proxyExists');
  });

  it('to another person with an account who holds fewer than the maximum', () => {
    const agent = { personId: 2, hasAccount: true, activeProxies: 2 };
    expect(checkAgent(agent, 1, 3)).toBeNull();
    expect(checkAgent({ ...agent, activeProxies: 3 }, 1, 3)).toBe('agentFull');
    expect(checkAgent(agent, 2, 3)).toBe('proxySelf');
    expect(checkAgent({ ...agent, hasAccount: false }, 1, 3)).toBe('agentNoAccount');
    expect(checkAgent(null, 1, 3)).toBe('agentNotFound');
  });

  it('is checked by one committee member and confirmed by another (four eyes)', () => {
    const c = roles('committee_member');
    const submitted = { status: 'submitted' as const, grantorId: 9, checkedBy: null };
    const checked = { status: 'checked' as const, grantorId: 9, checkedBy: 1 };
    expect(canReviewProxy(c, submitted, 'check', 1)).toBeNull();
    expect(canReviewProxy(c, submitted, 'confirm', 2)).toBe('proxyNotPending');
    expect(canReviewProxy(c, checked, 'confirm', 1)).toBe('confirmOwnCheck');
    expect(canReviewProxy(c, checked, 'confirm', 2)).toBeNull();
    expect(canReviewProxy(c, checked, 'check', 2)).toBe('proxyNotPending');
    expect(canReviewProxy(c, checked, 'reject', 1)).toBeNull();
    expect(canReviewProxy(c, { ...checked, status: 'effective' }, 'reject', 1)).toBe('proxyNotPending');
    expect(canReviewProxy(roles('owner', 'branch_secretary'), submitted, 'check', 1)).toBe('forbidden');
  });

  it('is withdrawn by its grantor until used', () => {
    const effective = { status: 'effective' as const, grantorId: 9, checkedBy: 1 };
    expect(canWithdrawProxy(effective, 9, false)).toBeNull();
    expect(canWithdrawProxy(effective, 9, true)).toBe('proxyUsed');
    expect(canWithdrawProxy(effective, 8, false)).toBe('forbidden');
    expect(canWithdrawProxy({ ...effective, status: 'withdrawn' }, 9, false)).toBe('proxyNotPending');
  });

  it('whoever votes first speaks for the holder', () => {
    expect(canVoteAs('agent', { proxyEffective: true, votedByHolder: false, votedByAgent: false })).toBeNull();
    expect(canVoteAs('agent', { proxyEffective: true, votedByHolder: true, votedByAgent: false })).toBe(
      'holderVotedFirst',
    );
    expect(canVoteAs('agent', { proxyEffective: false, votedByHolder: false, votedByAgent: false })).toBe(
      'notEligible',
    );
    expect(canVoteAs('holder', { proxyEffective: true, votedByHolder: false, votedByAgent: true })).toBe(
      'agentVotedFirst',
    );
    expect(canVoteAs('holder', { proxyEffective: true, votedByHolder: false, votedByAgent: false })).toBeNull();
  });
});

describe('nominations', () => {
  it('opened by the committee on a topic under deliberation; made by owners while it is', () => {
    expect(canOpenNominations(roles('committee_chair'), 'deliberating')).toBeNull();
    expect(canOpenNominations(roles('committee_chair'), 'voting')).toBe('wrongState');
    expect(canOpenNominations(roles('branch_secretary'), 'deliberating')).toBe('forbidden');
    expect(canNominate(roles('owner'), { open: true }, 'deliberating')).toBeNull();
    expect(canNominate(roles('owner'), { open: false }, 'deliberating')).toBe('nominationsClosed');
    expect(canNominate(roles('owner'), { open: true }, 'voting')).toBe('nominationsClosed');
    expect(canNominate(roles('tenant'), { open: true }, 'deliberating')).toBe('onlyOwnersNominate');
  });
});
