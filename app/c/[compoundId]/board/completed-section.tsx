import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { recentlyCompleted } from '@/db/dashboard/board';

/** Work finished lately, with how residents rated it: done work stays on the board for a while. */
export async function CompletedSection({
  compoundId,
  rows,
  days,
  className,
}: {
  compoundId: number;
  rows: ReturnType<typeof recentlyCompleted>;
  days: number;
  className: string;
}) {
  const [t, format] = await Promise.all([getTranslations('board'), getFormatter()]);
  const day = (ms: number) => format.dateTime(ms, { dateStyle: 'long' });
  return (
    <section aria-labelledby="b-done" className={className}>
      <h2 id="b-done" className="mb-3 font-semibold text-xl">
        {t('completed', { days })}
      </h2>
      {rows.length === 0 ? (
        <p className="text-stone-700">{t('noCompleted')}</p>
      ) : (
        <ul className="space-y-3" data-testid="board-completed">
          {rows.map((k) => (
            <li key={k.topicId}>
              <Link
                href={`/c/${compoundId}/topics/${k.topicId}`}
                className="inline-flex min-h-11 items-center font-semibold text-lg underline underline-offset-4"
              >
                {k.title}
              </Link>
              <p className="text-sm">
                {k.doneAt !== null && t('doneOn', { date: day(k.doneAt) })}
                {' · '}
                {k.status === 'rating'
                  ? t('ratingOpen', { n: k.ratings, date: k.ratingEndsAt ? day(k.ratingEndsAt) : '' })
                  : k.averageTenths !== null
                    ? t('ratedAverage', { average: (k.averageTenths / 10).toFixed(1), n: k.ratings })
                    : t('notRated')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
