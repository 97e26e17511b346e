import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listNotifications } from '@/db/notifications/notifications';
import { notificationHref, notificationText } from '@/lib/notifications/text';
import { requireActor } from '@/server/auth/session';
import { buttonClass } from '../_components/button';
import { RelativeTime } from '../_components/relative-time';
import { MarkReadButton } from './mark-read-button';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const [t, ts, tp, ta, tj] = await Promise.all([
    getTranslations('notifications'),
    getTranslations('topics'),
    getTranslations('push'),
    getTranslations('assembly'),
    getTranslations('join'),
  ]);
  const items = listNotifications(actor.personId);
  const unread = items.filter((n) => n.readAt === null).length;
  const words = {
    t: (key: string, values?: Record<string, string | number>) => t(key as 'reply', values),
    status: (status: string) =>
      ts.has(`statuses.${status}` as 'statuses.raised') ? ts(`statuses.${status}` as 'statuses.raised') : '',
    party: (party: string) =>
      ts.has(`parties.${party}` as 'parties.branch') ? ts(`parties.${party}` as 'parties.branch') : '',
    objectionOutcome: (outcome: string) =>
      ta.has(`objectionOutcomes.${outcome}` as 'objectionOutcomes.noted')
        ? ta(`objectionOutcomes.${outcome}` as 'objectionOutcomes.noted')
        : '',
    relation: (relation: 'tenant' | 'family_member') => tj(`relations.${relation}`),
  };

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-bold text-2xl">{t('title')}</h1>
        <span className="text-stone-600">{t('unread', { count: unread })}</span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <Link href="/notifications/settings" className={buttonClass('secondary')}>
            {tp('settingsLink')}
          </Link>
          {unread > 0 && <MarkReadButton />}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {items.map((n) => (
            <li key={n.id}>
              <Link href={notificationHref(n)} className="flex gap-3 px-4 py-3 hover:bg-stone-50">
                <span
                  aria-hidden
                  className={`mt-2 size-2.5 shrink-0 rounded-full ${n.readAt === null ? 'bg-brand-700' : 'bg-transparent'}`}
                />
                <span className="flex-1">
                  <span className={n.readAt === null ? 'font-semibold' : ''}>{notificationText(n, words)}</span>
                  {n.readAt === null && <span className="sr-only">（{t('new')}）</span>}
                  <RelativeTime at={n.createdAt} className="block text-sm text-stone-600" />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
