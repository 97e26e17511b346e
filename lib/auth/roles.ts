/**
 * The one role vocabulary (docs/domain/mechanism.md: "1+3+N"). Every rules module, the topic
 * lifecycle, the audiences that SQL selects and the UI name a group of people by one of the sets
 * below, never by spelling its roles out again. The permissions module (permissions.ts) decides
 * *where* a person holds a role; the feature rules decide *what* each set may do.
 */

/** Roles a person can hold; 'owner' is derived from the property register, never assigned. */
export const ASSIGNABLE_ROLES = [
  'tenant',
  /** A member of an owner's household who lives there (家庭成员): joins by request, like a tenant. */
  'family_member',
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

/** The scope each assignable role is held at. */
export const ROLE_SCOPE: Record<AssignableRole, ScopeType> = {
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

/** Kinds of invited participant ("N"). */
export const GUEST_KINDS = ['residents_committee', 'resident_unit', 'lawyer', 'deputy', 'volunteer'] as const;
export type GuestKind = (typeof GUEST_KINDS)[number];

/** A person's roles in one compound, as permissions.ts rolesIn finds them. */
export type Roles = ReadonlySet<Role>;
/** A named group of roles. */
export type RoleSet = readonly Role[];

/** Whether someone with `roles` belongs to the group `set`. */
export function hasAny(roles: Roles, set: RoleSet): boolean {
  return set.some((r) => roles.has(r));
}

// ── The parties of the "1+3" ──

/** The compound's party branch (the "1"): it convenes and moderates. */
export const BRANCH = ['branch_secretary', 'branch_member'] as const satisfies RoleSet;
/** The owners' committee (业委会). */
export const COMMITTEE = ['committee_chair', 'committee_member'] as const satisfies RoleSet;
/** The property company's staff. */
export const PROPERTY = ['property_staff'] as const satisfies RoleSet;
/** Community, street and district staff: they look after compounds from above. */
export const STAFF_ROLES = ['community_worker', 'street_staff', 'district_admin'] as const satisfies RoleSet;

/**
 * The bodies that speak or act as one: each posts one official position (branch, committee,
 * property) and can be made responsible for a task (also the community).
 */
export const PARTY_ROLES = {
  branch: BRANCH,
  committee: COMMITTEE,
  property: PROPERTY,
  community: ['community_worker'],
} as const satisfies Record<string, RoleSet>;
export type Party = keyof typeof PARTY_ROLES;
/** The parties that post an official position on a topic (立场). */
export const POSITION_PARTIES = ['branch', 'property', 'committee'] as const satisfies readonly Party[];
export type PositionParty = (typeof POSITION_PARTIES)[number];
/** The parties a task can be given to, in the order the decision form offers them. */
export const TASK_PARTIES = ['property', 'committee', 'branch', 'community'] as const satisfies readonly Party[];
export type TaskParty = (typeof TASK_PARTIES)[number];

// ── Who does what (the feature rules say what each may do) ──

/** Those who live in the compound: they object to decisions and rate how they were carried out. */
export const RESIDENTS = [
  'owner',
  'tenant',
  'family_member',
  ...BRANCH,
  ...COMMITTEE,
  'resident_rep',
] as const satisfies RoleSet;
/** Those who live or serve inside the compound raise and co-sign topics (step 1, 议题征集). */
export const RAISERS = [...RESIDENTS, 'grid_worker'] as const satisfies RoleSet;
/** Step 2 (议题审核) is the branch secretary's, with the owners' committee chair. */
export const REVIEWERS = ['branch_secretary', 'committee_chair'] as const satisfies RoleSet;
/** Steps 5–6: the secretary (with the committee chair) records and publishes decisions, answers objections, escalates. */
export const DECIDERS = ['branch_secretary', 'committee_chair'] as const satisfies RoleSet;
/** Step 4 (表决): those who open and close votes (lib/voting/rules.ts says which kind whom). */
export const VOTE_ORGANISERS = ['branch_secretary', ...COMMITTEE] as const satisfies RoleSet;
/** The secretary moderates the discussion and convenes deliberation meetings (议事会). */
export const MODERATORS = ['branch_secretary'] as const satisfies RoleSet;
/** A council vote's electorate in the compound (with the staff of each serving property company). */
export const COUNCIL = [...BRANCH, ...COMMITTEE, 'resident_rep'] as const satisfies RoleSet;
/** Those who can be a task's responsible party; the task names which party (lib/followthrough/rules.ts). */
export const TASK_DOERS = [...PROPERTY, ...COMMITTEE, ...BRANCH, ...PARTY_ROLES.community] as const satisfies RoleSet;
/** Those who run the compound's affairs: they see all of its dashboard and the register of who has not voted. */
export const RUNS_COMPOUND = [
  'branch_secretary',
  ...COMMITTEE,
  'property_staff',
  'grid_worker',
] as const satisfies RoleSet;
/** Those who run votes read the register of units, areas and holders. */
export const REGISTER_READERS = ['branch_secretary', ...COMMITTEE] as const satisfies RoleSet;
/** Roles that speak for a compound: a new name that passes for one of theirs needs staff to confirm it. */
export const OFFICIAL_ROLES = [...BRANCH, ...COMMITTEE, 'resident_rep', 'grid_worker'] as const satisfies RoleSet;

/** Those who join a unit by request (lib/households): they live there until a move-out date, never vote as owners. */
export const HOUSEHOLD_JOINERS = ['tenant', 'family_member'] as const satisfies RoleSet;
