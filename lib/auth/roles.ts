/** Roles a person can hold; 'owner' is derived from the property register, never assigned. */
export const ASSIGNABLE_ROLES = [
  'tenant',
  'branch_secretary',
  'branch_member',
  'committee_chair',
  'committee_member',
  'resident_rep',
  'grid_worker',
  'guest',
  'property_staff',
  'community_worker',
  'street_staff',
  'district_admin',
] as const;

export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
export type Role = AssignableRole | 'owner';
export const SCOPE_TYPES = ['compound', 'company', 'community', 'street', 'district'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Roles held inside one compound (the "1+3+N"). */
export const COMPOUND_ROLES = [
  'tenant',
  'branch_secretary',
  'branch_member',
  'committee_chair',
  'committee_member',
  'resident_rep',
  'grid_worker',
  'guest',
] as const satisfies readonly AssignableRole[];

/** Roles that speak for a compound: a new name that passes for one of theirs needs staff to confirm it. */
export const OFFICIAL_ROLES = [
  'branch_secretary',
  'branch_member',
  'committee_chair',
  'committee_member',
  'resident_rep',
  'grid_worker',
] as const satisfies readonly AssignableRole[];

export type StaffRole = 'community_worker' | 'street_staff' | 'district_admin';

/** The scope each assignable role is held at. */
export const ROLE_SCOPE: Record<AssignableRole, ScopeType> = {
  tenant: 'compound',
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

export function isAssignableRole(value: string): value is AssignableRole {
  return (ASSIGNABLE_ROLES as readonly string[]).includes(value);
}

/** Kinds of invited participant ("N"). */
export const GUEST_KINDS = ['residents_committee', 'resident_unit', 'lawyer', 'deputy', 'volunteer'] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];
