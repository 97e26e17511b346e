import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role } from '../auth/roles';
import { TOPIC_STATUSES, type TopicStatus } from './lifecycle';
import {
  canComment,
  canCosign,
  canFollow,
  canManageMeetings,
  canModerate,
  canPostPosition,
  canRaiseTopic,
  canReportComment,
  checkMeetingTime,
  type PositionParty,
  partiesFor,
  seesHiddenText,
} from './rules';

/**
 * What each role, held alone in the topic's compound, may do. A Record so that a role added to
 * Role without a row here fails to compile.
 */
interface Expected {
  /** canRaiseTopic, and canCosign's first check. */
  raise: null | 'cannotRaise';
  parties: readonly PositionParty[];
  /** canModerate, canManageMeetings, and seeing hidden text of others. */
  secretary: boolean;
}

const TABLE: Record<Role, Expected> = {
  owner: { raise: null, parties: [], secretary: false },
  tenant: { raise: null, parties: [], secretary: false },
  family_member: { raise: null, parties: [], secretary: false },
  branch_secretary: { raise: null, parties: ['branch'], secretary: true },
  branch_member: { raise: null, parties: ['branch'], secretary: false },
  committee_chair: { raise: null, parties: ['committee'], secretary: false },
  committee_member: { raise: null, parties: ['committee'], secretary: false },
  resident_rep: { raise: null, parties: [], secretary: false },
  grid_worker: { raise: null, parties: [], secretary: false },
  guest: { raise: 'cannotRaise', parties: [], secretary: false },
  property_staff: { raise: 'cannotRaise', parties: ['property'], secretary: false },
  community_worker: { raise: 'cannotRaise', parties: [], secretary: false },
  street_staff: { raise: 'cannotRaise', parties: [], secretary: false },
  district_admin: { raise: 'cannotRaise', parties: [], secretary: false },
};

const ROWS = (Object.entries(TABLE) as [Role, Expected][]).map(([role, expected]) => ({ role, ...expected }));
const PARTIES: readonly PositionParty[] = ['branch', 'property', 'committee'];
const NONE: ReadonlySet<Role> = new Set<Role>();
const one = (role: Role): ReadonlySet<Role> => new Set<Role>([role]);

const ME = 7;
const OTHER = 8;

/**
 * Open for co-signing: raised and deliberating. Open for discussion and positions: deliberating, and
 * on through the vote (voting, voted), so residents can keep talking while and after they vote.
 */
const COSIGN_OPEN: Record<TopicStatus, boolean> = {
  raised: true,
  deliberating: true,
  rejected: false,
  merged: false,
  small_matter: false,
  voting: false,
  voted: false,
  decided: false,
  publicised: false,
  assigned: false,
  in_progress: false,
  rating: false,
  closed: false,
};
const DISCUSSION_OPEN: Record<TopicStatus, boolean> = {
  raised: false,
  deliberating: true,
  rejected: false,
  merged: false,
  small_matter: false,
  voting: true,
  voted: true,
  decided: true,
  publicised: true,
  assigned: true,
  in_progress: true,
  rating: true,
  closed: false,
};

it('the table has a row for every role', () => {
  expect(Object.keys(TABLE).sort()).toEqual([...ASSIGNABLE_ROLES, 'owner'].sort());
  expect(Object.keys(COSIGN_OPEN).sort()).toEqual([...TOPIC_STATUSES].sort());
  expect(Object.keys(DISCUSSION_OPEN).sort()).toEqual([...TOPIC_STATUSES].sort());
});

describe('canRaiseTopic', () => {
  it.each(ROWS)('$role → $raise', ({ role, raise }) => {
    expect(canRaiseTopic(one(role))).toBe(raise);
  });

  it('refuses no roles', () => {
    expect(canRaiseTopic(NONE)).toBe('cannotRaise');
  });

  it('allows a guest who is also an owner', () => {
    expect(canRaiseTopic(new Set<Role>(['guest', 'owner']))).toBeNull();
  });
});

describe('canCosign', () => {
  const cases = ROWS.flatMap((row) => TOPIC_STATUSES.map((status) => ({ ...row, status })));

  it.each(cases)("$role on someone else's $status topic", ({ role, raise, status }) => {
    const expected = raise !== null ? 'cannotCosign' : COSIGN_OPEN[status] ? null : 'wrongState';
    expect(canCosign(one(role), { status, authorId: OTHER }, ME, false)).toBe(expected);
  });

  it.each(ROWS)('$role on their own raised topic', ({ role, raise }) => {
    expect(canCosign(one(role), { status: 'raised' as const, authorId: ME }, ME, false)).toBe(
      raise === null ? 'cosignOwn' : 'cannotCosign',
    );
  });

  it.each(ROWS)('$role co-signing a raised topic twice', ({ role, raise }) => {
    expect(canCosign(one(role), { status: 'raised' as const, authorId: OTHER }, ME, true)).toBe(
      raise === null ? 'alreadyCosigned' : 'cannotCosign',
    );
  });

  it('refuses no roles', () => {
    expect(canCosign(NONE, { status: 'raised' as const, authorId: OTHER }, ME, false)).toBe('cannotCosign');
  });

  it('says "own" before "already" before "wrong state"', () => {
    const owner = one('owner');
    expect(canCosign(owner, { status: 'rejected' as const, authorId: ME }, ME, true)).toBe('cosignOwn');
    expect(canCosign(owner, { status: 'merged' as const, authorId: OTHER }, ME, true)).toBe('alreadyCosigned');
    expect(canCosign(owner, { status: 'small_matter' as const, authorId: OTHER }, ME, false)).toBe('wrongState');
  });

  it('refuses an unknown state', () => {
    expect(canCosign(one('owner'), { status: 'closed' as const, authorId: OTHER }, ME, false)).toBe('wrongState');
  });

  it('closes co-signing once a vote is opened', () => {
    expect(canCosign(one('owner'), { status: 'voting' as const, authorId: OTHER }, ME, false)).toBe('wrongState');
    expect(canCosign(one('owner'), { status: 'voted' as const, authorId: OTHER }, ME, false)).toBe('wrongState');
  });
});

describe('canComment', () => {
  const cases = ROWS.flatMap((row) => TOPIC_STATUSES.map((status) => ({ ...row, status })));

  it.each(cases)('$role on a $status topic', ({ role, status }) => {
    expect(canComment(one(role), { status })).toBe(DISCUSSION_OPEN[status] ? null : 'wrongState');
  });

  it.each(TOPIC_STATUSES)('refuses no roles on a %s topic', (status) => {
    expect(canComment(NONE, { status })).toBe('forbidden');
  });

  it('keeps discussion open while a vote runs and after it closes, and refuses unknown states', () => {
    expect(canComment(one('tenant'), { status: 'voting' as const })).toBeNull();
    expect(canComment(one('guest'), { status: 'voted' as const })).toBeNull();
    expect(canComment(one('owner'), { status: 'closed' as const })).toBe('wrongState');
    expect(canComment(one('owner'), { status: 'Voting' as TopicStatus })).toBe('wrongState');
  });
});

describe('partiesFor', () => {
  it.each(ROWS)('$role → $parties', ({ role, parties }) => {
    expect(partiesFor(one(role))).toEqual(parties);
  });

  it('gives no party to no roles', () => {
    expect(partiesFor(NONE)).toEqual([]);
  });

  it('gives every party held, in the order branch, property, committee', () => {
    expect(partiesFor(new Set<Role>(['committee_member', 'property_staff', 'branch_secretary']))).toEqual([
      'branch',
      'property',
      'committee',
    ]);
    expect(partiesFor(new Set<Role>(['owner', 'committee_chair']))).toEqual(['committee']);
    expect(partiesFor(new Set<Role>(['branch_secretary', 'branch_member']))).toEqual(['branch']);
  });
});

describe('canPostPosition', () => {
  const cases = ROWS.flatMap((row) =>
    PARTIES.flatMap((party) => TOPIC_STATUSES.map((status) => ({ ...row, party, status }))),
  );

  it.each(cases)('$role for $party on a $status topic', ({ role, parties, party, status }) => {
    const expected = !parties.includes(party) ? 'notYourParty' : DISCUSSION_OPEN[status] ? null : 'wrongState';
    expect(canPostPosition(one(role), party, { status })).toBe(expected);
  });

  it.each(PARTIES)('refuses no roles for %s', (party) => {
    expect(canPostPosition(NONE, party, { status: 'deliberating' as const })).toBe('notYourParty');
  });

  it('lets each party post a position while a vote runs and after it closes', () => {
    for (const status of ['voting', 'voted'] as const) {
      expect(canPostPosition(one('branch_secretary'), 'branch', { status })).toBeNull();
      expect(canPostPosition(one('property_staff'), 'property', { status })).toBeNull();
      expect(canPostPosition(one('committee_member'), 'committee', { status })).toBeNull();
    }
  });

  it('lets someone holding two parties speak for each of them', () => {
    const roles = new Set<Role>(['branch_member', 'committee_chair']);
    expect(canPostPosition(roles, 'branch', { status: 'deliberating' as const })).toBeNull();
    expect(canPostPosition(roles, 'committee', { status: 'deliberating' as const })).toBeNull();
    expect(canPostPosition(roles, 'property', { status: 'deliberating' as const })).toBe('notYourParty');
  });
});

describe('canReportComment', () => {
  const visible = (authorId: number) => ({ authorId, hidden: false });

  it.each(ROWS)("$role reports someone else's comment", ({ role }) => {
    expect(canReportComment(one(role), visible(OTHER), ME, false)).toBeNull();
  });

  it.each(ROWS)('$role reports their own comment', ({ role }) => {
    expect(canReportComment(one(role), visible(ME), ME, false)).toBe('reportOwn');
  });

  it.each(ROWS)('$role reports a hidden comment', ({ role }) => {
    expect(canReportComment(one(role), { authorId: OTHER, hidden: true }, ME, false)).toBe('alreadyHidden');
  });

  it.each(ROWS)('$role reports a comment twice', ({ role }) => {
    expect(canReportComment(one(role), visible(OTHER), ME, true)).toBe('alreadyReported');
  });

  it('refuses no roles', () => {
    expect(canReportComment(NONE, visible(OTHER), ME, false)).toBe('forbidden');
  });

  it('says "forbidden" before "own" before "hidden" before "already reported"', () => {
    expect(canReportComment(NONE, { authorId: ME, hidden: true }, ME, true)).toBe('forbidden');
    expect(canReportComment(one('owner'), { authorId: ME, hidden: true }, ME, true)).toBe('reportOwn');
    expect(canReportComment(one('owner'), { authorId: OTHER, hidden: true }, ME, true)).toBe('alreadyHidden');
  });
});

describe('canModerate', () => {
  it.each(ROWS)('$role', ({ role, secretary }) => {
    expect(canModerate(one(role))).toBe(secretary ? null : 'forbidden');
  });

  it('refuses no roles, and allows a secretary who holds other roles too', () => {
    expect(canModerate(NONE)).toBe('forbidden');
    expect(canModerate(new Set<Role>(['owner', 'branch_secretary', 'committee_member']))).toBeNull();
  });
});

describe('seesHiddenText', () => {
  it.each(ROWS)("$role sees someone else's hidden text only as secretary", ({ role, secretary }) => {
    expect(seesHiddenText(one(role), { authorId: OTHER }, ME)).toBe(secretary);
  });

  it.each(ROWS)('$role sees their own hidden text', ({ role }) => {
    expect(seesHiddenText(one(role), { authorId: ME }, ME)).toBe(true);
  });

  it('shows no one else the text of a hidden comment without roles', () => {
    expect(seesHiddenText(NONE, { authorId: OTHER }, ME)).toBe(false);
  });
});

describe('canManageMeetings', () => {
  it.each(ROWS)('$role', ({ role, secretary }) => {
    expect(canManageMeetings(one(role))).toBe(secretary ? null : 'forbidden');
  });

  it('refuses no roles, and refuses the committee chair even with other roles', () => {
    expect(canManageMeetings(NONE)).toBe('forbidden');
    expect(canManageMeetings(new Set<Role>(['owner', 'committee_chair', 'branch_member']))).toBe('forbidden');
  });
});

describe('canFollow', () => {
  it.each(ROWS)('$role may follow', ({ role }) => {
    expect(canFollow(one(role))).toBeNull();
  });

  it('refuses no roles', () => {
    expect(canFollow(NONE)).toBe('forbidden');
  });
});

describe('checkMeetingTime', () => {
  const now = Date.parse('2026-12-01T10:00:00+08:00');
  it('refuses a meeting in the past (yesterday was allowed before)', () => {
    expect(checkMeetingTime(now - 3_600_000, now)).toBe('meetingPast');
    expect(checkMeetingTime(now - 20 * 3_600_000, now)).toBe('meetingPast');
  });
  it('allows now, the next few minutes of form-filling, and later', () => {
    expect(checkMeetingTime(now - 4 * 60_000, now)).toBeNull();
    expect(checkMeetingTime(now + 86_400_000, now)).toBeNull();
  });
});
