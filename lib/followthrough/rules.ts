import { DECIDERS, hasAny, PARTY_ROLES, RESIDENTS, type Roles, TASK_PARTIES, type TaskParty } from '../auth/roles';
import type { TopicStatus } from '../topics/lifecycle';

/**
 * Follow-through (steps 5–7 of docs/domain/mechanism.md): who may object, carry out, rate and escalate, and
 * which moves fall due when time passes. Pure functions; the clock (server/clock.ts) and the
 * actions apply them. Each `can*` returns null when allowed, or a message key under `errors`.
 */

export const DAY_MS = 86_400_000;

export { TASK_PARTIES, type TaskParty };

/** A small matter is fixed within this many days unless the reviewer says otherwise. */
export const SMALL_MATTER_DAYS = 7;
/** A task reopened after poor ratings gets this many days to be put right. */
export const REOPEN_DAYS = 7;

export function isResident(roles: Roles): boolean {
  return hasAny(roles, RESIDENTS);
}

/**
 * Whether the actor is the task's responsible party: the party's role in this compound, and for a
 * property task, staff of the very company named on it (a compound may be served by two).
 */
export function isResponsible(
  roles: Roles,
  actorCompanyIds: readonly number[],
  task: { party: string; companyId: number | null },
): boolean {
  const party = task.party as TaskParty;
  const allowed = PARTY_ROLES[party];
  if (!allowed || !hasAny(roles, allowed)) return false;
  if (party === 'property') return task.companyId !== null && actorCompanyIds.includes(task.companyId);
  return true;
}

/** Objections (异议) are lodged by residents during the notice period, one open objection each. */
export function canObject(
  roles: Roles,
  topic: { status: TopicStatus; noticeEndsAt: number | null },
  hasOpenObjection: boolean,
  now: number,
): string | null {
  if (!isResident(roles)) return 'cannotObject';
  if (topic.status !== 'publicised' || topic.noticeEndsAt === null || now >= topic.noticeEndsAt) {
    return 'noticeOver';
  }
  return hasOpenObjection ? 'objectionPending' : null;
}

/** A progress update: only by the responsible party, while the task is being carried out. */
export function canReportProgress(
  roles: Roles,
  actorCompanyIds: readonly number[],
  topic: { status: TopicStatus },
  task: { party: string; companyId: number | null },
): string | null {
  if (!isResponsible(roles, actorCompanyIds, task)) return 'notResponsible';
  return topic.status === 'in_progress' ? null : 'wrongState';
}

/** Ratings (评议): residents, once per round, while the rating period lasts. */
export function canRate(
  roles: Roles,
  topic: { status: TopicStatus; ratingEndsAt: number | null },
  alreadyRated: boolean,
  now: number,
): string | null {
  if (!isResident(roles)) return 'cannotRate';
  if (topic.status !== 'rating' || topic.ratingEndsAt === null || now >= topic.ratingEndsAt) return 'notRating';
  return alreadyRated ? 'alreadyRated' : null;
}

/** Topics that can still travel up: anything on the agenda that is not finished. */
const ESCALATABLE: readonly string[] = [
  'deliberating',
  'voting',
  'voted',
  'decided',
  'publicised',
  'assigned',
  'small_matter',
  'in_progress',
];

export function canEscalate(roles: Roles, topic: { status: TopicStatus }, hasOpenEscalation: boolean): string | null {
  if (!hasAny(roles, DECIDERS)) return 'cannotEscalate';
  if (!ESCALATABLE.includes(topic.status)) return 'wrongState';
  return hasOpenEscalation ? 'escalationOpen' : null;
}

export type EscalationLevel = 'community' | 'street';

/**
 * Who answers an escalation: the community's workers at community level, the street's staff at
 * street level. Only an open escalation can be answered or sent further up.
 */
export function canAnswerEscalation(
  memberships: readonly { role: string; scopeType: string; scopeId: number }[],
  e: { level: string; communityId: number; streetId: number; state: string },
): string | null {
  const mine =
    e.level === 'community'
      ? memberships.some(
          (m) => m.role === 'community_worker' && m.scopeType === 'community' && m.scopeId === e.communityId,
        )
      : memberships.some((m) => m.role === 'street_staff' && m.scopeType === 'street' && m.scopeId === e.streetId);
  if (!mine) return 'notFound';
  return e.state === 'open' ? null : 'escalationAnswered';
}

/** Only a community passes a matter further up, to its street. */
export function canForwardEscalation(
  memberships: readonly { role: string; scopeType: string; scopeId: number }[],
  e: { level: string; communityId: number; streetId: number; state: string },
): string | null {
  const denied = canAnswerEscalation(memberships, e);
  if (denied) return denied;
  return e.level === 'community' ? null : 'topLevel';
}

/** Topic states in which a task is still to be carried out (and so can be late). */
const TASK_OPEN: readonly string[] = ['assigned', 'small_matter', 'in_progress'];

/** Whether a task is late: past its deadline and not yet done. */
export function isOverdue(topicStatus: string, deadlineAt: number | null, now: number): boolean {
  return deadlineAt !== null && now > deadlineAt && TASK_OPEN.includes(topicStatus);
}

/**
 * Days late as the record shows it: from the clock's own "overdue" mark when there is one (so a
 * task the clock marked late stays marked), else from the deadline. 0 when done or not late.
 */
export function lateDays(
  topicStatus: string,
  deadlineAt: number | null,
  overdueAt: number | null,
  now: number,
): number | null {
  if (!TASK_OPEN.includes(topicStatus) || deadlineAt === null) return null;
  const at = Math.max(now, overdueAt ?? 0);
  return at > deadlineAt ? Math.floor((at - deadlineAt) / DAY_MS) : null;
}

export interface TimerState {
  status: TopicStatus;
  noticeEndsAt: number | null;
  openObjections: number;
  deadlineAt: number | null;
  overdueAt: number | null;
  autoEscalatedAt: number | null;
  hasOpenEscalation: boolean;
  escalateAfterDays: number;
  ratingEndsAt: number | null;
}

export type TimedMove = 'end_notice' | 'mark_overdue' | 'auto_escalate' | 'end_rating';

/**
 * The moves that have fallen due at `now`, in the order they must be applied. The notice period
 * ends only once every objection is answered; a task is marked overdue once; it escalates by
 * itself once, when it is more than `escalateAfterDays` days late and nobody has escalated it.
 */
export function dueMoves(s: TimerState, now: number): TimedMove[] {
  const out: TimedMove[] = [];
  if (s.status === 'publicised' && s.noticeEndsAt !== null && now >= s.noticeEndsAt && s.openObjections === 0) {
    out.push('end_notice');
  }
  if (isOverdue(s.status, s.deadlineAt, now) && s.deadlineAt !== null) {
    if (s.overdueAt === null) out.push('mark_overdue');
    if (s.autoEscalatedAt === null && !s.hasOpenEscalation && now > s.deadlineAt + s.escalateAfterDays * DAY_MS) {
      out.push('auto_escalate');
    }
  }
  if (s.status === 'rating' && s.ratingEndsAt !== null && now >= s.ratingEndsAt) out.push('end_rating');
  return out;
}

export interface RatingOutcome {
  outcome: 'close' | 'reopen';
  count: number;
  /** Ratings of 1 or 2 stars. */
  poor: number;
  /** Average to one decimal, e.g. "4.3"; null when nobody rated. */
  average: string | null;
}

/**
 * The end of a rating period: the topic closes with its average, unless at least half of the
 * ratings are 1–2 stars, when it goes back to carrying out. No ratings: it closes without one.
 * Integer arithmetic only; the average is rounded half up to one decimal.
 */
export function ratingOutcome(stars: readonly number[]): RatingOutcome {
  for (const s of stars) {
    if (!Number.isInteger(s) || s < 1 || s > 5)
      throw new Error(`A rating must be a whole number from 1 to 5, got ${s}`);
  }
  const count = stars.length;
  const poor = stars.filter((s) => s <= 2).length;
  if (count === 0) return { outcome: 'close', count, poor, average: null };
  const sum = stars.reduce((a, b) => a + b, 0);
  const tenths = Math.floor((sum * 20 + count) / (2 * count)); // round(sum * 10 / count), half up
  const average = `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return { outcome: poor * 2 >= count ? 'reopen' : 'close', count, poor, average };
}

/** Deadline checks for a decision or small matter: in the future, and within five years. */
export function checkDeadline(deadlineAt: number, now: number): 'deadlinePast' | 'deadlineFar' | null {
  if (deadlineAt <= now) return 'deadlinePast';
  if (deadlineAt > now + 5 * 366 * DAY_MS) return 'deadlineFar';
  return null;
}
