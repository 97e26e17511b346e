import {
  hasAny,
  MODERATORS,
  PARTY_ROLES,
  POSITION_PARTIES,
  type PositionParty,
  RAISERS,
  type Roles,
} from '../auth/roles';
import { OPEN_FOR_COSIGN, OPEN_FOR_DISCUSSION, type TopicStatus } from './lifecycle';

/**
 * Who may take part in deliberation, and how. Each `can*` returns null when allowed, or a message
 * key under `errors` saying why not. Roles are the actor's roles in the topic's compound
 * (lib/auth/permissions.ts rolesIn).
 */

export function canRaiseTopic(roles: Roles): string | null {
  return hasAny(roles, RAISERS) ? null : 'cannotRaise';
}

export function canCosign(
  roles: Roles,
  topic: { status: TopicStatus; authorId: number },
  personId: number,
  alreadyCosigned: boolean,
): string | null {
  if (!hasAny(roles, RAISERS)) return 'cannotCosign';
  if (topic.authorId === personId) return 'cosignOwn';
  if (alreadyCosigned) return 'alreadyCosigned';
  if (!OPEN_FOR_COSIGN.includes(topic.status)) return 'wrongState';
  return null;
}

/** Everyone in the compound discusses, "N" guests and staff included (step 3, 协商议事). */
export function canComment(roles: Roles, topic: { status: TopicStatus }): string | null {
  if (roles.size === 0) return 'forbidden';
  return OPEN_FOR_DISCUSSION.includes(topic.status) ? null : 'wrongState';
}

export type { PositionParty };

/** The parties of the "3" this person may speak for. */
export function partiesFor(roles: Roles): PositionParty[] {
  return POSITION_PARTIES.filter((p) => hasAny(roles, PARTY_ROLES[p]));
}

export function canPostPosition(roles: Roles, party: PositionParty, topic: { status: TopicStatus }): string | null {
  if (!hasAny(roles, PARTY_ROLES[party])) return 'notYourParty';
  return OPEN_FOR_DISCUSSION.includes(topic.status) ? null : 'wrongState';
}

export function canReportComment(
  roles: Roles,
  comment: { authorId: number; hidden: boolean },
  personId: number,
  alreadyReported: boolean,
): string | null {
  if (roles.size === 0) return 'forbidden';
  if (comment.authorId === personId) return 'reportOwn';
  if (comment.hidden) return 'alreadyHidden';
  return alreadyReported ? 'alreadyReported' : null;
}

/** Moderation is the branch secretary's: a comment is hidden with a reason, never deleted. */
export function canModerate(roles: Roles): string | null {
  return hasAny(roles, MODERATORS) ? null : 'forbidden';
}

/** Whether a hidden comment's text is shown to this person: its author and the moderators. */
export function seesHiddenText(roles: Roles, comment: { authorId: number }, personId: number): boolean {
  return comment.authorId === personId || hasAny(roles, MODERATORS);
}

/** The secretary convenes deliberation meetings (议事会). */
export function canManageMeetings(roles: Roles): string | null {
  return hasAny(roles, MODERATORS) ? null : 'forbidden';
}

/** A meeting is scheduled for now or later; a few minutes' grace for the time it takes to fill the form in. */
export const MEETING_GRACE_MS = 5 * 60_000;

export function checkMeetingTime(startsAt: number, now: number): 'meetingPast' | null {
  return startsAt < now - MEETING_GRACE_MS ? 'meetingPast' : null;
}

export function canFollow(roles: Roles): string | null {
  return roles.size > 0 ? null : 'forbidden';
}
