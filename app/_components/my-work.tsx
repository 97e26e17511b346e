import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { isJustNow } from '@/lib/time';
import { type WorkRow, workHref } from '@/lib/work/kinds';

const DAY = 86_400_000;

/**
 * My work (待办): each thing waiting for the person says what to do and leads straight to where it
 * is done. The same rows the header's badge counts (server/work/my-work.ts).
 */
export async function MyWorkList({
  rows,
  now,
  showCompound,
  limit,
}: {
  rows: readonly WorkRow[];
  now: number;
  /** Name the compound on each item (for people who work in more than one). */
  showCompound: boolean;
  /** Show only the first few, with a link to the whole list. */
  limit?: number;
}) {
  const [t, format] = await Promise.all([getTranslations('work'), getFormatter()]);
  const shown = limit === undefined ? rows : rows.slice(0, limit);
  if (rows.length === 0) {
    return <p className="rounded-xl bg-white p-5 text-stone-700 ring-1 ring-stone-200">{t('none')}</p>;
  }
  const due = (r: WorkRow) => {
    if (r.dueAt === null) {
      const days = Math.floor((now - r.since) / DAY);
      return days >= 1 ? t('waitingDays', { days }) : null;
    }
    if (r.dueAt < now) return t('overdueSince', { date: format.dateTime(r.dueAt, { dateStyle: 'medium' }) });
    const left = r.dueAt - now;
    return left < DAY
      ? t('dueToday', { time: isJustNow(r.dueAt, now) ? '' : format.relativeTime(r.dueAt, now) })
      : t('dueOn', { date: format.dateTime(r.dueAt, { dateStyle: 'medium', timeStyle: 'short' }) });
  };
  return (
    <>
      <ul className="space-y-2">
        {shown.map((r) => {
          const when = due(r);
          const late = r.dueAt !== null && r.dueAt < now;
          return (
            <li key={`${r.kind}-${r.objectId}`}>
              <Link
                href={workHref(r)}
                className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 transition hover:ring-brand-600"
              >
                <span className="block font-semibold text-brand-800">{t(`kinds.${r.kind}`, { count: r.count })}</span>
                <span className="block text-lg leading-snug">{r.title}</span>
                {(showCompound || when) && (
                  <span className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-700">
                    {showCompound && <span>{r.compoundName}</span>}
                    {when && (
                      <span className={late ? 'font-semibold text-brand-800' : ''}>{late ? `⚠ ${when}` : when}</span>
                    )}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      {limit !== undefined && rows.length > limit && (
        <Link href="/work" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          {t('seeAll', { count: rows.length })}
        </Link>
      )}
    </>
  );
}
