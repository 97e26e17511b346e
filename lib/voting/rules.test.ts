import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role } from '../auth/roles';
import {
  canCastBallot,
  canCloseVote,
  canConfirmPaper,
  canEnterPaper,
  canOpenVote,
  canSeeNonVoters,
  checkChoice,
  isVoteOpen,
  type VoteKind,
} from './rules';

const KINDS: readonly VoteKind[] = ['consultation', 'council', 'owners'];
const NONE: ReadonlySet<Role> = new Set<Role>();
const one = (role: Role): ReadonlySet<Role> => new Set<Role>([role]);

type OpenResult = null | 'cannotOpenVote' | 'cannotOpenOwnersVote';

/**
 * canOpenVote for each role alone, per kind (docs/domain/mechanism.md step 4): the branch secretary opens
 * consultations and council votes; the owners' committee opens owners' decisions. A Record so that
 * a role added to Role without a row here fails to compile.
 */
const OPEN: Record<Role, Record<VoteKind, OpenResult>> = {
  owner: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  tenant: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  family_member: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  branch_secretary: { consultation: null, council: null, owners: 'cannotOpenOwnersVote' },
  branch_member: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  committee_chair: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: null },
  committee_member: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: null },
  resident_rep: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  grid_worker: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  guest: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  property_staff: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  community_worker: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  street_staff: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
  district_admin: { consultation: 'cannotOpenVote', council: 'cannotOpenVote', owners: 'cannotOpenOwnersVote' },
};

/** Enters and confirms paper ballots of owners' decisions: the owners' committee. */
const COMMITTEE: Record<Role, boolean> = {
  owner: false,
  tenant: false,
  family_member: false,
  branch_secretary: false,
  branch_member: false,
  committee_chair: true,
  committee_member: true,
  resident_rep: false,
  grid_worker: false,
  guest: false,
  property_staff: false,
  community_worker: false,
  street_staff: false,
  district_admin: false,
};

/** canSeeNonVoters per role and kind: grid workers always (to remind), organisers of that kind. */
const SEES_NON_VOTERS: Record<Role, Record<VoteKind, null | 'forbidden'>> = {
  owner: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  tenant: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  family_member: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  branch_secretary: { consultation: null, council: null, owners: 'forbidden' },
  branch_member: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  committee_chair: { consultation: 'forbidden', council: 'forbidden', owners: null },
  committee_member: { consultation: 'forbidden', council: 'forbidden', owners: null },
  resident_rep: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  grid_worker: { consultation: null, council: null, owners: null },
  guest: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  property_staff: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  community_worker: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  street_staff: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
  district_admin: { consultation: 'forbidden', council: 'forbidden', owners: 'forbidden' },
};

const ROLES = Object.keys(OPEN) as Role[];
const byRoleAndKind = ROLES.flatMap((role) => KINDS.map((kind) => ({ role, kind })));

it('the tables have a row for every role', () => {
  const all = [...ASSIGNABLE_ROLES, 'owner'].sort();
  expect(Object.keys(OPEN).sort()).toEqual(all);
  expect(Object.keys(COMMITTEE).sort()).toEqual(all);
  expect(Object.keys(SEES_NON_VOTERS).sort()).toEqual(all);
  expect(byRoleAndKind).toHaveLength(14 * 3);
});

describe('canOpenVote', () => {
  it.each(byRoleAndKind)('$role opens a $kind vote', ({ role, kind }) => {
    expect(canOpenVote(one(role), kind)).toBe(OPEN[role][kind]);
  });

  it('refuses no roles', () => {
    expect(canOpenVote(NONE, 'consultation')).toBe('cannotOpenVote');
    expect(canOpenVote(NONE, 'council')).toBe('cannotOpenVote');
    expect(canOpenVote(NONE, 'owners')).toBe('cannotOpenOwnersVote');
  });

  it('lets a secretary who also sits on the committee open every kind', () => {
    const roles = new Set<Role>(['owner', 'branch_secretary', 'committee_member']);
    for (const kind of KINDS) expect(canOpenVote(roles, kind)).toBeNull();
  });
});

describe('canCloseVote', () => {
  const END = 1_000_000;
  /** What an organiser of the vote's kind gets in each situation; everyone else gets 'forbidden'. */
  const SITUATIONS: readonly {
    label: string;
    status: string;
    now: number;
    organiser: null | 'voteClosed' | 'voteNotEnded';
  }[] = [
    { label: 'open, long before the end', status: 'open', now: 0, organiser: 'voteNotEnded' },
    { label: 'open, 1 ms before the end', status: 'open', now: END - 1, organiser: 'voteNotEnded' },
    { label: 'open, exactly at the end', status: 'open', now: END, organiser: null },
    { label: 'open, after the end', status: 'open', now: END + 60_000, organiser: null },
    { label: 'closed, after the end', status: 'closed', now: END + 1, organiser: 'voteClosed' },
    { label: 'closed, before the end', status: 'closed', now: END - 1, organiser: 'voteClosed' },
  ];
  const cases = byRoleAndKind.flatMap((rk) => SITUATIONS.map((s) => ({ ...rk, ...s })));

  it('covers every role × kind × situation', () => {
    expect(cases).toHaveLength(14 * 3 * 6);
  });

  it.each(cases)('$role on a $kind vote, $label', ({ role, kind, status, now, organiser }) => {
    const expected = OPEN[role][kind] === null ? organiser : 'forbidden';
    expect(canCloseVote(one(role), { kind, status, endsAt: END }, now)).toBe(expected);
  });

  it('refuses no roles', () => {
    for (const kind of KINDS) {
      expect(canCloseVote(NONE, { kind, status: 'open', endsAt: END }, END + 1)).toBe('forbidden');
    }
  });

  it('says "forbidden" before "closed" before "not ended"', () => {
    expect(canCloseVote(one('owner'), { kind: 'owners', status: 'closed', endsAt: END }, 0)).toBe('forbidden');
    expect(canCloseVote(one('committee_chair'), { kind: 'owners', status: 'closed', endsAt: END }, 0)).toBe(
      'voteClosed',
    );
  });
});

describe('isVoteOpen', () => {
  const START = 1_000;
  const END = 2_000;
  const CASES: readonly { label: string; status: string; now: number; open: boolean }[] = [
    { label: 'open, 1 ms before the start', status: 'open', now: START - 1, open: false },
    { label: 'open, exactly at the start (inclusive)', status: 'open', now: START, open: true },
    { label: 'open, in the middle', status: 'open', now: 1_500, open: true },
    { label: 'open, 1 ms before the end', status: 'open', now: END - 1, open: true },
    { label: 'open, exactly at the end (exclusive)', status: 'open', now: END, open: false },
    { label: 'open, after the end', status: 'open', now: END + 1, open: false },
    { label: 'closed, in the middle', status: 'closed', now: 1_500, open: false },
    { label: 'closed, at the start', status: 'closed', now: START, open: false },
    { label: 'unknown status, in the middle', status: 'Open', now: 1_500, open: false },
  ];

  it.each(CASES)('$label → $open', ({ status, now, open }) => {
    expect(isVoteOpen({ status, startsAt: START, endsAt: END }, now)).toBe(open);
  });
});

describe('canCastBallot', () => {
  const START = 1_000;
  const END = 2_000;
  const vote = (over: Partial<{ status: string; allowChange: boolean }> = {}) => ({
    status: 'open',
    startsAt: START,
    endsAt: END,
    allowChange: false,
    ...over,
  });
  const ONLINE = { channel: 'online' } as const;
  const PAPER = { channel: 'paper' } as const;

  const CASES: readonly {
    label: string;
    vote: ReturnType<typeof vote>;
    eligible: boolean;
    existing: typeof ONLINE | typeof PAPER | null;
    now: number;
    expected: string | null;
  }[] = [
    {
      label: 'eligible, first ballot, in time',
      vote: vote(),
      eligible: true,
      existing: null,
      now: 1_500,
      expected: null,
    },
    { label: 'at the start exactly', vote: vote(), eligible: true, existing: null, now: START, expected: null },
    { label: '1 ms before the end', vote: vote(), eligible: true, existing: null, now: END - 1, expected: null },
    { label: 'not eligible', vote: vote(), eligible: false, existing: null, now: 1_500, expected: 'notEligible' },
    {
      label: 'not eligible on a closed vote',
      vote: vote({ status: 'closed' }),
      eligible: false,
      existing: null,
      now: 1_500,
      expected: 'notEligible',
    },
    {
      label: 'closed status within the times',
      vote: vote({ status: 'closed' }),
      eligible: true,
      existing: null,
      now: 1_500,
      expected: 'voteClosed',
    },
    { label: 'open status at the end', vote: vote(), eligible: true, existing: null, now: END, expected: 'voteClosed' },
    {
      label: 'open status after the end',
      vote: vote(),
      eligible: true,
      existing: null,
      now: END + 1,
      expected: 'voteClosed',
    },
    {
      label: 'not started yet',
      vote: vote(),
      eligible: true,
      existing: null,
      now: START - 1,
      expected: 'voteNotStarted',
    },
    {
      label: 'closed before it started',
      vote: vote({ status: 'closed' }),
      eligible: true,
      existing: null,
      now: START - 1,
      expected: 'voteClosed',
    },
    {
      label: 'a paper ballot exists',
      vote: vote(),
      eligible: true,
      existing: PAPER,
      now: 1_500,
      expected: 'paperExists',
    },
    {
      label: 'a paper ballot exists, changes allowed',
      vote: vote({ allowChange: true }),
      eligible: true,
      existing: PAPER,
      now: 1_500,
      expected: 'paperExists',
    },
    {
      label: 'already voted online, no changes',
      vote: vote(),
      eligible: true,
      existing: ONLINE,
      now: 1_500,
      expected: 'alreadyVoted',
    },
    {
      label: 'already voted online, changes allowed',
      vote: vote({ allowChange: true }),
      eligible: true,
      existing: ONLINE,
      now: 1_500,
      expected: null,
    },
    {
      label: 'already voted online, changes allowed, but the vote ended',
      vote: vote({ allowChange: true }),
      eligible: true,
      existing: ONLINE,
      now: END,
      expected: 'voteClosed',
    },
    {
      label: 'already voted online, not started (impossible, but not-started wins)',
      vote: vote(),
      eligible: true,
      existing: ONLINE,
      now: START - 1,
      expected: 'voteNotStarted',
    },
  ];

  it.each(CASES)('$label → $expected', ({ vote: v, eligible, existing, now, expected }) => {
    expect(canCastBallot(v, eligible, existing, now)).toBe(expected);
  });
});

describe('checkChoice', () => {
  const OPTIONS = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
  const CASES: readonly {
    label: string;
    choice: readonly string[];
    mode: 'single' | 'multiple';
    expected: { ok: true; keys: string[] } | { ok: false; error: string };
  }[] = [
    { label: 'empty, single', choice: [], mode: 'single', expected: { ok: false, error: 'chooseOption' } },
    { label: 'empty, multiple', choice: [], mode: 'multiple', expected: { ok: false, error: 'chooseOption' } },
    { label: 'one known, single', choice: ['b'], mode: 'single', expected: { ok: true, keys: ['b'] } },
    { label: 'two, single', choice: ['a', 'b'], mode: 'single', expected: { ok: false, error: 'oneOption' } },
    {
      label: 'two with one unknown, single (too many first)',
      choice: ['a', 'x'],
      mode: 'single',
      expected: { ok: false, error: 'oneOption' },
    },
    { label: 'unknown, single', choice: ['x'], mode: 'single', expected: { ok: false, error: 'unknownOption' } },
    { label: 'case differs, single', choice: ['A'], mode: 'single', expected: { ok: false, error: 'unknownOption' } },
    { label: 'same key twice, single', choice: ['a', 'a'], mode: 'single', expected: { ok: true, keys: ['a'] } },
    { label: 'one, multiple', choice: ['c'], mode: 'multiple', expected: { ok: true, keys: ['c'] } },
    {
      label: 'two, multiple, in given order',
      choice: ['c', 'a'],
      mode: 'multiple',
      expected: { ok: true, keys: ['c', 'a'] },
    },
    {
      label: 'all, multiple',
      choice: ['a', 'b', 'c'],
      mode: 'multiple',
      expected: { ok: true, keys: ['a', 'b', 'c'] },
    },
    {
      label: 'duplicates collapsed, multiple',
      choice: ['a', 'c', 'a', 'c'],
      mode: 'multiple',
      expected: { ok: true, keys: ['a', 'c'] },
    },
    {
      label: 'one unknown among known, multiple',
      choice: ['a', 'x'],
      mode: 'multiple',
      expected: { ok: false, error: 'unknownOption' },
    },
  ];

  it.each(CASES)('$label', ({ choice, mode, expected }) => {
    expect(checkChoice(choice, OPTIONS, mode)).toEqual(expected);
  });

  it('refuses every key when the vote has no options', () => {
    expect(checkChoice(['a'], [], 'single')).toEqual({ ok: false, error: 'unknownOption' });
  });
});

describe('canEnterPaper', () => {
  const STATUSES = ['open', 'closed'] as const;
  const cases = byRoleAndKind.flatMap((rk) => STATUSES.map((status) => ({ ...rk, status })));

  it('covers every role × kind × status', () => {
    expect(cases).toHaveLength(14 * 3 * 2);
  });

  it.each(cases)('$role on a $status $kind vote', ({ role, kind, status }) => {
    const expected =
      kind !== 'owners' ? 'paperOnlyOwners' : !COMMITTEE[role] ? 'forbidden' : status === 'open' ? null : 'voteClosed';
    expect(canEnterPaper(one(role), { kind, status })).toBe(expected);
  });

  it('refuses no roles, and says "owners only" before "forbidden" before "closed"', () => {
    expect(canEnterPaper(NONE, { kind: 'owners', status: 'open' })).toBe('forbidden');
    expect(canEnterPaper(NONE, { kind: 'consultation', status: 'closed' })).toBe('paperOnlyOwners');
    expect(canEnterPaper(one('committee_chair'), { kind: 'council', status: 'closed' })).toBe('paperOnlyOwners');
    expect(canEnterPaper(one('owner'), { kind: 'owners', status: 'closed' })).toBe('forbidden');
  });

  it('does not let the branch secretary enter paper ballots', () => {
    expect(canEnterPaper(one('branch_secretary'), { kind: 'owners', status: 'open' })).toBe('forbidden');
  });
});

describe('canConfirmPaper', () => {
  const ME = 7;
  const OTHER = 8;
  const OWNERS_OPEN = { kind: 'owners', status: 'open' } as const;
  const BALLOTS: readonly {
    label: string;
    ballot: { castBy: number; confirmedBy: number | null };
    committee: null | 'alreadyConfirmed' | 'confirmOwn';
  }[] = [
    { label: "someone else's unconfirmed entry", ballot: { castBy: OTHER, confirmedBy: null }, committee: null },
    { label: 'own unconfirmed entry', ballot: { castBy: ME, confirmedBy: null }, committee: 'confirmOwn' },
    {
      label: "someone else's confirmed entry",
      ballot: { castBy: OTHER, confirmedBy: 9 },
      committee: 'alreadyConfirmed',
    },
    {
      label: 'own entry confirmed by another',
      ballot: { castBy: ME, confirmedBy: OTHER },
      committee: 'alreadyConfirmed',
    },
  ];
  const cases = ROLES.flatMap((role) => BALLOTS.map((b) => ({ role, ...b })));

  it.each(cases)('$role confirms $label on an open owners vote', ({ role, ballot, committee }) => {
    expect(canConfirmPaper(one(role), OWNERS_OPEN, ballot, ME)).toBe(COMMITTEE[role] ? committee : 'forbidden');
  });

  it('refuses on a closed vote, and on a vote that is not an owners decision', () => {
    const member = one('committee_member');
    const ballot = { castBy: OTHER, confirmedBy: null };
    expect(canConfirmPaper(member, { kind: 'owners', status: 'closed' }, ballot, ME)).toBe('voteClosed');
    expect(canConfirmPaper(member, { kind: 'consultation', status: 'open' }, ballot, ME)).toBe('paperOnlyOwners');
    expect(canConfirmPaper(member, { kind: 'council', status: 'open' }, ballot, ME)).toBe('paperOnlyOwners');
  });

  it('refuses no roles', () => {
    expect(canConfirmPaper(NONE, OWNERS_OPEN, { castBy: OTHER, confirmedBy: null }, ME)).toBe('forbidden');
  });
});

describe('canSeeNonVoters', () => {
  it.each(byRoleAndKind)('$role on a $kind vote', ({ role, kind }) => {
    expect(canSeeNonVoters(one(role), kind)).toBe(SEES_NON_VOTERS[role][kind]);
  });

  it('refuses no roles, and lets a grid worker who holds other roles see them', () => {
    for (const kind of KINDS) {
      expect(canSeeNonVoters(NONE, kind)).toBe('forbidden');
      expect(canSeeNonVoters(new Set<Role>(['owner', 'tenant', 'grid_worker']), kind)).toBeNull();
    }
  });
});

describe('assembly matters', () => {
  it('checkChoice caps an election ballot at its seats and keeps abstaining alone', async () => {
    const { checkChoice } = await import('./rules');
    const options = [{ key: 'c1' }, { key: 'c2' }, { key: 'c3' }, { key: 'abstain' }];
    expect(checkChoice(['c1', 'c2'], options, 'multiple', 2)).toEqual({ ok: true, keys: ['c1', 'c2'] });
    expect(checkChoice(['c1', 'c2', 'c3'], options, 'multiple', 2)).toEqual({ ok: false, error: 'tooManyMarks' });
    expect(checkChoice(['abstain', 'c1'], options, 'multiple', 2)).toEqual({ ok: false, error: 'abstainAlone' });
    expect(checkChoice(['abstain'], options, 'multiple', 2)).toEqual({ ok: true, keys: ['abstain'] });
    // Without a cap (a consultation's multiple choice), as before.
    expect(checkChoice(['c1', 'c2', 'c3'], options, 'multiple')).toEqual({ ok: true, keys: ['c1', 'c2', 'c3'] });
  });

  it('an announced matter takes no ballot yet', () => {
    expect(canCastBallot({ status: 'announced', startsAt: 0, endsAt: 10, allowChange: false }, true, null, 5)).toBe(
      'voteNotStarted',
    );
  });

  it('an organiser may close early only when everyone has voted', () => {
    const vote = { kind: 'consultation' as const, status: 'open', endsAt: 1000 };
    const secretary = new Set<import('../auth/roles').Role>(['branch_secretary']);
    expect(canCloseVote(secretary, vote, 999)).toBe('voteNotEnded');
    expect(canCloseVote(secretary, vote, 999, true)).toBeNull();
  });
});
