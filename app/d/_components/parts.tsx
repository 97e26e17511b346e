import { getTranslations } from 'next-intl/server';
import type { waitingEscalations } from '@/db/dashboard/lists';
import type { ScopeNode } from '@/db/dashboard/scope';
import type { Actor } from '@/lib/auth/permissions';
import type { FigureKey } from '@/lib/dashboard/funnel';
import { CHILD_LEVEL } from '@/lib/dashboard/levels';
import { formatTenths } from '@/lib/dashboard/numbers';
import { DAY_MS, type Period } from '@/lib/dashboard/period';
import { RANK_SORTS, type RankRow, type RankSort } from '@/lib/dashboard/ranking';
import { Breadcrumb, type Crumb } from '../../_components/breadcrumb';
import { buttonClass } from '../../_components/button';
import { openableParents } from '@/server/dashboard';

/** The list of topics behind a figure, for the same place and period. */
export function figureHref(
  node: Pick<ScopeNode, 'level' | 'id'>,
  fig: FigureKey,
  p: Pick<Period, 'fromDay' | 'toDay'>,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ fig, from: p.fromDay, to: p.toDay, ...extra });
  return `/d/${node.level}/${node.id}/topics?${q}`;
}

export function dashboardHref(level: string, id: number, p: Pick<Period, 'fromDay' | 'toDay'>, sort?: RankSort) {
  const q = new URLSearchParams({ from: p.fromDay, to: p.toDay });
  if (sort) q.set('sort', sort);
  return `/d/${level}/${id}?${q}`;
}

/**
 * The way up from a dashboard: the parents the viewer may open, then the place itself — a link to
 * the compound's home for a compound, or to its dashboard when a list (`here`) closes the trail.
 */
export function Breadcrumbs({ actor, node, here }: { actor: Actor; node: ScopeNode; here?: string }) {
  const parents: Crumb[] = openableParents(actor, node).map((p) => ({ href: `/d/${p.level}/${p.id}`, label: p.name }));
  const place: Crumb[] = here
    ? [{ href: `/d/${node.level}/${node.id}`, label: node.name }, { label: here }]
    : [node.level === 'compound' ? { href: `/c/${node.id}`, label: node.name } : { label: node.name }];
  return <Breadcrumb items={[...parents, ...place]} noPrint />;
}

export async function PeriodForm({
  action,
  period,
  sort,
}: {
  action: string;
  period: Period & { error: boolean };
  sort?: RankSort;
}) {
  const t = await getTranslations('dash');
  const input = 'min-h-11 rounded-lg border border-stone-300 bg-white px-3';
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t('period')}>
      <label className="block">
        <span className="mb-1 block font-medium">{t('from')}</span>
        <input type="date" name="from" required defaultValue={period.fromDay} className={input} />
      </label>
      <label className="block">
        <span className="mb-1 block font-medium">{t('to')}</span>
        <input type="date" name="to" required defaultValue={period.toDay} className={input} />
      </label>
      {sort && <input type="hidden" name="sort" value={sort} />}
      <button type="submit" className={buttonClass('secondary')}>
        {t('apply')}
      </button>
      {period.error && (
        <p role="alert" className="basis-full text-brand-700">
          {t('badPeriod')}
        </p>
      )}
    </form>
  );
}

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
