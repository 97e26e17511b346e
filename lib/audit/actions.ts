import { TOPIC_ACTIONS } from '../topics/lifecycle';

/**
 * Every action the audit trail records. The type makes writing an unlisted one a compile error, and
 * lib/audit/actions.test.ts makes sure each is named in both languages where the trail is shown.
 */
export const AUDIT_ACTIONS = [
  // Places, people and roles
  'seed_demo',
  'create',
  'update',
  'set_property_companies',
  'import_units',
  'create_account',
  'activate_account',
  'change_password',
  'reset_password',
  'grant_role',
  'revoke_role',
  // Topics and deliberation
  'raise',
  'cosign',
  ...TOPIC_ACTIONS,
  'revise_decision',
  'absorb',
  'post_position',
  'edit_position',
  'hide_comment',
  'meeting_scheduled',
  'meeting_held',
  // Votes
  'ballot',
  'ballot_changed',
  'paper_entered',
  'paper_confirmed',
  // Owners' assemblies (lib/assembly)
  'announce_assembly',
  'open_assembly',
  'close_assembly',
  'update_assembly_rules',
  'register_objection',
  'answer_register_objection',
  'correct_register',
  'grant_proxy',
  'check_proxy',
  'confirm_proxy',
  'reject_proxy',
  'withdraw_proxy',
  'open_nominations',
  'nominate',
  'accept_nomination',
  'reject_nomination',
  'schedule_handover',
  'committee_handover',
  // Follow-through
  'object',
  'dismiss_objection',
  'progress',
  'overdue',
  'rate',
  'escalate',
  'auto_escalate',
  'forward_escalation',
  'answer_escalation',
  // On the phone: push subscriptions and settings, reminders to vote
  'push_subscribe',
  'push_unsubscribe',
  'notification_settings',
  'vote_reminded',
  // Households: activation letters, self-activation, joining a unit, changes of owner, personal information
  'generate_letter',
  'revoke_letter',
  'activation_failed',
  'activation_locked',
  'self_activate',
  'join_request',
  'join_approved',
  'join_declined',
  'move_out',
  'record_transfer',
  'apply_transfer',
  'propose_voter',
  'confirm_voter',
  'request_correction',
  'answer_correction',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The entries that set a person's password: their actor is who knows it (the person, or staff). */
export const PASSWORD_SETTING_ACTIONS = [
  'create_account',
  'activate_account',
  'change_password',
  'reset_password',
  'self_activate',
] as const satisfies readonly AuditAction[];
