import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FUNNEL_KEYS } from '@/lib/dashboard/funnel';
import { formatTenths, percent } from '@/lib/dashboard/numbers';
import { parsePeriod } from '@/lib/dashboard/period';
import { shanghaiDay } from '@/lib/time';
import { AutoRefresh } from '../../../_components/auto-refresh';
import { BarList, LineChart } from '../../../_components/charts';
import { WaitingList } from '../../../_components/waiting-list';
import { dashboardData, peekDashboard, requireDashboard } from '@/server/dashboard';

type Props = { params: Promise<{ level: string; id: string }> };

/** How often the control-room screen re-reads its figures. */
const REFRESH_SECONDS = 60;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { level, id } = await params;
  const found = await peekDashboard(level, id);
  const t = await getTranslations('dash');
  return { title: found ? t('screenTitle', { name: found.node.name }) : t('titlePlain') };
}

/**
 * Big-screen mode (大屏): a street's or the district's figures for a control-room display at
 * 1920×1080 — dark, large type, no controls; it refreshes itself every minute in place.
 */
export default async function BigScreenPage({ params }: Props) {
  const { level, id } = await params;
  const { node, view } = await requireDashboard(level, id);
  const now = Date.now();
  const period = parsePeriod({}, now);
  const [t, format] = await Promise.all([getTranslations('dash'), getFormatter()]);
  const d = dashboardData(node, view, period, 'overdue');
  const tot = d.totals;
  const tiles = [
    { key: 'raised', label: t('fig.raised'), value: String(tot.raised) },
    { key: 'closed', label: t('fig.closed'), value: String(tot.closed) },
    { key: 'onTime', label: t('onTimeRate'), value: tot.onTimePercent === null ? '—' : `${tot.onTimePercent}%` },
    { key: 'overdue', label: t('fig.overdue'), value: String(tot.overdue), alert: tot.overdue > 0 },
    { key: 'rating', label: t('rating'), value: tot.ratingTenths === null ? '—' : formatTenths(tot.ratingTenths) },
    { key: 'escalated', label: t('fig.escalated'), value: String(tot.escalated) },
  ];

  return (
    // On a screen smaller than the control room's it scrolls: focusable, so a keyboard can scroll it (WCAG 2.1.1).
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
      aria-label={t('screenTitle', { name: node.name })}
      className="fixed inset-0 z-50 flex flex-col overflow-auto bg-slate-950 p-8 text-slate-50"
      data-testid="big-screen"
    >
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <header className="mb-6 flex items-baseline justify-between gap-6">
        <h1 className="font-bold text-6xl">{t('screenTitle', { name: node.name })}</h1>
        <p className="text-3xl text-slate-300">
          {t('screenPeriod', { from: period.fromDay, to: period.toDay })} ·{' '}
          <span data-testid="updated-at">
            {t('updatedAt', { time: format.dateTime(now, { timeStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}
          </span>
        </p>
      </header>
      <dl className="mb-6 grid grid-cols-3 gap-4 xl:grid-cols-6">
        {tiles.map((x) => (
          <div key={x.key} className="rounded-2xl bg-slate-900 p-5" data-testid={`tile-${x.key}`}>
            <dt className="text-3xl text-slate-300">{x.label}</dt>
            <dd className={`font-bold text-7xl tabular-nums ${x.alert ? 'text-amber-400' : ''}`}>{x.value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid flex-1 gap-6 xl:grid-cols-3">
        <section aria-labelledby="s-funnel" className="rounded-2xl bg-slate-900 p-6 text-3xl">
          <h2 id="s-funnel" className="mb-6 font-semibold text-4xl">
            {t('funnel')}
          </h2>
          <BarList
            dark
            max={tot.raised}
            rows={FUNNEL_KEYS.map((k) => ({
              key: k,
              label: t(`fig.${k}`),
              value: tot[k],
              note: k === 'raised' ? undefined : `${percent(tot[k], tot.raised) ?? 0}%`,
            }))}
          />
        </section>
        <section aria-labelledby="s-rank" className="rounded-2xl bg-slate-900 p-6">
          <h2 id="s-rank" className="mb-4 font-semibold text-4xl">
            {t('screenRanking')}
          </h2>
          <table className="w-full text-3xl">
            <thead className="text-left text-2xl text-slate-300">
              <tr>
                <th className="pb-2 font-medium">
                  {node.level === 'district' ? t('levels.street') : t('levels.community')}
                </th>
                <th className="pb-2 text-right font-medium">{t('sorts.overdue')}</th>
                <th className="pb-2 text-right font-medium">{t('sorts.onTime')}</th>
                <th className="pb-2 text-right font-medium">{t('sorts.rating')}</th>
              </tr>
            </thead>
            <tbody>
              {(d.ranking ?? []).slice(0, 8).map((r) => (
                <tr key={r.id} className="border-slate-800 border-t">
                  <th scope="row" className="truncate py-3 text-left font-normal">
                    {r.name}
                  </th>
                  <td className={`py-2 text-right tabular-nums ${r.totals.overdue > 0 ? 'text-amber-400' : ''}`}>
                    {r.totals.overdue}
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {r.totals.onTimePercent === null ? '—' : `${r.totals.onTimePercent}%`}
                  </td>
                  <td className="py-2 text-right tabular-nums">
                    {r.totals.ratingTenths === null ? '—' : formatTenths(r.totals.ratingTenths)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div className="space-y-6">
          {d.waiting && (
            <WaitingList
              dark
              waiting={{ ...d.waiting, rows: d.waiting.rows.slice(0, 6) }}
              level={node.level}
              now={now}
            />
          )}
          <section aria-labelledby="s-series" className="rounded-2xl bg-slate-900 p-6">
            <h2 id="s-series" className="mb-2 font-semibold text-4xl">
              {t('overTime')}
            </h2>
            <LineChart
              dark
              points={d.series}
              dateOf={shanghaiDay}
              labels={{
                raised: t('line.raised'),
                closed: t('line.closed'),
                period: t('line.from'),
                table: t('asTable'),
              }}
            />
          </section>
        </div>
      </div>
    </section>
  );
}
