import { type Actor, type CompoundPlace, rolesIn, staffOverCompound } from '../auth/permissions';
import { COMMITTEE, hasAny, type Roles } from '../auth/roles';

/**
 * Who may do what with a compound's households (docs/decisions/0018-households.md). Pure: the permissions module
 * says where a person holds a role; these say what each may do here.
 */

/**
 * Activation letters hand over an account (whoever holds a code and knows the name opens it), so only community
 * workers and above over the compound may make them, each holder wholly within their reach, or the owners'
 * committee for its own compound, each holder with no place elsewhere (db/activation/eligible.ts).
 */
export type LetterAuthority = 'staff' | 'committee';

export function letterAuthority(actor: Actor, compound: CompoundPlace): LetterAuthority | null {
  if (staffOverCompound(actor, compound)) return 'staff';
  return hasAny(rolesIn(actor, compound), COMMITTEE) ? 'committee' : null;
}

/** Those who answer requests to join a unit besides the holder's voter: the grid worker and the branch secretary. */
export const JOIN_ANSWERERS = ['grid_worker', 'branch_secretary'] as const;

export function answersJoinRequests(roles: Roles): boolean {
  return hasAny(roles, JOIN_ANSWERERS);
}

/** The households page: letters, join requests, tenants. */
export function seesHouseholds(actor: Actor, compound: CompoundPlace): boolean {
  return letterAuthority(actor, compound) !== null || answersJoinRequests(rolesIn(actor, compound));
}

/** A change of owner rewrites the register: community workers and above only (they also import it). */
export function recordsTransfers(actor: Actor, compound: CompoundPlace): boolean {
  return staffOverCompound(actor, compound);
}

/** Whether a tenancy (or family membership) ending at `endsAt` still holds at `now`. */
export function stillLivesThere(endsAt: number | null, now: number): boolean {
  return endsAt === null || now < endsAt;
}

/**
 * Co-owners change who casts the household's ballot only when every co-owner has confirmed (the issue: "both
 * confirming"). The proposer's confirmation counts; the proposed voter must be one of them.
 */
export function voterChangeComplete(members: readonly number[], confirmedBy: readonly number[]): boolean {
  return members.length > 0 && members.every((m) => confirmedBy.includes(m));
}

/** How a person votes for a unit in owners' decisions. */
export type VotingWay = 'self' | 'co_owner' | 'proxy' | 'none';

export function votingWay(personId: number, holderVoterId: number | null, proxyPersonId: number | null): VotingWay {
  if (proxyPersonId !== null && proxyPersonId !== personId) return 'proxy';
  if (holderVoterId === personId) return 'self';
  return holderVoterId === null ? 'none' : 'co_owner';
}
