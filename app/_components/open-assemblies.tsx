import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { openAssembliesFor } from '@/db/assembly/mine';
import { buttonClass } from './button';

/**
 * The owners' assemblies a person must act on, at the top of their home page until they have voted
 * on every matter: in the notice period (when voting opens, and until when the register can be
 * objected to) or open (until when), for their own household or as an authorised agent.
 */
export async function OpenAssemblies({ personId }: { personId: number }) {
  const rows = openAssembliesFor(personId);
  if (rows.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('assembly.home'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });
  const ids = [...new Set(rows.map((r) => r.id))];
  return (
    <section aria-labelledby="open-assemblies-h" className="space-y-3 rounded-xl bg-brand-50 p-5 ring-1 ring-brand-600">
      <h2 id="open-assemblies-h" className="font-semibold text-brand-900 text-lg">
        {t('title')}
      </h2>
      <ul className="space-y-3">
        {ids.map((id) => {
          const mine = rows.filter((r) => r.id === id);
          const a = mine[0];
          if (!a) return null;
          return (
            <li key={id} className="space-y-2 rounded-lg bg-white p-4 ring-1 ring-stone-200">
              <p className="text-sm text-stone-600">{a.compoundName}</p>
              <p className="font-semibold text-lg">{a.title}</p>
              <p>
                {a.status === 'announced'
                  ? t('announced', { start: when(a.startsAt), objections: when(a.objectionsUntil) })
                  : t('open', { end: when(a.endsAt) })}
              </p>
              <ul className="text-sm">
                {mine.map((m) => (
                  <li key={m.voterKey}>
                    {m.byProxy ? t('asAgent', { name: m.holderName }) : t('forHousehold', { name: m.holderName })}
                    {a.status === 'open' && ` · ${t('toVote', { count: m.matters - m.voted })}`}
                  </li>
                ))}
              </ul>
              <Link href={`/c/${a.compoundId}/assemblies/${id}`} className={buttonClass('primary', 'w-full sm:w-auto')}>
                {a.status === 'open' ? t('vote') : t('read')}
                <span className="sr-only">{a.title}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
