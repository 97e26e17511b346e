import type { NotificationKindName } from './kinds';

/** What a notification's sentence needs; the same for the in-app list and the phone. */
export interface NotificationFacts {
  kind: NotificationKindName;
  compoundId: number;
  topicId: number | null;
  meetingId: number | null;
  voteId: number | null;
  /** An owners' assembly the notice is about (its announcement, opening, result, register, proxies, nominations). */
  assemblyId: number | null;
  detail: string | null;
  actorName: string | null;
  topicTitle: string | null;
  voteQuestion: string | null;
  compoundName: string | null;
}

/** A translator of the `notifications` namespace, and the names of statuses and parties. */
export interface NotificationWords {
  t: (key: string, values?: Record<string, string | number>) => string;
  status: (status: string) => string;
  party: (party: string) => string;
  /** An answer to a register objection (corrected, noted, dismissed…), in words. */
  objectionOutcome: (outcome: string) => string;
  /** How someone asking to join a unit is related to it (tenant, family member), in words. */
  relation: (relation: 'tenant' | 'family_member') => string;
}

/** The sentence that tells the person what happened (and what to do), in their language. */
export function notificationText(n: NotificationFacts, w: NotificationWords): string {
  const { t } = w;
  const actor = n.actorName ?? w.t('system');
  const topic = n.topicTitle ?? '';
  const question = n.voteQuestion ?? topic;
  switch (n.kind) {
    case 'reply':
      return t('reply', { actor, topic });
    case 'status':
      return t('status', { topic, status: n.detail ? w.status(n.detail) : '' });
    case 'position':
      return t('position', { actor, topic, party: n.detail ? w.party(n.detail) : '' });
    case 'meeting':
      return t('meeting', { actor, title: n.detail ?? '' });
    case 'comment_hidden':
      return t('commentHidden', { topic, reason: n.detail ?? '' });
    case 'cosign':
      return t('cosign', { actor, topic });
    case 'objection':
      return t('objection', { actor, topic });
    case 'objection_answered':
      return t(n.detail === 'upheld' ? 'objectionUpheld' : 'objectionDismissed', { topic });
    case 'overdue':
      return t('overdue', { topic });
    case 'escalation':
      return t(n.detail === 'street' ? 'escalationStreet' : 'escalationCommunity', { topic });
    case 'escalation_answered':
      return t(n.detail === 'street' ? 'escalationAnsweredStreet' : 'escalationAnsweredCommunity', { topic });
    case 'reopened': {
      const [poor, count] = (n.detail ?? '0/0').split('/');
      return t('reopened', { topic, poor: poor ?? '0', count: count ?? '0' });
    }
    case 'topic_raised':
      return t('topicRaised', { actor, topic });
    case 'task_assigned':
      return t('taskAssigned', { topic });
    case 'vote_opened':
      return t('voteOpened', { question });
    case 'vote_closing':
      return t('voteClosing', { question });
    case 'paper_pending':
      return t('paperPending', { question });
    case 'login_failures':
      return t('loginFailures', { count: n.detail ?? '' });
    case 'assembly':
      return t('assembly', { title: n.detail ?? '' });
    case 'assembly_open':
      return t('assemblyOpen', { title: n.detail ?? '' });
    case 'assembly_result':
      return n.detail === 'handover' ? t('handover') : t('assemblyResult', { title: n.detail ?? '' });
    case 'register_objection':
      return t('registerObjection', { actor });
    case 'register_answered':
      return t('registerAnswered', { outcome: n.detail ? w.objectionOutcome(n.detail) : '' });
    case 'proxy': {
      const key = PROXY_KEYS[n.detail ?? ''] ?? 'proxyWithdrawn';
      return t(key, { actor });
    }
    case 'nomination': {
      const key = NOMINATION_KEYS[n.detail ?? ''] ?? 'nominationRejected';
      return t(key, { actor, topic });
    }
    case 'join_request': {
      const [relation = 'tenant', unit = '', name = ''] = (n.detail ?? '').split('|');
      return t('joinRequest', {
        actor: name,
        unit,
        relation: w.relation(relation === 'family_member' ? 'family_member' : 'tenant'),
      });
    }
    case 'join_answered': {
      const [answer, unit = ''] = (n.detail ?? '').split('|');
      return t(answer === 'approve' ? 'joinApproved' : 'joinDeclined', { unit });
    }
    case 'activation_locked':
      return t('activationLocked', { compound: n.compoundName ?? '' });
    case 'voter_change':
      return t('voterChange', { actor });
    case 'correction_request':
      return t('correctionRequest', { actor });
    case 'correction_answered':
      return t('correctionAnswered');
  }
}

const PROXY_KEYS: Record<string, string> = {
  submitted: 'proxySubmitted',
  granted: 'proxyGranted',
  effective: 'proxyEffective',
  rejected: 'proxyRejected',
};
const NOMINATION_KEYS: Record<string, string> = {
  new: 'nominationNew',
  nominated: 'nominationNominated',
  accepted: 'nominationAccepted',
};

/** Where the notification leads: the place where the person sees it or does what it asks. */
export function notificationHref(
  n: Pick<NotificationFacts, 'kind' | 'compoundId' | 'topicId' | 'meetingId' | 'voteId' | 'assemblyId' | 'detail'>,
) {
  const c = `/c/${n.compoundId}`;
  switch (n.kind) {
    case 'login_failures':
    case 'voter_change':
    case 'join_answered':
    case 'correction_answered':
      return '/account';
    case 'correction_request':
      return '/admin/corrections';
    case 'activation_locked':
      return `${c}/households`;
    case 'join_request':
      // The household's voter answers from "My home"; the grid worker and secretary from the households page.
      return (n.detail ?? '').endsWith('|voter') ? '/account' : `${c}/households`;
  }
  if (n.assemblyId !== null) return `${c}/assemblies/${n.assemblyId}`;
  if (n.voteId !== null)
    return n.kind === 'paper_pending' ? `${c}/votes/${n.voteId}#paper-h` : `${c}/votes/${n.voteId}`;
  if (n.meetingId !== null) return `${c}/meetings/${n.meetingId}`;
  if (n.topicId === null) return '/';
  const anchor =
    n.kind === 'topic_raised' ? '#review-h' : n.kind === 'task_assigned' || n.kind === 'reopened' ? '#task-h' : '';
  return `${c}/topics/${n.topicId}${anchor}`;
}
