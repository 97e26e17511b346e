/** What a notification is about; the in-app list words each kind (app/notifications), some are pushed (push-kinds.ts). */
export const NOTIFICATION_KINDS = [
  'reply',
  'status',
  'position',
  'meeting',
  'comment_hidden',
  'cosign',
  'objection',
  'objection_answered',
  'overdue',
  'escalation',
  'escalation_answered',
  'reopened',
  /** To the reviewers: a topic was raised and waits for review. */
  'topic_raised',
  /** To the responsible party: a task is theirs to accept (detail: the party). */
  'task_assigned',
  /** To each voter: a vote that concerns them has opened (vote_id). */
  'vote_opened',
  /** To each voter who has not voted: the vote closes within a day (vote_id). */
  'vote_closing',
  /** To the other committee members: a paper ballot waits for confirmation (vote_id). */
  'paper_pending',
  /** About the person's own account (detail: failed logins in the last day); compound_id 0. */
  'login_failures',
  // Owners' assemblies (assembly_id set): announced to every owner; its result; the register, proxies, nominations.
  'assembly',
  'assembly_open',
  'assembly_result',
  'register_objection',
  'register_answered',
  'proxy',
  'nomination',
  // Households: someone asks to join a unit (to its holder's voter, the grid worker and the secretary; detail
  // relation|unit|name|voter?); the answer (detail approve|decline|unit); an activation code locked after wrong
  // names (to the staff over the compound); a co-owner proposes another voter; a correction asked and answered.
  'join_request',
  'join_answered',
  'activation_locked',
  'voter_change',
  'correction_request',
  'correction_answered',
] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];
