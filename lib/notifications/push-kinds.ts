import type { NotificationKindName } from './kinds';

/**
 * The notifications that are also pushed to a subscribed phone: what asks the person to act soon
 * (a vote that concerns them, something waiting for their confirmation or answer, a task for their
 * company) or that they asked to follow (their topic moving). The rest stay in the app's list.
 */
export const PUSH_KINDS = [
  'vote_opened',
  'vote_closing',
  'status',
  'reopened',
  'task_assigned',
  'paper_pending',
  'topic_raised',
  'objection',
  'escalation',
] as const satisfies readonly NotificationKindName[];

export function isPushed(kind: string): boolean {
  return (PUSH_KINDS as readonly string[]).includes(kind);
}
