import { getTranslations } from 'next-intl/server';
import type { listPendingPaper } from '@/db/voting/paper';

/**
 * Paper ballots that were entered but not confirmed by a second committee member before the close:
 * they were not counted, and are listed by serial number so the record shows them (they can no longer
 * be confirmed).
 */
export async function NotCountedSection({ pending }: { pending: ReturnType<typeof listPendingPaper> }) {
  const t = await getTranslations('votes');
  return (
    <section aria-labelledby="not-counted-h" className="space-y-2 rounded-xl bg-amber-50 p-5 ring-1 ring-amber-300">
      <h2 id="not-counted-h" className="font-semibold text-amber-950 text-lg">
        {t('notCountedTitle', { count: pending.length })}
      </h2>
      <p className="text-amber-950 text-sm">{t('notCountedHint')}</p>
      <ul className="divide-y divide-amber-200">
        {pending.map((b) => (
          <li key={b.voterKey} className="py-1">
            {t('notCountedLine', { serial: b.serial ?? '', place: b.place, name: b.name, by: b.enteredBy })}
          </li>
        ))}
      </ul>
    </section>
  );
}
