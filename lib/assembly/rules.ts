import { BRANCH, COMMITTEE, hasAny, type RoleSet, type Roles, STAFF_ROLES } from '../auth/roles';

/**
 * Who may do what with an owners' assembly (业主大会), and when (docs/domain/owners-assembly.md).
 * Each `can*` returns null when allowed, or a message key under `errors`. Times are passed in.
 */

export const DAY_MS = 86_400_000;

/** In the compound, those told of an assembly besides its owners: the branch, the committee, and the grid workers who deliver paper notices. */
export const NOTICE_OFFICIALS = [...BRANCH, ...COMMITTEE, 'grid_worker'] as const satisfies RoleSet;
/** Above the compound, the residents' committee is told (指导规则 Art. 14): the community's workers. */
export const NOTICE_COMMUNITY = ['community_worker'] as const satisfies RoleSet;

/** 物业管理条例 Art. 14: the assembly is announced at least 15 days before it is held. The floor of every rule below. */
export const LEGAL_MIN_NOTICE_DAYS = 15;

/** A compound's rules of procedure (议事规则) for its assemblies, with the law's floor where there is one. */
export interface AssemblyRules {
  /** Days from the announcement to the opening of the vote: the compound's rule, at least the district's minimum. */
  noticeDays: number;
  /** The shortest voting period. */
  votingMinDays: number;
  /** How many holders one person may vote for by proxy (against ballot harvesting). */
  maxProxies: number;
  /** Members of the owners' committee: odd, 5–11 (指导规则 Art. 31 ff.). */
  committeeSeats: number;
  /** Alternates (候补) elected beside them, 0 when the rules have none. */
  committeeAlternates: number;
  /** Days after the close at which the elected committee takes office and the old one's roles end. */
  handoverDays: number;
}

export const DEFAULT_ASSEMBLY_RULES: AssemblyRules = {
  noticeDays: LEGAL_MIN_NOTICE_DAYS,
  votingMinDays: 7,
  maxProxies: 3,
  committeeSeats: 5,
  committeeAlternates: 0,
  handoverDays: 7,
};

/** The notice period that applies: the compound's rule, never below the district's minimum or the law's. */
export function effectiveNoticeDays(compoundDays: number, districtMinDays: number): number {
  return Math.max(compoundDays, districtMinDays, LEGAL_MIN_NOTICE_DAYS);
}

export interface Schedule {
  /** When the announcement is made (now). */
  announcedAt: number;
  /** The date by which objections to the register (area, holder) must be raised. */
  objectionsUntil: number;
  startsAt: number;
  endsAt: number;
}

export type ScheduleProblem = { field: keyof Schedule; key: string; values?: Record<string, string | number> };

/**
 * A schedule that meets the rules: voting opens no earlier than the notice period after the
 * announcement; it lasts at least the minimum voting period; objections close after now and no later
 * than the opening, so a correction can still change the electorate before it is used.
 * Exactly the period is enough (以上 includes the number, Civil Code Art. 1259).
 */
export function checkSchedule(s: Schedule, rules: Pick<AssemblyRules, 'noticeDays' | 'votingMinDays'>) {
  const problems: ScheduleProblem[] = [];
  if (s.startsAt - s.announcedAt < rules.noticeDays * DAY_MS) {
    problems.push({ field: 'startsAt', key: 'noticeTooShort', values: { days: rules.noticeDays } });
  }
  if (s.endsAt - s.startsAt < rules.votingMinDays * DAY_MS) {
    problems.push({ field: 'endsAt', key: 'votingTooShort', values: { days: rules.votingMinDays } });
  }
  if (s.objectionsUntil <= s.announcedAt || s.objectionsUntil > s.startsAt) {
    problems.push({ field: 'objectionsUntil', key: 'objectionsWindow' });
  }
  return problems;
}

export type AssemblyStatus = 'announced' | 'open' | 'closed';

/** The owners' committee calls the assembly (条例 Art. 13–14: the committee convenes it). */
export function canAnnounceAssembly(roles: Roles): string | null {
  return hasAny(roles, COMMITTEE) ? null : 'cannotAnnounce';
}

/** The grid worker delivers paper notices door to door; the committee, branch and staff above may print the list. */
export function canSeeDeliveryList(roles: Roles): string | null {
  if (hasAny(roles, [...COMMITTEE, 'branch_secretary', 'grid_worker', ...STAFF_ROLES])) return null;
  return 'forbidden';
}

/** An owner objects to the register entry of a unit they hold, from the announcement until the close. */
export function canObjectToRegister(assembly: { status: AssemblyStatus }, holdsUnit: boolean): string | null {
  if (!holdsUnit) return 'notYourUnit';
  return assembly.status === 'closed' ? 'assemblyClosed' : null;
}

export type ObjectionOutcome = 'corrected' | 'dismissed' | 'noted';

/**
 * The committee answers an objection. Before the opening it may correct the register (and with it the
 * frozen electorate); from the opening on nothing changes: it is noted against the result or dismissed.
 */
export function canAnswerRegisterObjection(
  roles: Roles,
  assembly: { status: AssemblyStatus; startsAt: number },
  objection: { answeredAt: number | null },
  outcome: ObjectionOutcome,
  now: number,
): string | null {
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  if (objection.answeredAt !== null) return 'alreadyAnswered';
  const beforeOpening = assembly.status === 'announced' && now < assembly.startsAt;
  if (outcome === 'corrected' && !beforeOpening) return 'tooLateToCorrect';
  if (outcome === 'noted' && beforeOpening) return 'correctOrDismiss';
  return null;
}

export type ProxyStatus = 'submitted' | 'checked' | 'effective' | 'rejected' | 'withdrawn';
/** Proxies that hold a place on the agent's list (the limit counts them). */
export const ACTIVE_PROXY: readonly ProxyStatus[] = ['submitted', 'checked', 'effective'];

/** The holder's voter authorises an agent while the assembly has not closed and before anyone voted for the holder. */
export function canGrantProxy(
  assembly: { status: AssemblyStatus; endsAt: number },
  holder: { hasBallot: boolean; hasActiveProxy: boolean },
  now: number,
): string | null {
  if (assembly.status === 'closed' || now >= assembly.endsAt) return 'assemblyClosed';
  if (holder.hasBallot) return 'alreadyVoted';
  return holder.hasActiveProxy ? 'proxyExists' : null;
}

/** The agent: another person, with an account, holding fewer than the compound's maximum of proxies. */
export function checkAgent(
  agent: { personId: number; hasAccount: boolean; activeProxies: number } | null,
  grantorId: number,
  maxProxies: number,
): string | null {
  if (!agent) return 'agentNotFound';
  if (agent.personId === grantorId) return 'proxySelf';
  if (!agent.hasAccount) return 'agentNoAccount';
  return agent.activeProxies >= maxProxies ? 'agentFull' : null;
}

export interface ProxyState {
  status: ProxyStatus;
  grantorId: number;
  checkedBy: number | null;
}

/**
 * The four-eyes rule of paper ballots (lib/voting/rules.ts canConfirmPaper) for authorisations: one
 * committee member checks the signed document, a different one confirms it, and only then may the agent vote.
 */
export function canReviewProxy(
  roles: Roles,
  proxy: ProxyState,
  step: 'check' | 'confirm' | 'reject',
  personId: number,
): string | null {
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  if (step === 'check') return proxy.status === 'submitted' ? null : 'proxyNotPending';
  if (step === 'confirm') {
    if (proxy.status !== 'checked') return 'proxyNotPending';
    return proxy.checkedBy === personId ? 'confirmOwnCheck' : null;
  }
  return proxy.status === 'submitted' || proxy.status === 'checked' ? null : 'proxyNotPending';
}

/** The holder's voter withdraws the authorisation until the agent has voted with it. */
export function canWithdrawProxy(proxy: ProxyState, personId: number, used: boolean): string | null {
  if (proxy.grantorId !== personId) return 'forbidden';
  if (!ACTIVE_PROXY.includes(proxy.status)) return 'proxyNotPending';
  return used ? 'proxyUsed' : null;
}

/**
 * Whose ballot a holder's is: the first of the holder's own voter and an effective agent to vote in the
 * assembly speaks for the holder in all its matters; the other may not vote any more.
 */
export function canVoteAs(
  as: 'holder' | 'agent',
  state: { proxyEffective: boolean; votedByHolder: boolean; votedByAgent: boolean },
): string | null {
  if (as === 'agent') {
    if (!state.proxyEffective) return 'notEligible';
    return state.votedByHolder ? 'holderVotedFirst' : null;
  }
  return state.votedByAgent ? 'agentVotedFirst' : null;
}

/** The committee closes an open assembly after its end time, or early when every eligible voter has voted on every matter. */
export function canCloseAssembly(
  roles: Roles,
  assembly: { status: AssemblyStatus; endsAt: number },
  now: number,
  allVoted: boolean,
): string | null {
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  if (assembly.status !== 'open') return assembly.status === 'closed' ? 'voteClosed' : 'voteNotStarted';
  return now >= assembly.endsAt || allVoted ? null : 'notAllVoted';
}

/** Nominations for the owners' committee: the committee opens them on a topic under deliberation. */
export function canOpenNominations(roles: Roles, topicStatus: string): string | null {
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  return topicStatus === 'deliberating' ? null : 'wrongState';
}

/** An owner nominates themself or another owner of the compound while the topic is still under deliberation. */
export function canNominate(roles: Roles, call: { open: boolean }, topicStatus: string): string | null {
  if (!roles.has('owner')) return 'onlyOwnersNominate';
  return call.open && topicStatus === 'deliberating' ? null : 'nominationsClosed';
}

/** The committee accepts a nomination (the candidate meets the district's conditions) or rejects it with a reason. */
export function canAnswerNomination(roles: Roles, nomination: { status: string }, topicStatus: string): string | null {
  if (!hasAny(roles, COMMITTEE)) return 'forbidden';
  if (topicStatus !== 'deliberating') return 'nominationsClosed';
  return nomination.status === 'pending' ? null : 'alreadyAnswered';
}
