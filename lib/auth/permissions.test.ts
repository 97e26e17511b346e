import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type CommunityPlace,
  type CompoundPlace,
  canAdministerCompound,
  canCreateAccount,
  canCreateCompound,
  canManageRole,
  canViewCompound,
  canViewRegister,
  type Denial,
  type GrantTarget,
  type Membership,
  rolesIn,
} from './permissions';
import { ASSIGNABLE_ROLES, type AssignableRole, ROLE_SCOPE, type Role, type ScopeType } from './roles';

/*
 * Fixture district 1:
 *
 *   street 10 ── community 100 ── compound A (1000), served by company 7
 *            └─ community 101 ── compound B (1001), served by company 8
 *   street 11 ── community 102 ── compound C (1002), no company
 *
 * plus, for reach checks, street 20 of another district 2.
 */
const A: CompoundPlace = { id: 1000, communityId: 100, streetId: 10, districtId: 1, companyIds: [7] };
const B: CompoundPlace = { id: 1001, communityId: 101, streetId: 10, districtId: 1, companyIds: [8] };
const C: CompoundPlace = { id: 1002, communityId: 102, streetId: 11, districtId: 1, companyIds: [] };
const COMPOUNDS = { A, B, C } as const;
type CompoundKey = keyof typeof COMPOUNDS;
const COMPOUND_KEYS: readonly CompoundKey[] = ['A', 'B', 'C'];

const COMMUNITY_100: CommunityPlace = { id: 100, streetId: 10, districtId: 1 };
const COMMUNITY_101: CommunityPlace = { id: 101, streetId: 10, districtId: 1 };
const COMMUNITY_102: CommunityPlace = { id: 102, streetId: 11, districtId: 1 };

const OK = null;
const NOT_MEMBER = 'not_member';
const NOT_STAFF = 'not_staff';
const OUT_OF_REACH = 'role_out_of_reach';

let nextPersonId = 1;
function person(memberships: Membership[], opts: { owns?: number[]; partyMember?: boolean } = {}): Actor {
  const personId = nextPersonId++;
  return {
    personId,
    name: `person ${personId}`,
    partyMember: opts.partyMember ?? false,
    memberships,
    ownerCompoundIds: opts.owns ?? [],
  };
}

function m(role: AssignableRole, scopeType: ScopeType, scopeId: number): Membership {
  return { role, scopeType, scopeId };
}

const ACTORS = {
  ownerA: person([], { owns: [1000] }),
  tenantA: person([m('tenant', 'compound', 1000)]),
  familyA: person([m('family_member', 'compound', 1000)]),
  partyOwnerA: person([], { owns: [1000], partyMember: true }),
  branchSecretaryA: person([m('branch_secretary', 'compound', 1000)], { partyMember: true }),
  branchMemberA: person([m('branch_member', 'compound', 1000)], { partyMember: true }),
  committeeChairA: person([m('committee_chair', 'compound', 1000)]),
  committeeMemberA: person([m('committee_member', 'compound', 1000)]),
  residentRepA: person([m('resident_rep', 'compound', 1000)]),
  gridWorkerA: person([m('grid_worker', 'compound', 1000)]),
  guestA: person([m('guest', 'compound', 1000)]),
  property7: person([m('property_staff', 'company', 7)]),
  property8: person([m('property_staff', 'company', 8)]),
  community100: person([m('community_worker', 'community', 100)]),
  community102: person([m('community_worker', 'community', 102)]),
  street10: person([m('street_staff', 'street', 10)]),
  street11: person([m('street_staff', 'street', 11)]),
  district1: person([m('district_admin', 'district', 1)]),
  district2: person([m('district_admin', 'district', 2)]),
  nobody: person([]),
} as const satisfies Record<string, Actor>;
type ActorKey = keyof typeof ACTORS;

describe('fixture', () => {
  it('has an actor for every role, owner included', () => {
    const held = new Set<Role>();
    for (const actor of Object.values(ACTORS)) {
      for (const membership of actor.memberships) held.add(membership.role);
      if (actor.ownerCompoundIds.length > 0) held.add('owner');
    }
    expect([...held].sort()).toEqual([...ASSIGNABLE_ROLES, 'owner'].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Compound access: canViewCompound / canViewRegister / canAdministerCompound, for A, B and C.
// ---------------------------------------------------------------------------------------------

type Outcome = Denial | null;
type Triple = readonly [Outcome, Outcome, Outcome];
const ALL_OK: Triple = [OK, OK, OK];
const NONE: Triple = [NOT_MEMBER, NOT_MEMBER, NOT_MEMBER];

const ACCESS: Record<ActorKey, { view: Triple; register: Triple; administer: Triple }> = {
  // Each triple is the outcome in compounds [A, B, C].
  ownerA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  tenantA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  familyA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  partyOwnerA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  branchSecretaryA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [OK, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  branchMemberA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  committeeChairA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [OK, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  committeeMemberA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [OK, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  residentRepA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  gridWorkerA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  guestA: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  property7: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
    administer: [NOT_STAFF, NOT_MEMBER, NOT_MEMBER],
  },
  property8: {
    view: [NOT_MEMBER, OK, NOT_MEMBER],
    register: [NOT_MEMBER, NOT_STAFF, NOT_MEMBER],
    administer: [NOT_MEMBER, NOT_STAFF, NOT_MEMBER],
  },
  community100: {
    view: [OK, NOT_MEMBER, NOT_MEMBER],
    register: [OK, NOT_MEMBER, NOT_MEMBER],
    administer: [OK, NOT_MEMBER, NOT_MEMBER],
  },
  community102: {
    view: [NOT_MEMBER, NOT_MEMBER, OK],
    register: [NOT_MEMBER, NOT_MEMBER, OK],
    administer: [NOT_MEMBER, NOT_MEMBER, OK],
  },
  street10: {
    view: [OK, OK, NOT_MEMBER],
    register: [OK, OK, NOT_MEMBER],
    administer: [OK, OK, NOT_MEMBER],
  },
  street11: {
    view: [NOT_MEMBER, NOT_MEMBER, OK],
    register: [NOT_MEMBER, NOT_MEMBER, OK],
    administer: [NOT_MEMBER, NOT_MEMBER, OK],
  },
  district1: { view: ALL_OK, register: ALL_OK, administer: ALL_OK },
  district2: { view: NONE, register: NONE, administer: NONE },
  nobody: { view: NONE, register: NONE, administer: NONE },
};

describe('compound access (view / register / administer), every actor × compound', () => {
  for (const [actorKey, expected] of Object.entries(ACCESS)) {
    const actor = ACTORS[actorKey as ActorKey];
    COMPOUND_KEYS.forEach((compoundKey, column) => {
      it(`${actorKey} in ${compoundKey}`, () => {
        const c = COMPOUNDS[compoundKey];
        expect({
          view: canViewCompound(actor, c),
          register: canViewRegister(actor, c),
          administer: canAdministerCompound(actor, c),
        }).toEqual({
          view: expected.view[column],
          register: expected.register[column],
          administer: expected.administer[column],
        });
      });
    });
  }
});

describe('rolesIn', () => {
  const roles = (actor: Actor, c: CompoundPlace) => [...rolesIn(actor, c)].sort();

  it('gives property staff their role only in compounds their company serves', () => {
    expect(roles(ACTORS.property7, A)).toEqual(['property_staff']);
    expect(roles(ACTORS.property7, B)).toEqual([]);
    expect(roles(ACTORS.property7, C)).toEqual([]);
    expect(roles(ACTORS.property8, B)).toEqual(['property_staff']);
  });

  it('derives owner from the register, not from a membership', () => {
    expect(roles(ACTORS.ownerA, A)).toEqual(['owner']);
    expect(roles(ACTORS.ownerA, B)).toEqual([]);
    expect(roles(ACTORS.partyOwnerA, A)).toEqual(['owner']);
  });

  it('gives staff their role in every compound below them, and nowhere else', () => {
    expect(roles(ACTORS.community100, A)).toEqual(['community_worker']);
    expect(roles(ACTORS.community100, B)).toEqual([]);
    expect(roles(ACTORS.street10, B)).toEqual(['street_staff']);
    expect(roles(ACTORS.street10, C)).toEqual([]);
    expect(roles(ACTORS.district1, C)).toEqual(['district_admin']);
    expect(roles(ACTORS.district2, C)).toEqual([]);
  });

  it('collects several roles of one person', () => {
    const both = person([m('committee_member', 'compound', 1000), m('grid_worker', 'compound', 1001)], {
      owns: [1000, 1002],
    });
    expect(roles(both, A)).toEqual(['committee_member', 'owner']);
    expect(roles(both, B)).toEqual(['grid_worker']);
    expect(roles(both, C)).toEqual(['owner']);
  });

  it('does not confuse scopes that share an id', () => {
    // Community 1000 and company 1000 are not compound 1000.
    const confusing = person([m('community_worker', 'community', 1000), m('property_staff', 'company', 1000)]);
    expect(roles(confusing, A)).toEqual([]);
    // Compound-scoped role with a community's id.
    expect(roles(person([m('tenant', 'compound', 100)]), A)).toEqual([]);
  });

  it('has nothing for a person with no roles', () => {
    expect(roles(ACTORS.nobody, A)).toEqual([]);
  });
});

describe('canCreateCompound', () => {
  // Outcomes in communities [100, 101, 102].
  const TABLE: [ActorKey, Triple][] = [
    ['community100', [OK, NOT_STAFF, NOT_STAFF]],
    ['community102', [NOT_STAFF, NOT_STAFF, OK]],
    ['street10', [OK, OK, NOT_STAFF]],
    ['street11', [NOT_STAFF, NOT_STAFF, OK]],
    ['district1', [OK, OK, OK]],
    ['district2', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
    ['branchSecretaryA', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
    ['committeeChairA', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
    ['property7', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
    ['ownerA', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
    ['nobody', [NOT_STAFF, NOT_STAFF, NOT_STAFF]],
  ];
  for (const [actorKey, expected] of TABLE) {
    it(actorKey, () => {
      const actor = ACTORS[actorKey];
      expect([COMMUNITY_100, COMMUNITY_101, COMMUNITY_102].map((c) => canCreateCompound(actor, c))).toEqual(expected);
    });
  }
});

describe('canCreateAccount', () => {
  const EXPECTED: Record<ActorKey, Outcome> = {
    ownerA: NOT_STAFF,
    tenantA: NOT_STAFF,
    familyA: NOT_STAFF,
    partyOwnerA: NOT_STAFF,
    branchSecretaryA: NOT_STAFF,
    branchMemberA: NOT_STAFF,
    committeeChairA: NOT_STAFF,
    committeeMemberA: NOT_STAFF,
    residentRepA: NOT_STAFF,
    gridWorkerA: NOT_STAFF,
    guestA: NOT_STAFF,
    property7: NOT_STAFF,
    property8: NOT_STAFF,
    community100: OK,
    community102: OK,
    street10: OK,
    street11: OK,
    district1: OK,
    district2: OK,
    nobody: NOT_STAFF,
  };
  for (const [actorKey, expected] of Object.entries(EXPECTED)) {
    it(`${actorKey} → ${expected ?? 'allowed'}`, () => {
      expect(canCreateAccount(ACTORS[actorKey as ActorKey])).toBe(expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// canManageRole: every assignable role × every target, for the staff ladder and a non-staff.
// ---------------------------------------------------------------------------------------------

const TARGETS = {
  A: { scopeType: 'compound', place: A },
  B: { scopeType: 'compound', place: B },
  C: { scopeType: 'compound', place: C },
  c100: { scopeType: 'community', place: COMMUNITY_100 },
  c101: { scopeType: 'community', place: COMMUNITY_101 },
  c102: { scopeType: 'community', place: COMMUNITY_102 },
  s10: { scopeType: 'street', streetId: 10, districtId: 1 },
  s11: { scopeType: 'street', streetId: 11, districtId: 1 },
  s20: { scopeType: 'street', streetId: 20, districtId: 2 },
  d1: { scopeType: 'district', districtId: 1 },
  d2: { scopeType: 'district', districtId: 2 },
  company: { scopeType: 'company' },
} as const satisfies Record<string, GrantTarget>;
type TargetKey = keyof typeof TARGETS;
const TARGET_KEYS = Object.keys(TARGETS) as TargetKey[];

/** Where each role is held, written out here rather than read from ROLE_SCOPE. */
const SCOPE_OF: Record<AssignableRole, ScopeType> = {
  tenant: 'compound',
  family_member: 'compound',
  branch_secretary: 'compound',
  branch_member: 'compound',
  committee_chair: 'compound',
  committee_member: 'compound',
  resident_rep: 'compound',
  grid_worker: 'compound',
  guest: 'compound',
  property_staff: 'company',
  community_worker: 'community',
  street_staff: 'street',
  district_admin: 'district',
};

/**
 * For each role, the outcome at every target of that role's scope. Targets of any other scope are
 * a role/scope mismatch, expected to be refused with 'role_out_of_reach' for everyone.
 */
type ManageTable = Record<AssignableRole, Partial<Record<TargetKey, Outcome>>>;
type CompoundRow = { A: Outcome; B: Outcome; C: Outcome };

/** The eight roles held inside a compound are all granted by the same people. */
function compoundRoles(row: CompoundRow) {
  return {
    tenant: row,
    family_member: row,
    branch_secretary: row,
    branch_member: row,
    committee_chair: row,
    committee_member: row,
    resident_rep: row,
    grid_worker: row,
    guest: row,
  };
}

const MANAGE: Partial<Record<ActorKey, ManageTable>> = {
  community100: {
    ...compoundRoles({ A: OK, B: OUT_OF_REACH, C: OUT_OF_REACH }),
    property_staff: { company: OUT_OF_REACH },
    community_worker: { c100: OUT_OF_REACH, c101: OUT_OF_REACH, c102: OUT_OF_REACH },
    street_staff: { s10: OUT_OF_REACH, s11: OUT_OF_REACH, s20: OUT_OF_REACH },
    district_admin: { d1: OUT_OF_REACH, d2: OUT_OF_REACH },
  },
  street10: {
    ...compoundRoles({ A: OK, B: OK, C: OUT_OF_REACH }),
    property_staff: { company: OUT_OF_REACH },
    community_worker: { c100: OK, c101: OK, c102: OUT_OF_REACH },
    street_staff: { s10: OUT_OF_REACH, s11: OUT_OF_REACH, s20: OUT_OF_REACH },
    district_admin: { d1: OUT_OF_REACH, d2: OUT_OF_REACH },
  },
  district1: {
    ...compoundRoles({ A: OK, B: OK, C: OK }),
    property_staff: { company: OK },
    community_worker: { c100: OK, c101: OK, c102: OK },
    street_staff: { s10: OK, s11: OK, s20: OUT_OF_REACH },
    district_admin: { d1: OK, d2: OUT_OF_REACH },
  },
  branchSecretaryA: {
    ...compoundRoles({ A: NOT_STAFF, B: NOT_STAFF, C: NOT_STAFF }),
    property_staff: { company: NOT_STAFF },
    community_worker: { c100: NOT_STAFF, c101: NOT_STAFF, c102: NOT_STAFF },
    street_staff: { s10: NOT_STAFF, s11: NOT_STAFF, s20: NOT_STAFF },
    district_admin: { d1: NOT_STAFF, d2: NOT_STAFF },
  },
  property7: {
    ...compoundRoles({ A: NOT_STAFF, B: NOT_STAFF, C: NOT_STAFF }),
    property_staff: { company: NOT_STAFF },
    community_worker: { c100: NOT_STAFF, c101: NOT_STAFF, c102: NOT_STAFF },
    street_staff: { s10: NOT_STAFF, s11: NOT_STAFF, s20: NOT_STAFF },
    district_admin: { d1: NOT_STAFF, d2: NOT_STAFF },
  },
};

describe('canManageRole, every role × target', () => {
  it('the written-out scope of each role matches ROLE_SCOPE', () => {
    expect(ROLE_SCOPE).toEqual(SCOPE_OF);
  });

  for (const [actorKey, table] of Object.entries(MANAGE)) {
    const actor = ACTORS[actorKey as ActorKey];
    describe(actorKey, () => {
      for (const role of ASSIGNABLE_ROLES) {
        it(role, () => {
          const row = table[role];
          // The table lists exactly the targets of the role's own scope.
          const sameScope = TARGET_KEYS.filter((t) => TARGETS[t].scopeType === SCOPE_OF[role]);
          expect(Object.keys(row).sort()).toEqual([...sameScope].sort());

          const expected: Record<string, Outcome> = {};
          const actual: Record<string, Outcome> = {};
          for (const t of TARGET_KEYS) {
            const listed = row[t];
            expected[t] = listed === undefined ? OUT_OF_REACH : listed;
            actual[t] = canManageRole(actor, role, TARGETS[t]);
          }
          expect(actual).toEqual(expected);
        });
      }
    });
  }
});

describe('canManageRole, the rules in words', () => {
  it('a community worker cannot grant community_worker or street_staff, even in their own community', () => {
    expect(canManageRole(ACTORS.community100, 'community_worker', TARGETS.c100)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.community100, 'street_staff', TARGETS.s10)).toBe(OUT_OF_REACH);
  });

  it('a community worker grants compound roles in their own community only', () => {
    expect(canManageRole(ACTORS.community100, 'committee_chair', TARGETS.A)).toBe(OK);
    expect(canManageRole(ACTORS.community100, 'committee_chair', TARGETS.B)).toBe(OUT_OF_REACH);
  });

  it('street staff grant community_worker in their own street only, and never street_staff', () => {
    expect(canManageRole(ACTORS.street10, 'community_worker', TARGETS.c100)).toBe(OK);
    expect(canManageRole(ACTORS.street10, 'community_worker', TARGETS.c102)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.street11, 'community_worker', TARGETS.c102)).toBe(OK);
    expect(canManageRole(ACTORS.street10, 'street_staff', TARGETS.s10)).toBe(OUT_OF_REACH);
  });

  it('a district admin grants street_staff and district_admin in their own district only', () => {
    expect(canManageRole(ACTORS.district1, 'street_staff', TARGETS.s11)).toBe(OK);
    expect(canManageRole(ACTORS.district1, 'district_admin', TARGETS.d1)).toBe(OK);
    expect(canManageRole(ACTORS.district1, 'street_staff', TARGETS.s20)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'district_admin', TARGETS.d2)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district2, 'district_admin', TARGETS.d1)).toBe(OUT_OF_REACH);
  });

  it('property staff are appointed by the district admin only', () => {
    expect(canManageRole(ACTORS.street11, 'property_staff', TARGETS.company)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'property_staff', TARGETS.company)).toBe(OK);
    expect(canManageRole(ACTORS.community100, 'property_staff', TARGETS.company)).toBe(OUT_OF_REACH);
  });

  it('refuses a role given at a scope it is not held at, before asking who is acting', () => {
    expect(canManageRole(ACTORS.district1, 'tenant', TARGETS.c100)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'community_worker', TARGETS.A)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'property_staff', TARGETS.d1)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'district_admin', TARGETS.s10)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.nobody, 'tenant', TARGETS.c100)).toBe(OUT_OF_REACH);
  });

  it('a branch secretary, who runs the compound, still cannot hand out roles in it', () => {
    expect(canManageRole(ACTORS.branchSecretaryA, 'branch_member', TARGETS.A)).toBe(NOT_STAFF);
    expect(canManageRole(ACTORS.branchSecretaryA, 'branch_secretary', TARGETS.A)).toBe(NOT_STAFF);
  });

  it('no staff member can grant their own role at their own scope, except the district admin', () => {
    expect(canManageRole(ACTORS.community100, 'community_worker', TARGETS.c100)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.street10, 'street_staff', TARGETS.s10)).toBe(OUT_OF_REACH);
    expect(canManageRole(ACTORS.district1, 'district_admin', TARGETS.d1)).toBe(OK);
  });
});
