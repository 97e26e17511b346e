import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { escalationQueue } from '@/db/followthrough/worklists';
import { requireActor } from '@/server/auth/session';
import { DAY_MS } from '@/lib/followthrough/rules';
import { SettleForm } from './settle-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('follow'))('queueTitle') };
}

/** Escalated matters waiting at the actor's community or street (大事全网联动), oldest first. */
export default async function EscalationsPage() {
  const actor = await requireActor();
  const scopes = (role: string, scopeType: string) =>
    actor.memberships.filter((m) => m.role === role && m.scopeType === scopeType).map((m) => m.scopeId);
  const communityIds = scopes('community_worker', 'community');
  const streetIds = scopes('street_staff', 'street');
  if (communityIds.length === 0 && streetIds.length === 0) notFound();
  const [t, ta, format] = await Promise.all([getTranslations('follow'), getTranslations('app'), getFormatter()]);
  const rows = escalationQueue(communityIds, streetIds);
  const now = Date.now();
  const waiting = rows.filter((r) => r.state === 'open');
  const settled = rows.filter((r) => r.state !== 'open');
  const waited = (from: number, to: number) => {
    const hours = Math.max(0, Math.floor((to - from) / 3_600_000));
    return hours >= 24 ? t('waitedDays', { days: Math.floor((to - from) / DAY_MS) }) : t('waitedHours', { hours });
  };
  const reason = (r: (typeof rows)[number]) => (r.auto ? t('autoReason', { days: r.reason }) : r.reason);
  return (
    <div className="space-y-5">
      <h1 className="font-bold text-2xl">{t('queueTitle')}</h1>
      <section aria-labelledby="waiting-h" className="space-y-3">
        <h2 id="waiting-h" className="font-semibold text-lg">
          {t('waiting', { count: waiting.length })}
        </h2>
        {waiting.length === 0 && (
          <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('queueEmpty')}</p>
        )}
        {waiting.map((r) => (
          <article key={r.id} className="rounded-xl bg-white p-4 ring-1 ring-amber-300">
            <p className="flex flex-wrap gap-2 text-sm text-stone-600">
              <span className="rounded-full bg-amber-100 px-2.5 py-0.5 font-medium text-amber-900">
                {t(`levels.${r.level}`)} · {waited(r.raisedAt, now)}
              </span>
              <span>
                {r.communityName} · {r.compoundName}
              </span>
            </p>
            <h3 className="mt-1 font-semibold text-lg">
              <Link href={`/c/${r.compoundId}/topics/${r.topicId}`} className="text-brand-700 underline">
                {r.topicTitle}
              </Link>
            </h3>
            <p className="mt-1 whitespace-pre-wrap">
              <span className="font-medium">
                {t('escalationReason')}
                {ta('colon')}
              </span>
              {reason(r)}
            </p>
            <p className="text-sm text-stone-600">
              {format.dateTime(new Date(r.raisedAt), { dateStyle: 'medium', timeStyle: 'short' })}
            </p>
            <SettleForm escalationId={r.id} canForward={r.level === 'community'} />
          </article>
        ))}
      </section>
      {settled.length > 0 && (
        <section aria-labelledby="settled-h" className="space-y-3">
          <h2 id="settled-h" className="font-semibold text-lg">
            {t('settled')}
          </h2>
          <ul className="space-y-2">
            {settled.map((r) => (
              <li key={r.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
                <p className="text-sm text-stone-600">
                  {t(`levels.${r.level}`)} · {r.compoundName} ·{' '}
                  {r.state === 'forwarded' ? t('forwardedState') : t('answeredState')}
                  {r.answeredAt !== null && ` · ${waited(r.raisedAt, r.answeredAt)}`}
                </p>
                <Link href={`/c/${r.compoundId}/topics/${r.topicId}`} className="font-medium text-brand-700 underline">
                  {r.topicTitle}
                </Link>
                {r.answer && <p className="mt-1 whitespace-pre-wrap">{r.answer}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
