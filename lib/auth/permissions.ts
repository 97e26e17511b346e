import {
  type AssignableRole,
  hasAny,
  REGISTER_READERS,
  ROLE_SCOPE,
  type Role,
  RUNS_COMPOUND,
  type ScopeType,
  STAFF_ROLES,
} from './roles';

/**
 * Who may do what, where. Pure functions over the actor and the object's place in the district;
 * server actions enforce them and pages use the same functions to show or hide controls.
 * Each `can*` returns null when allowed, or the reason it is not (a message key under `denied`).
 */

export interface Membership {
  role: AssignableRole;
  scopeType: ScopeType;
  scopeId: number;
}

export interface Actor {
  personId: number;
  name: string;
  partyMember: boolean;
  memberships: readonly Membership[];
  /** Compounds where the person is in a holder of at least one unit. */
  ownerCompoundIds: readonly number[];
}

/** A compound with its place in the ladder and the companies serving it. */
export interface CompoundPlace {
  id: number;
  communityId: number;
  streetId: number;
  districtId: number;
  companyIds: readonly number[];
}

/** A community's place, for acts above any one compound (creating a compound in it). */
export interface CommunityPlace {
  id: number;
  streetId: number;
  districtId: number;
}

export type Denial = 'not_member' | 'not_staff' | 'role_out_of_reach';

function has(actor: Actor, role: AssignableRole, scopeType: ScopeType, scopeId: number): boolean {
  return actor.memberships.some((m) => m.role === role && m.scopeType === scopeType && m.scopeId === scopeId);
}

/** Staff whose community, street or district contains the community. */
export function staffOverCommunity(actor: Actor, c: CommunityPlace): boolean {
  return (
    has(actor, 'community_worker', 'community', c.id) ||
    has(actor, 'street_staff', 'street', c.streetId) ||
    has(actor, 'district_admin', 'district', c.districtId)
  );
}

export function staffOverCompound(actor: Actor, c: CompoundPlace): boolean {
  return staffOverCommunity(actor, { id: c.communityId, streetId: c.streetId, districtId: c.districtId });
}

/** Every role the actor has in this compound, including oversight from above and service by their company. */
export function rolesIn(actor: Actor, c: CompoundPlace): Set<Role> {
  const roles = new Set<Role>();
  if (actor.ownerCompoundIds.includes(c.id)) roles.add('owner');
  for (const m of actor.memberships) {
    const inScope =
      (m.scopeType === 'compound' && m.scopeId === c.id) ||
      (m.scopeType === 'company' && c.companyIds.includes(m.scopeId)) ||
      (m.scopeType === 'community' && m.scopeId === c.communityId) ||
      (m.scopeType === 'street' && m.scopeId === c.streetId) ||
      (m.scopeType === 'district' && m.scopeId === c.districtId);
    if (inScope) roles.add(m.role);
  }
  return roles;
}

/** The property companies the actor works for (as property staff). */
export function companyIdsOf(actor: Pick<Actor, 'memberships'>): number[] {
  return actor.memberships
    .filter((m) => m.role === 'property_staff' && m.scopeType === 'company')
    .map((m) => m.scopeId);
}

/** Anyone with any role here may open the compound; everyone else is told it does not exist. */
export function canViewCompound(actor: Actor, c: CompoundPlace): Denial | null {
  return rolesIn(actor, c).size > 0 ? null : 'not_member';
}

/** Names, mobiles and areas of the register: those who run votes and the staff above. */
export function canViewRegister(actor: Actor, c: CompoundPlace): Denial | null {
  if (canViewCompound(actor, c)) return 'not_member';
  return hasAny(rolesIn(actor, c), REGISTER_READERS) || staffOverCompound(actor, c) ? null : 'not_staff';
}

/** Editing a compound, its buildings, its property companies and importing its register. */
export function canAdministerCompound(actor: Actor, c: CompoundPlace): Denial | null {
  if (canViewCompound(actor, c)) return 'not_member';
  return staffOverCompound(actor, c) ? null : 'not_staff';
}

export function canCreateCompound(actor: Actor, community: CommunityPlace): Denial | null {
  return staffOverCommunity(actor, community) ? null : 'not_staff';
}

export function isStaff(actor: Actor): boolean {
  return actor.memberships.some((m) => (STAFF_ROLES as readonly Role[]).includes(m.role));
}

/** The places a staff member looks after: the scopes of their community, street and district roles. */
export interface StaffReach {
  communityIds: number[];
  streetIds: number[];
  districtIds: number[];
}

export function staffReach(actor: Pick<Actor, 'memberships'>): StaffReach {
  const ids = (role: AssignableRole) => actor.memberships.filter((m) => m.role === role).map((m) => m.scopeId);
  return {
    communityIds: ids('community_worker'),
    streetIds: ids('street_staff'),
    districtIds: ids('district_admin'),
  };
}

/** Accounts are created by community, street and district staff. */
export function canCreateAccount(actor: Actor): Denial | null {
  return isStaff(actor) ? null : 'not_staff';
}

/** Where a role is to be given: the scope and, for compound and community scopes, its place. */
export type GrantTarget =
  | { scopeType: 'compound'; place: CompoundPlace }
  | { scopeType: 'community'; place: CommunityPlace }
  | { scopeType: 'street'; streetId: number; districtId: number }
  | { scopeType: 'district'; districtId: number }
  | { scopeType: 'company' };

/**
 * Giving or taking away a role. Staff act only within their reach, and below their own level (a
 * community worker cannot make street staff); only the district admin appoints street staff and
 * further district admins. Property staff are appointed by the district admin, as a company can
 * serve compounds across streets and any appointment opens every compound the company serves.
 */
export function canManageRole(actor: Actor, role: AssignableRole, target: GrantTarget): Denial | null {
  if (ROLE_SCOPE[role] !== target.scopeType) return 'role_out_of_reach';
  if (!isStaff(actor)) return 'not_staff';
  const districtAdminOf = (districtId: number) => has(actor, 'district_admin', 'district', districtId);
  switch (target.scopeType) {
    case 'compound':
      return staffOverCompound(actor, target.place) ? null : 'role_out_of_reach';
    case 'community':
      return has(actor, 'street_staff', 'street', target.place.streetId) || districtAdminOf(target.place.districtId)
        ? null
        : 'role_out_of_reach';
    case 'street':
    case 'district':
      return districtAdminOf(target.districtId) ? null : 'role_out_of_reach';
    case 'company':
      return actor.memberships.some((m) => m.role === 'district_admin') ? null : 'role_out_of_reach';
  }
}

/** What a dashboard shows its viewer: everything, or the part every member of the compound may see. */
export type DashboardView = 'full' | 'public';

/** A dashboard's place: a compound, or a community, street or district with its parents. */
export type DashboardTarget =
  | { level: 'compound'; place: CompoundPlace }
  | { level: 'community'; place: CommunityPlace }
  | { level: 'street'; streetId: number; districtId: number }
  | { level: 'district'; districtId: number };

/**
 * Who may open a dashboard, and how much of it: a compound's members (the public part, or all of
 * it for those who run its affairs and the staff above); above a compound only staff whose own
 * community, street or district contains it. Null: everyone else, who is told it does not exist.
 */
export function dashboardView(actor: Actor, t: DashboardTarget): DashboardView | null {
  switch (t.level) {
    case 'compound': {
      const roles = rolesIn(actor, t.place);
      if (roles.size === 0) return null;
      return staffOverCompound(actor, t.place) || hasAny(roles, RUNS_COMPOUND) ? 'full' : 'public';
    }
    case 'community':
      return staffOverCommunity(actor, t.place) ? 'full' : null;
    case 'street':
      return has(actor, 'street_staff', 'street', t.streetId) || has(actor, 'district_admin', 'district', t.districtId)
        ? 'full'
        : null;
    case 'district':
      return has(actor, 'district_admin', 'district', t.districtId) ? 'full' : null;
  }
}
