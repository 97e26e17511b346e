import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FUNNEL_KEYS } from '@/lib/dashboard/funnel';
import { formatTenths, percent } from '@/lib/dashboard/numbers';
import { parsePeriod } from '@/lib/dashboard/period';
import { durationParts, STAGE_FIGURE } from '@/lib/dashboard/stages';
import { shanghaiDay } from '@/lib/time';
import { buttonClass } from '../../../_components/button';
import { BarList, LineChart, Tile } from '../../_components/charts';
import { Breadcrumbs, figureHref, PeriodForm, RankTable, WaitingList } from '../../_components/parts';
import { dashboardData, parseSort, peekDashboard, requireDashboard } from '@/server/dashboard';

type Props = {
  params: Promise<{ level: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { level, id } = await params;
  const found = await peekDashboard(level, id);
  const t = await getTranslations('dash');
  return { title: found ? t('title', { name: found.node.name }) : t('titlePlain') };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { level, id } = await params;
  const { actor, node, view } = await requireDashboard(level, id);
  const q = await searchParams;
  const now = Date.now();
  const period = parsePeriod({ from: first(q.from), to: first(q.to) }, now);
  const sort = parseSort(first(q.sort));
  const [t, tt, format] = await Promise.all([getTranslations('dash'), getTranslations('topics'), getFormatter()]);
  const d = dashboardData(node, view, period, sort);
  const full = view === 'full';
  const tot = d.totals;
  const href = (fig: Parameters<typeof figureHref>[1], extra?: Record<string, string>) =>
    figureHref(node, fig, period, extra);
  const duration = (h: number | null) => {
    if (h === null) return '—';
    const p = durationParts(h);
    return t(`duration.${p.unit}`, { n: p.value });
  };
  const base = `/d/${node.level}/${node.id}`;

  return (
    <div className="space-y-6">
      <Breadcrumbs actor={actor} node={node} />
      <header className="flex flex-wrap items-end gap-3">
        <div>
          <p className="text-sm text-stone-600">{t(`levels.${node.level}`)}</p>
          <h1 className="font-bold text-2xl">{t('title', { name: node.name })}</h1>
          {!full && <p className="text-sm text-stone-600">{t('publicPart')}</p>}
        </div>
        <div className="ml-auto flex flex-wrap gap-2 print:hidden">
          {node.level === 'compound' && (
            <a href={`/c/${node.id}/board`} className={buttonClass('secondary')}>
              {t('board')}
            </a>
          )}
          {node.level !== 'compound' && (
            <a href={`${base}/screen`} className={buttonClass('secondary')}>
              {t('bigScreen')}
            </a>
          )}
        </div>
      </header>

      <PeriodForm action={base} period={period} sort={sort} />

      <section aria-labelledby="headline">
        <h2 id="headline" className="sr-only">
          {t('headline')}
        </h2>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          <Tile label={t('fig.raised')} value={String(tot.raised)} href={href('raised')} />
          <Tile label={t('fig.closed')} value={String(tot.closed)} href={href('closed')} />
          <Tile
            label={t('onTimeRate')}
            value={tot.onTimePercent === null ? '—' : `${tot.onTimePercent}%`}
            hint={t('onTimeHint', { onTime: tot.onTime, done: tot.done })}
            href={tot.done > 0 ? href('done') : undefined}
          />
          <Tile
            label={t('fig.overdue')}
            value={String(tot.overdue)}
            href={href('overdue')}
            tone={tot.overdue > 0 ? 'alert' : 'plain'}
            hint={t('overdueHint')}
          />
          <Tile
            label={t('rating')}
            value={tot.ratingTenths === null ? '—' : formatTenths(tot.ratingTenths)}
            hint={t('ratingHint', { n: tot.ratings })}
            href={tot.rated > 0 ? href('rated') : undefined}
          />
          {node.level === 'compound' ? (
            <Tile
              label={t('turnout')}
              value={d.turnout.headPercent === null ? '—' : `${d.turnout.headPercent}%`}
              hint={t('turnoutHint', { n: d.turnout.votes })}
            />
          ) : (
            <Tile label={t('fig.escalated')} value={String(tot.escalated)} href={href('escalated')} />
          )}
        </div>
      </section>

      <section aria-labelledby="funnel" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="funnel" className="font-semibold text-lg">
          {t('funnel')}
        </h2>
        <p className="mb-4 text-sm text-stone-600">{t('funnelHint')}</p>
        <BarList
          max={tot.raised}
          rows={FUNNEL_KEYS.map((k) => ({
            key: k,
            label: t(`fig.${k}`),
            value: tot[k],
            href: href(k),
            note: k === 'raised' ? undefined : `${percent(tot[k], tot.raised) ?? 0}%`,
          }))}
        />
      </section>

      <section aria-labelledby="series" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="series" className="mb-3 font-semibold text-lg">
          {t('overTime')}
        </h2>
        <LineChart
          points={d.series}
          dateOf={shanghaiDay}
          labels={{ raised: t('line.raised'), closed: t('line.closed'), period: t('line.from'), table: t('asTable') }}
        />
      </section>

      {d.stages && (
        <section aria-labelledby="stages" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="stages" className="font-semibold text-lg">
            {t('stages')}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t('stagesHint')}</p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm sm:text-base">
              <thead className="text-sm text-stone-600">
                <tr>
                  <th className="py-2 font-medium">{t('stage')}</th>
                  <th className="py-2 text-right font-medium">{t('finished')}</th>
                  <th className="py-2 text-right font-medium">{t('median')}</th>
                  <th className="py-2 text-right font-medium">{t('slowest')}</th>
                </tr>
              </thead>
              <tbody>
                {d.stages.map((s) => (
                  <tr key={s.stage} className="border-stone-100 border-t">
                    <th scope="row" className="py-2 font-normal">
                      {t(`stageNames.${s.stage}`)}
                    </th>
                    <td className="py-2 text-right tabular-nums">
                      <a href={href(STAGE_FIGURE[s.stage])} className="underline underline-offset-4">
                        {s.count}
                      </a>
                    </td>
                    <td className="py-2 text-right tabular-nums">{duration(s.medianHours)}</td>
                    <td className="py-2 text-right tabular-nums">
                      {s.slowestTopicId !== null && node.level === 'compound' ? (
                        <a href={`/c/${node.id}/topics/${s.slowestTopicId}`} className="underline">
                          {duration(s.slowestHours)}
                        </a>
                      ) : (
                        duration(s.slowestHours)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="votes" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="votes" className="font-semibold text-lg">
          {t('votes')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">
          {t('votesSummary', {
            n: d.turnout.votes,
            head: d.turnout.headPercent ?? 0,
            owners: d.turnout.ownersDecisions,
            area: d.turnout.areaPercent ?? 0,
          })}
        </p>
        {d.recentVotes.length > 0 && (
          <ul className="space-y-4">
            {d.recentVotes.map((v) => {
              const head = percent(v.voted, v.electorate) ?? 0;
              const area = v.totalAreaCenti ? (percent(v.votedAreaCenti ?? 0, v.totalAreaCenti) ?? 0) : null;
              return (
                <li key={v.id}>
                  <a href={`/c/${v.compoundId}/votes/${v.id}`} className="font-medium underline underline-offset-4">
                    {v.question}
                  </a>
                  <p className="text-sm text-stone-600">
                    {v.status === 'open'
                      ? t('voteOpen', { ends: format.dateTime(v.endsAt, { dateStyle: 'medium', timeStyle: 'short' }) })
                      : t(v.passed === null ? 'voteClosed' : v.passed ? 'votePassed' : 'voteFailed')}
                    {' · '}
                    {t('voteHead', { voted: v.voted, electorate: v.electorate, pct: head })}
                    {area !== null && ` · ${t('voteArea', { pct: area })}`}
                  </p>
                  <div aria-hidden className="mt-1 h-3 rounded-full bg-stone-200">
                    <div className="h-3 rounded-full bg-brand-700" style={{ width: `${head}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="categories" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="categories" className="mb-3 font-semibold text-lg">
          {t('byCategory')}
        </h2>
        {d.categories.length === 0 ? (
          <p className="text-stone-600">{t('nothingRaised')}</p>
        ) : (
          <BarList
            max={d.categories[0]?.raised ?? 0}
            rows={d.categories.map((c) => ({
              key: c.category,
              label: tt.has(`categories.${c.category}` as 'categories.other')
                ? tt(`categories.${c.category}` as 'categories.other')
                : c.category,
              value: c.raised,
              href: href('raised', { category: c.category }),
              note: t('closedOf', { n: c.closed }),
            }))}
          />
        )}
      </section>

      {d.buildings && d.buildings.length > 0 && (
        <section aria-labelledby="buildings" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="buildings" className="mb-3 font-semibold text-lg">
            {t('byBuilding')}
          </h2>
          <BarList
            max={Math.max(...d.buildings.map((b) => b.raised))}
            rows={d.buildings.map((b) => ({
              key: String(b.buildingId ?? 'all'),
              label: b.name ?? tt('wholeCompound'),
              value: b.raised,
              href: b.buildingId === null ? undefined : href('raised', { building: String(b.buildingId) }),
              note: t('closedOf', { n: b.closed }),
            }))}
          />
        </section>
      )}

      {d.ranking && <RankTable rows={d.ranking} node={node} period={period} sort={sort} />}

      {d.waiting && <WaitingList waiting={d.waiting} level={node.level} now={now} />}
    </div>
  );
}
