import {
  COMMITTEE,
  DECIDERS,
  hasAny,
  MODERATORS,
  PARTY_ROLES,
  RESIDENTS,
  REVIEWERS,
  type Roles,
  type TaskParty,
} from '../auth/roles';

/**
 * My work (待办): what waits for a person to do, by kind. Each kind names the group that does it
 * (the sets of lib/auth/roles.ts, so the list and the actions' rules can never disagree), where it
 * is done and how urgent it is. db/work/ finds the items with one statement, so the badge and the
 * list behind it count by the same predicate.
 */
export const WORK_KINDS = [
  // The branch secretary and the committee chair (step 2 and steps 5–6)
  'review_topic',
  'record_minutes',
  'record_decision',
  'publish_decision',
  'answer_objection',
  // The owners' committee: a second member confirms each paper ballot
  'confirm_paper',
  // The responsible party of a task: property staff, committee, branch, community
  'accept_task',
  'overdue_task',
  // Grid workers: households who have not voted, to remind
  'remind_voters',
  // Community and street staff: matters sent up to them
  'answer_escalation',
  // Residents
  'cast_vote',
  'rate_task',
  'may_object',
  'read_reply',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Kinds a person does in a compound because of their roles there (compound-scoped roles and ownership). */
export function compoundWorkKinds(roles: Roles): WorkKind[] {
  const kinds: WorkKind[] = [];
  if (hasAny(roles, REVIEWERS)) kinds.push('review_topic');
  if (hasAny(roles, MODERATORS)) kinds.push('record_minutes');
  if (hasAny(roles, DECIDERS)) kinds.push('record_decision', 'publish_decision', 'answer_objection');
  if (hasAny(roles, COMMITTEE)) kinds.push('confirm_paper');
  if (roles.has('grid_worker')) kinds.push('remind_voters');
  if (hasAny(roles, RESIDENTS)) kinds.push('rate_task', 'may_object');
  return kinds;
}

/** The task parties a person acts for in a compound through compound-scoped roles (committee, branch). */
export function compoundTaskParties(roles: Roles): TaskParty[] {
  return (['committee', 'branch'] as const).filter((p) => hasAny(roles, PARTY_ROLES[p]));
}

/** How soon a kind should be looked at: lower first. Things others wait on come before one's own choices. */
export const WORK_ORDER: Record<WorkKind, number> = {
  overdue_task: 0,
  answer_escalation: 1,
  answer_objection: 2,
  confirm_paper: 3,
  accept_task: 4,
  review_topic: 5,
  cast_vote: 6,
  record_minutes: 7,
  record_decision: 8,
  publish_decision: 9,
  remind_voters: 10,
  rate_task: 11,
  read_reply: 12,
  may_object: 13,
};

/** One thing to do, as db/work/ reads it. */
export interface WorkRow {
  kind: WorkKind;
  compoundId: number;
  compoundName: string;
  /** The topic, vote, meeting or escalation it is about. */
  objectId: number;
  /** The topic it belongs to, when it is not the object itself (a vote's topic, an objection's). */
  topicId: number | null;
  title: string;
  /** When it fell due or started waiting. */
  since: number;
  /** A deadline, when there is one (a vote's end, a notice period's end, a task's deadline). */
  dueAt: number | null;
  /** How many (paper ballots to confirm, households to remind). */
  count: number;
}

/** Where the thing is done: straight to the page and the section of it where it is done. */
export function workHref(row: Pick<WorkRow, 'kind' | 'compoundId' | 'objectId' | 'topicId'>): string {
  const c = `/c/${row.compoundId}`;
  const topic = (section: string) => `${c}/topics/${row.topicId ?? row.objectId}#${section}`;
  switch (row.kind) {
    case 'record_minutes':
      return `${c}/meetings/${row.objectId}`;
    case 'confirm_paper':
      return `${c}/votes/${row.objectId}#paper-h`;
    case 'cast_vote':
      return `${c}/votes/${row.objectId}`;
    case 'remind_voters':
      return `${c}/reminders/${row.objectId}`;
    case 'answer_escalation':
      return '/escalations#waiting-h';
    case 'review_topic':
      return topic('review-h');
    case 'record_decision':
    case 'publish_decision':
      return topic('decision-h');
    case 'answer_objection':
    case 'may_object':
      return topic('objections-h');
    case 'accept_task':
    case 'overdue_task':
      return topic('task-h');
    case 'rate_task':
      return topic('rating-h');
    case 'read_reply':
      return topic('discussion-h');
  }
}

/** The list as shown: most urgent kind first, then the nearest deadline, then the oldest. */
export function sortWork<T extends Pick<WorkRow, 'kind' | 'dueAt' | 'since' | 'objectId'>>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      WORK_ORDER[a.kind] - WORK_ORDER[b.kind] ||
      (a.dueAt ?? Number.MAX_SAFE_INTEGER) - (b.dueAt ?? Number.MAX_SAFE_INTEGER) ||
      a.since - b.since ||
      a.objectId - b.objectId,
  );
}
