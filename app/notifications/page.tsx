import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listNotifications } from '@/db/notifications/notifications';
import { requireActor } from '@/server/auth/session';
import { MarkReadButton } from './mark-read-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const [t, ts, format] = await Promise.all([
    getTranslations('notifications'),
    getTranslations('topics'),
    getFormatter(),
  ]);
  const tj = await getTranslations('join');
  const items = listNotifications(actor.personId);
  const unread = items.filter((n) => n.readAt === null).length;
  const text = (n: (typeof items)[number]) => {
    const actorName = n.actorName ?? '';
    const topic = n.topicTitle ?? '';
    switch (n.kind) {
      case 'reply':
        return t('reply', { actor: actorName, topic });
      case 'status': {
        const status =
          n.detail && ts.has(`statuses.${n.detail}` as 'statuses.raised')
            ? ts(`statuses.${n.detail}` as 'statuses.raised')
            : '';
        return t('status', { topic, status });
      }
      case 'position':
        return t('position', {
          actor: actorName,
          topic,
          party:
            n.detail && ts.has(`parties.${n.detail}` as 'parties.branch')
              ? ts(`parties.${n.detail}` as 'parties.branch')
              : '',
        });
      case 'meeting':
        return t('meeting', { actor: actorName, title: n.detail ?? '' });
      case 'comment_hidden':
        return t('commentHidden', { topic, reason: n.detail ?? '' });
      case 'cosign':
        return t('cosign', { actor: actorName, topic });
      case 'objection':
        return t('objection', { actor: actorName, topic });
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
      case 'login_failures':
        return t('loginFailures', { count: n.detail ?? '' });
      case 'join_request': {
        const [relation = 'tenant', unit = '', name = ''] = (n.detail ?? '').split('|');
        return t('joinRequest', {
          actor: name,
          unit,
          relation: tj(`relations.${relation === 'family_member' ? 'family_member' : 'tenant'}`),
        });
      }
      case 'join_answered': {
        const [answer, unit = ''] = (n.detail ?? '').split('|');
        return t(answer === 'approve' ? 'joinApproved' : 'joinDeclined', { unit });
      }
      case 'activation_locked':
        return t('activationLocked', { compound: n.compoundName ?? '' });
      case 'voter_change':
        return t('voterChange', { actor: actorName });
      case 'correction_request':
        return t('correctionRequest', { actor: actorName });
      case 'correction_answered':
        return t('correctionAnswered');
    }
  };
  const href = (n: (typeof items)[number]) =>
    n.kind === 'login_failures' ||
    n.kind === 'voter_change' ||
    n.kind === 'join_answered' ||
    n.kind === 'correction_answered'
      ? '/account'
      : n.kind === 'correction_request'
        ? '/admin/corrections'
        : n.kind === 'activation_locked'
          ? `/c/${n.compoundId}/households`
          : n.kind === 'join_request'
            ? // The household's voter answers from "My home"; the grid worker and secretary from the households page.
              (n.detail ?? '').endsWith('|voter')
              ? '/account'
              : `/c/${n.compoundId}/households`
            : n.meetingId
              ? `/c/${n.compoundId}/meetings/${n.meetingId}`
              : n.topicId
                ? `/c/${n.compoundId}/topics/${n.topicId}`
                : '/';

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-bold text-2xl">{t('title')}</h1>
        <span className="text-stone-600">{t('unread', { count: unread })}</span>
        {unread > 0 && (
          <div className="ml-auto">
            <MarkReadButton />
          </div>
        )}
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {items.map((n) => (
            <li key={n.id}>
              <Link href={href(n)} className="flex gap-3 px-4 py-3 hover:bg-stone-50">
                <span
                  aria-hidden
                  className={`mt-2 size-2.5 shrink-0 rounded-full ${n.readAt === null ? 'bg-brand-700' : 'bg-transparent'}`}
                />
                <span className="flex-1">
                  <span className={n.readAt === null ? 'font-semibold' : ''}>{text(n)}</span>
                  {n.readAt === null && <span className="sr-only">（{t('new')}）</span>}
                  <span className="block text-sm text-stone-500">{format.relativeTime(n.createdAt)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
