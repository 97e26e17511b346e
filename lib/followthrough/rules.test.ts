import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import {
  canAnswerEscalation,
  canEscalate,
  canForwardEscalation,
  canObject,
  canRate,
  canReportProgress,
  checkDeadline,
  DAY_MS,
  dueMoves,
  isOverdue,
  isResponsible,
  lateDays,
  ratingOutcome,
  type TimerState,
} from './rules';

const roles = (...r: Role[]) => new Set<Role>(r);
const T0 = Date.UTC(2026, 10, 1, 2, 0); // an injected clock: 2026-11-01 10:00 in Shanghai

describe('isResponsible', () => {
  const property = { party: 'property', companyId: 7 };
  it('is the staff of the company named on a property task', () => {
    expect(isResponsible(roles('property_staff'), [7], property)).toBe(true);
  });
  it('is not the staff of another company serving the same compound', () => {
    expect(isResponsible(roles('property_staff'), [8], property)).toBe(false);
  });
  it('is nobody when a property task names no company', () => {
    expect(isResponsible(roles('property_staff'), [7], { party: 'property', companyId: null })).toBe(false);
  });
  it.each([
    ['committee', ['committee_chair'], true],
    ['committee', ['committee_member'], true],
    ['committee', ['branch_secretary'], false],
    ['branch', ['branch_secretary'], true],
    ['branch', ['branch_member'], true],
    ['branch', ['owner'], false],
    ['community', ['community_worker'], true],
    ['community', ['street_staff'], false],
    ['property', ['committee_chair'], false],
    ['unknown', ['branch_secretary'], false],
  ] as const)('%s task, actor %j → %s', (party, r, expected) => {
    expect(isResponsible(new Set<Role>(r), [7], { party, companyId: 7 })).toBe(expected);
  });
});

describe('canObject', () => {
  const publicised = { status: 'publicised' as const, noticeEndsAt: T0 + 7 * DAY_MS };
  it('lets an owner and a tenant object during the notice period', () => {
    expect(canObject(roles('owner'), publicised, false, T0)).toBeNull();
    expect(canObject(roles('tenant'), publicised, false, T0 + 7 * DAY_MS - 1)).toBeNull();
  });
  it('refuses at the very end of the notice period and after it', () => {
    expect(canObject(roles('owner'), publicised, false, T0 + 7 * DAY_MS)).toBe('noticeOver');
    expect(canObject(roles('owner'), publicised, false, T0 + 8 * DAY_MS)).toBe('noticeOver');
  });
  it('refuses before publication and once carried out', () => {
    expect(canObject(roles('owner'), { status: 'decided' as const, noticeEndsAt: null }, false, T0)).toBe('noticeOver');
    expect(canObject(roles('owner'), { ...publicised, status: 'in_progress' as const }, false, T0)).toBe('noticeOver');
  });
  it('refuses a second open objection by the same person', () => {
    expect(canObject(roles('owner'), publicised, true, T0)).toBe('objectionPending');
  });
  it.each(['property_staff', 'community_worker', 'grid_worker', 'guest', 'street_staff'] as const)(
    'refuses %s, who is not a resident',
    (r) => {
      expect(canObject(roles(r), publicised, false, T0)).toBe('cannotObject');
    },
  );
});

describe('canReportProgress', () => {
  const task = { party: 'property', companyId: 1 };
  it('lets the responsible company report while in progress', () => {
    expect(canReportProgress(roles('property_staff'), [1], { status: 'in_progress' as const }, task)).toBeNull();
  });
  it('refuses a resident', () => {
    expect(canReportProgress(roles('owner'), [], { status: 'in_progress' as const }, task)).toBe('notResponsible');
  });
  it.each(['assigned', 'small_matter', 'rating', 'closed', 'publicised'] as const)('refuses while %s', (status) => {
    expect(canReportProgress(roles('property_staff'), [1], { status }, task)).toBe('wrongState');
  });
});

describe('canRate', () => {
  const rating = { status: 'rating' as const, ratingEndsAt: T0 + 7 * DAY_MS };
  it('lets a resident rate once during the rating period', () => {
    expect(canRate(roles('owner'), rating, false, T0)).toBeNull();
    expect(canRate(roles('owner'), rating, true, T0)).toBe('alreadyRated');
  });
  it('refuses rating before done and after the period', () => {
    expect(canRate(roles('owner'), { status: 'in_progress' as const, ratingEndsAt: null }, false, T0)).toBe(
      'notRating',
    );
    expect(canRate(roles('owner'), rating, false, T0 + 7 * DAY_MS)).toBe('notRating');
  });
  it('refuses the property company rating itself', () => {
    expect(canRate(roles('property_staff'), rating, false, T0)).toBe('cannotRate');
  });
});

describe('canEscalate', () => {
  it('lets the secretary and the chair escalate an open matter once at a time', () => {
    expect(canEscalate(roles('branch_secretary'), { status: 'in_progress' as const }, false)).toBeNull();
    expect(canEscalate(roles('committee_chair'), { status: 'deliberating' as const }, false)).toBeNull();
    expect(canEscalate(roles('branch_secretary'), { status: 'in_progress' as const }, true)).toBe('escalationOpen');
  });
  it.each(['raised', 'rejected', 'merged', 'rating', 'closed'] as const)('refuses a %s topic', (status) => {
    expect(canEscalate(roles('branch_secretary'), { status }, false)).toBe('wrongState');
  });
  it('refuses residents and staff', () => {
    expect(canEscalate(roles('owner', 'committee_member'), { status: 'in_progress' as const }, false)).toBe(
      'cannotEscalate',
    );
    expect(canEscalate(roles('community_worker'), { status: 'in_progress' as const }, false)).toBe('cannotEscalate');
  });
});

describe('answering escalations', () => {
  const worker = [{ role: 'community_worker', scopeType: 'community', scopeId: 3 }];
  const street = [{ role: 'street_staff', scopeType: 'street', scopeId: 9 }];
  const atCommunity = { level: 'community', communityId: 3, streetId: 9, state: 'open' };
  const atStreet = { ...atCommunity, level: 'street' };
  it('the community answers and forwards its own', () => {
    expect(canAnswerEscalation(worker, atCommunity)).toBeNull();
    expect(canForwardEscalation(worker, atCommunity)).toBeNull();
  });
  it('another community sees nothing', () => {
    expect(canAnswerEscalation(worker, { ...atCommunity, communityId: 4 })).toBe('notFound');
  });
  it('the street answers at street level but cannot forward further', () => {
    expect(canAnswerEscalation(street, atStreet)).toBeNull();
    expect(canForwardEscalation(street, atStreet)).toBe('topLevel');
    expect(canAnswerEscalation(street, atCommunity)).toBe('notFound');
    expect(canAnswerEscalation(worker, atStreet)).toBe('notFound');
  });
  it('an answered escalation is answered once', () => {
    expect(canAnswerEscalation(worker, { ...atCommunity, state: 'answered' })).toBe('escalationAnswered');
    expect(canForwardEscalation(worker, { ...atCommunity, state: 'forwarded' })).toBe('escalationAnswered');
  });
});

describe('isOverdue', () => {
  it('is late only after the deadline and only while not done', () => {
    expect(isOverdue('in_progress', T0, T0)).toBe(false);
    expect(isOverdue('in_progress', T0, T0 + 1)).toBe(true);
    expect(isOverdue('assigned', T0, T0 + 1)).toBe(true);
    expect(isOverdue('small_matter', T0, T0 + 1)).toBe(true);
    expect(isOverdue('rating', T0, T0 + DAY_MS)).toBe(false);
    expect(isOverdue('closed', T0, T0 + DAY_MS)).toBe(false);
    expect(isOverdue('in_progress', null, T0)).toBe(false);
  });
});

describe('dueMoves (the timers, with an injected clock)', () => {
  const base: TimerState = {
    status: 'publicised' as const,
    noticeEndsAt: T0 + 7 * DAY_MS,
    openObjections: 0,
    deadlineAt: T0 + 30 * DAY_MS,
    overdueAt: null,
    autoEscalatedAt: null,
    hasOpenEscalation: false,
    escalateAfterDays: 7,
    ratingEndsAt: null,
  };

  it('ends the notice period exactly at its end, not a millisecond before', () => {
    expect(dueMoves(base, T0 + 7 * DAY_MS - 1)).toEqual([]);
    expect(dueMoves(base, T0 + 7 * DAY_MS)).toEqual(['end_notice']);
  });
  it('holds the notice period open while an objection waits for an answer', () => {
    expect(dueMoves({ ...base, openObjections: 1 }, T0 + 9 * DAY_MS)).toEqual([]);
  });
  it('marks a task overdue once, just after its deadline', () => {
    const task = { ...base, status: 'in_progress' as const };
    expect(dueMoves(task, T0 + 30 * DAY_MS)).toEqual([]);
    expect(dueMoves(task, T0 + 30 * DAY_MS + 1)).toEqual(['mark_overdue']);
    expect(dueMoves({ ...task, overdueAt: T0 + 30 * DAY_MS + 1 }, T0 + 31 * DAY_MS)).toEqual([]);
  });
  it('escalates by itself only when more than the set days late', () => {
    const late = { ...base, status: 'in_progress' as const, overdueAt: T0 + 30 * DAY_MS };
    expect(dueMoves(late, T0 + 37 * DAY_MS)).toEqual([]);
    expect(dueMoves(late, T0 + 37 * DAY_MS + 1)).toEqual(['auto_escalate']);
    expect(dueMoves({ ...late, escalateAfterDays: 0 }, T0 + 30 * DAY_MS + 1)).toEqual(['auto_escalate']);
  });
  it('marks overdue and escalates in one tick when the server was down for long', () => {
    expect(dueMoves({ ...base, status: 'assigned' as const }, T0 + 40 * DAY_MS)).toEqual([
      'mark_overdue',
      'auto_escalate',
    ]);
  });
  it('does not escalate twice, nor over an escalation already open', () => {
    const late = { ...base, status: 'in_progress' as const, overdueAt: T0 + 30 * DAY_MS };
    expect(dueMoves({ ...late, autoEscalatedAt: T0 + 38 * DAY_MS }, T0 + 50 * DAY_MS)).toEqual([]);
    expect(dueMoves({ ...late, hasOpenEscalation: true }, T0 + 50 * DAY_MS)).toEqual([]);
  });
  it('ends the rating window at its end', () => {
    const rating = { ...base, status: 'rating' as const, ratingEndsAt: T0 + 3 * DAY_MS };
    expect(dueMoves(rating, T0 + 3 * DAY_MS - 1)).toEqual([]);
    expect(dueMoves(rating, T0 + 3 * DAY_MS)).toEqual(['end_rating']);
  });
  it('has nothing to do on a closed topic, however late', () => {
    expect(dueMoves({ ...base, status: 'closed' as const }, T0 + 999 * DAY_MS)).toEqual([]);
  });
});

describe('ratingOutcome', () => {
  it('closes without an average when nobody rated', () => {
    expect(ratingOutcome([])).toEqual({ outcome: 'close', count: 0, poor: 0, average: null });
  });
  it('closes with the average', () => {
    expect(ratingOutcome([5, 4, 4])).toEqual({ outcome: 'close', count: 3, poor: 0, average: '4.3' });
    expect(ratingOutcome([5])).toEqual({ outcome: 'close', count: 1, poor: 0, average: '5.0' });
  });
  it('rounds half up to one decimal without floating point', () => {
    expect(ratingOutcome([4, 5]).average).toBe('4.5');
    expect(ratingOutcome([1, 2, 2, 5, 5, 5, 5, 5]).average).toBe('3.8'); // 30/8 = 3.75
    expect(ratingOutcome([3, 3, 4, 5, 5, 5]).average).toBe('4.2'); // 25/6 = 4.1666…
  });
  it('reopens when exactly half the ratings are poor', () => {
    expect(ratingOutcome([1, 5]).outcome).toBe('reopen');
    expect(ratingOutcome([2, 2, 5, 5]).outcome).toBe('reopen');
  });
  it('closes when just under half are poor', () => {
    expect(ratingOutcome([1, 5, 5]).outcome).toBe('close');
    expect(ratingOutcome([3, 3]).outcome).toBe('close');
  });
  it('reopens a single poor rating', () => {
    expect(ratingOutcome([2])).toEqual({ outcome: 'reopen', count: 1, poor: 1, average: '2.0' });
  });
  it.each([0, 6, 2.5, Number.NaN, -1] as const)('throws on the impossible rating %s', (s) => {
    expect(() => ratingOutcome([5, s])).toThrow(/1 to 5/);
  });
});

describe('checkDeadline', () => {
  it('refuses a deadline in the past or now, and one absurdly far', () => {
    expect(checkDeadline(T0, T0)).toBe('deadlinePast');
    expect(checkDeadline(T0 - 1, T0)).toBe('deadlinePast');
    expect(checkDeadline(T0 + 1, T0)).toBeNull();
    expect(checkDeadline(T0 + 6 * 366 * DAY_MS, T0)).toBe('deadlineFar');
  });
});

describe('lateDays', () => {
  it('is null on time, after done, and without a deadline', () => {
    expect(lateDays('in_progress', T0, null, T0)).toBeNull();
    expect(lateDays('rating', T0, T0 + 1, T0 + 9 * DAY_MS)).toBeNull();
    expect(lateDays('in_progress', null, null, T0)).toBeNull();
  });
  it('counts from the deadline to now', () => {
    expect(lateDays('in_progress', T0, null, T0 + 1)).toBe(0);
    expect(lateDays('assigned', T0, null, T0 + 3 * DAY_MS)).toBe(3);
  });
  it('keeps a task the clock marked late marked, even if now reads earlier', () => {
    expect(lateDays('small_matter', T0, T0 + 8 * DAY_MS, T0 - DAY_MS)).toBe(8);
  });
});
