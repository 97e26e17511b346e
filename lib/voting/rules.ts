import { COMMITTEE, hasAny, type Roles } from '../auth/roles';
import { checkVoteMove, voteMoveFrom } from './lifecycle';

/**
 * Who may do what with a vote, and when. Each returns null when allowed, or a message key under
 * `errors`. Times are passed in (`now`), never read here.
 */

export type VoteKind = 'consultation' | 'council' | 'owners';

/** The secretary runs consultations and council votes; the owners' committee runs owners' decisions. */
export function canOpenVote(roles: Roles, kind: VoteKind): string | null {
  if (kind === 'owners') return hasAny(roles, COMMITTEE) ? null : 'cannotOpenOwnersVote';
  return roles.has('branch_secretary') ? null : 'cannotOpenVote';
}

/**
 * Whoever may open a vote of this kind (its organiser) may also close it, once its end time has
 * passed, or before it when every eligible voter has voted (`allVoted`): the close move of
 * lib/voting/lifecycle.ts.
 */
export function canCloseVote(
  roles: Roles,
  vote: { kind: VoteKind; status: string; startsAt?: number; endsAt: number },
  now: number,
  allVoted = false,
): string | null {
  if (canOpenVote(roles, vote.kind)) return 'forbidden';
  const close = voteMoveFrom('close_vote', vote.status);
  if (!close?.by.includes('organiser')) return 'voteClosed';
  return checkVoteMove(close, 'organiser', { startsAt: vote.startsAt ?? 0, endsAt: vote.endsAt }, now, allVoted);
}

export function isVoteOpen(vote: { status: string; startsAt: number; endsAt: number }, now: number): boolean {
  return vote.status === 'open' && now >= vote.startsAt && now < vote.endsAt;
}

export function canCastBallot(
  vote: { status: string; startsAt: number; endsAt: number; allowChange: boolean },
  eligible: boolean,
  existing: { channel: 'online' | 'paper' } | null,
  now: number,
): string | null {
  if (!eligible) return 'notEligible';
  // An assembly's matter in its notice period takes no ballots yet.
  if (vote.status === 'announced') return 'voteNotStarted';
  if (vote.status !== 'open' || now >= vote.endsAt) return 'voteClosed';
  if (now < vote.startsAt) return 'voteNotStarted';
  if (existing?.channel === 'paper') return 'paperExists';
  if (existing && !vote.allowChange) return 'alreadyVoted';
  return null;
}

/** The option that stands for "none of them" on an election or a choice ballot: it takes part without agreeing. */
export const ABSTAIN_KEY = 'abstain';

/**
 * Checks a choice against the vote's options and mode; returns the normalised keys or an error key.
 * `maxMarks` (an election's seats) caps a multiple choice; abstaining is then a choice of its own that
 * cannot be combined with a candidate.
 */
export function checkChoice(
  choice: readonly string[],
  options: readonly { key: string }[],
  mode: 'single' | 'multiple',
  maxMarks: number | null = null,
): { ok: true; keys: string[] } | { ok: false; error: string } {
  const keys = [...new Set(choice)];
  if (keys.length === 0) return { ok: false, error: 'chooseOption' };
  if (mode === 'single' && keys.length > 1) return { ok: false, error: 'oneOption' };
  const known = new Set(options.map((o) => o.key));
  if (!keys.every((k) => known.has(k))) return { ok: false, error: 'unknownOption' };
  if (maxMarks !== null) {
    if (keys.includes(ABSTAIN_KEY) && keys.length > 1) return { ok: false, error: 'abstainAlone' };
    if (keys.length > maxMarks) return { ok: false, error: 'tooManyMarks' };
  }
  return { ok: true, keys };
}

/** Paper ballots of an owners' decision are entered by the owners' committee. */
export function canEnterPaper(roles: Roles, vote: { kind: VoteKind; status: string }): string | null {
  if (vote.kind !== 'owners') return 'paperOnlyOwners';
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  return vote.status === 'open' ? null : 'voteClosed';
}

/** A second committee member confirms a paper entry; nobody confirms their own. */
export function canConfirmPaper(
  roles: Roles,
  vote: { kind: VoteKind; status: string },
  ballot: { castBy: number; confirmedBy: number | null },
  personId: number,
): string | null {
  const denied = canEnterPaper(roles, vote);
  if (denied) return denied;
  if (ballot.confirmedBy !== null) return 'alreadyConfirmed';
  return ballot.castBy === personId ? 'confirmOwn' : null;
}

/** Grid workers (and the organisers) see who has not voted yet, to go and remind them; never choices. */
export function canSeeNonVoters(roles: Roles, kind: VoteKind): string | null {
  if (roles.has('grid_worker')) return null;
  return canOpenVote(roles, kind) ? 'forbidden' : null;
}
