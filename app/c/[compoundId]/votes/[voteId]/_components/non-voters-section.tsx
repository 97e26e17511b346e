import { getTranslations } from 'next-intl/server';
import type { listNonVoters } from '@/db/voting/read';

/** Who has not voted yet, for grid workers and organisers to remind: names and places, never a choice. */
export async function NonVotersSection({ nonVoters }: { nonVoters: ReturnType<typeof listNonVoters> }) {
  const t = await getTranslations('votes');
  return (
    <section aria-labelledby="nonvoters-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="nonvoters-h" className="mb-1 font-semibold text-lg">
        {t('nonVoters', { count: nonVoters.length })}
      </h2>
      <p className="mb-2 text-sm text-stone-600">{t('nonVotersHint')}</p>
      <ul className="grid gap-1 sm:grid-cols-2">
        {nonVoters.map((v) => (
          <li key={v.voterKey}>
            {v.place} · {v.name}
          </li>
        ))}
      </ul>
    </section>
  );
}
