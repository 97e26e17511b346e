import { getTranslations } from 'next-intl/server';
import type { waitingEscalations } from '@/db/dashboard/lists';
import type { ScopeNode } from '@/db/dashboard/scope';
import { DAY_MS } from '@/lib/dashboard/period';
import { buttonClass } from '../../_components/button';

export type Waiting = ReturnType<typeof waitingEscalations>;

/** Escalated matters waiting at this level (or below, for a district or compound), oldest first. */
export async function WaitingList({
  waiting,
  level,
  now,
  dark = false,
}: {
  waiting: Waiting;
  level: ScopeNode['level'];
  now: number;
  dark?: boolean;
}) {
  const t = await getTranslations('dash');
  const days = (at: number) => Math.floor((now - at) / DAY_MS);
  return (
    <section
      aria-labelledby="waiting"
      className={dark ? 'rounded-2xl bg-slate-900 p-6' : 'rounded-xl bg-white p-5 ring-1 ring-stone-200'}
    >
      <h2 id="waiting" className={dark ? 'mb-4 font-semibold text-4xl' : 'font-semibold text-lg'}>
        {t(`waiting.${level}`, { n: waiting.total })}
      </h2>
      {!dark && <p className="mb-3 text-sm text-stone-600">{t('waitingHint')}</p>}
      {waiting.rows.length === 0 ? (
        <p className={dark ? 'text-3xl text-slate-300' : 'text-stone-600'}>{t('noneWaiting')}</p>
      ) : (
        <ul className="space-y-2">
          {waiting.rows.map((e) => (
            <li
              key={e.id}
              className={
                dark ? 'flex items-baseline gap-4 text-2xl' : 'rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200'
              }
            >
              {dark ? (
                <>
                  <span className="w-40 shrink-0 font-bold text-amber-400 tabular-nums">
                    {t('waitedDays', { n: days(e.raisedAt) })}
                  </span>
                  <span className="truncate">
                    {e.compoundName} · {e.topicTitle}
                  </span>
                </>
              ) : (
                <>
                  <a href={`/c/${e.compoundId}/topics/${e.topicId}`} className="font-medium underline">
                    {e.topicTitle}
                  </a>
                  <p className="text-sm text-stone-600">
                    {e.compoundName} · {t(`escLevel.${e.level}`)} · {t('waitedDays', { n: days(e.raisedAt) })}
                    {e.auto ? ` · ${t('auto')}` : ''}
                  </p>
                  <p className="text-sm">{e.reason}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!dark && (level === 'community' || level === 'street') && (
        <a href="/escalations" className={buttonClass('ghost', 'mt-3 print:hidden')}>
          {t('toQueue')}
        </a>
      )}
    </section>
  );
}
