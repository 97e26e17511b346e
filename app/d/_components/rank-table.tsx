import { getTranslations } from 'next-intl/server';
import type { ScopeNode } from '@/db/dashboard/scope';
import { CHILD_LEVEL } from '@/lib/dashboard/levels';
import { formatTenths } from '@/lib/dashboard/numbers';
import type { Period } from '@/lib/dashboard/period';
import { RANK_SORTS, type RankRow, type RankSort } from '@/lib/dashboard/ranking';
import { dashboardHref } from './links';

/** The level below, ranked; every row drills down one level. A table on a PC, cards on a phone. */
export async function RankTable({
  rows,
  node,
  period,
  sort,
}: {
  rows: RankRow[];
  node: ScopeNode;
  period: Period;
  sort: RankSort;
}) {
  const t = await getTranslations('dash');
  const child = CHILD_LEVEL[node.level];
  if (!child) return null;
  const cell = (r: RankRow) => ({
    onTime: r.totals.onTimePercent === null ? '—' : `${r.totals.onTimePercent}%`,
    overdue: String(r.totals.overdue),
    escalated: String(r.totals.escalated),
    rating: r.totals.ratingTenths === null ? '—' : formatTenths(r.totals.ratingTenths),
  });
  return (
    <section aria-labelledby="ranking" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="ranking" className="font-semibold text-lg">
        {t('ranking', { level: t(`levels.${child}`) })}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('rankingHint')}</p>
      <nav aria-label={t('sortBy')} className="mb-3 flex flex-wrap gap-2 print:hidden">
        {RANK_SORTS.map((s) => (
          <a
            key={s}
            href={dashboardHref(node.level, node.id, period, s)}
            aria-current={s === sort ? 'true' : undefined}
            className={`rounded-full px-3 py-1.5 text-sm ring-1 ${
              s === sort ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white ring-stone-300 hover:bg-stone-100'
            }`}
          >
            {t(`sorts.${s}`)}
          </a>
        ))}
      </nav>
      <table className="w-full text-left">
        <thead className="hidden text-sm text-stone-600 sm:table-header-group">
          <tr>
            <th className="py-2 font-medium">#</th>
            <th className="py-2 font-medium">{t(`levels.${child}`)}</th>
            <th className="py-2 text-right font-medium">{t('fig.raised')}</th>
            <th className="py-2 text-right font-medium">{t('sorts.onTime')}</th>
            <th className="py-2 text-right font-medium">{t('sorts.overdue')}</th>
            <th className="py-2 text-right font-medium">{t('sorts.escalated')}</th>
            <th className="py-2 text-right font-medium">{t('sorts.rating')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const c = cell(r);
            return (
              <tr
                key={r.id}
                className="grid grid-cols-2 gap-x-3 border-stone-100 border-t py-2 sm:table-row"
                data-testid="rank-row"
              >
                <td className="hidden py-2 tabular-nums sm:table-cell">{i + 1}</td>
                <th scope="row" className="col-span-2 py-1 text-left font-semibold sm:py-2 sm:font-medium">
                  <a href={dashboardHref(child, r.id, period)} className="underline underline-offset-4">
                    {r.name}
                  </a>
                  {child !== 'compound' && (
                    <span className="ml-2 font-normal text-sm text-stone-600">
                      {t('compounds', { n: r.compounds })}
                    </span>
                  )}
                </th>
                <td className="py-1 tabular-nums sm:py-2 sm:text-right">
                  <span className="text-sm text-stone-600 sm:hidden">{t('fig.raised')} </span>
                  {r.totals.raised}
                </td>
                <td className="py-1 tabular-nums sm:py-2 sm:text-right">
                  <span className="text-sm text-stone-600 sm:hidden">{t('sorts.onTime')} </span>
                  {c.onTime}
                </td>
                <td
                  className={`py-1 tabular-nums sm:py-2 sm:text-right ${r.totals.overdue > 0 ? 'font-semibold text-brand-700' : ''}`}
                >
                  <span className="font-normal text-sm text-stone-600 sm:hidden">{t('sorts.overdue')} </span>
                  {c.overdue}
                </td>
                <td className="py-1 tabular-nums sm:py-2 sm:text-right">
                  <span className="text-sm text-stone-600 sm:hidden">{t('sorts.escalated')} </span>
                  {c.escalated}
                </td>
                <td className="py-1 tabular-nums sm:py-2 sm:text-right">
                  <span className="text-sm text-stone-600 sm:hidden">{t('sorts.rating')} </span>
                  {c.rating}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
