import { getFormatter, getTranslations } from 'next-intl/server';

interface Entry {
  id: number;
  at: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  actorName: string | null;
}

/** The topic's audit trail as a timeline: who did what, when, from which state to which, and why. */
export async function Timeline({ entries }: { entries: Entry[] }) {
  const [t, format] = await Promise.all([getTranslations('topics'), getFormatter()]);
  const label = (action: string) =>
    t.has(`actions.${action}` as 'actions.raise') ? t(`actions.${action}` as 'actions.raise') : action;
  const status = (s: string) =>
    t.has(`statuses.${s}` as 'statuses.raised') ? t(`statuses.${s}` as 'statuses.raised') : s;
  return (
    <section aria-labelledby="timeline-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="timeline-h" className="mb-3 font-semibold text-lg">
        {t('timeline')}
      </h2>
      <ol className="relative space-y-4 border-stone-300 border-l-2 pl-5">
        {entries.map((e) => (
          <li key={e.id} className="relative">
            <span aria-hidden className="absolute top-2 -left-[27px] size-3 rounded-full bg-brand-700" />
            <p className="font-medium">
              <span>{label(e.action)}</span>
              {e.fromState && e.toState && (
                <span className="ml-2 text-sm text-stone-600">
                  {status(e.fromState)} → {status(e.toState)}
                </span>
              )}
            </p>
            <p className="text-sm text-stone-600">
              {/* A step with no person behind it was the platform's clock (a period ended, a task went overdue). */}
              {e.actorName ?? t('system')} ·{' '}
              <time dateTime={new Date(e.at).toISOString()}>
                {format.dateTime(new Date(e.at), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
            {e.reason && <p className="text-stone-800">{e.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
