import { getTranslations } from 'next-intl/server';
import type { ScopeNode } from '@/db/dashboard/scope';
import { FUNNEL_KEYS } from '@/lib/dashboard/funnel';
import { percent } from '@/lib/dashboard/numbers';
import type { Period } from '@/lib/dashboard/period';
import type { SeriesPoint } from '@/lib/dashboard/series';
import { durationParts, STAGE_FIGURE, type StageFigure } from '@/lib/dashboard/stages';
import type { Totals } from '@/lib/dashboard/totals';
import { shanghaiDay } from '@/lib/time';
import { BarList, LineChart } from './charts';
import { figureHref } from './links';

/** How far the period's topics got: the funnel, raised and closed over time, and each stage's time. */

export async function FunnelSection({ node, period, totals }: { node: ScopeNode; period: Period; totals: Totals }) {
  const t = await getTranslations('dash');
  return (
    <section aria-labelledby="funnel" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="funnel" className="font-semibold text-lg">
        {t('funnel')}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t('funnelHint')}</p>
      <BarList
        max={totals.raised}
        rows={FUNNEL_KEYS.map((k) => ({
          key: k,
          label: t(`fig.${k}`),
          value: totals[k],
          href: figureHref(node, k, period),
          note: k === 'raised' ? undefined : `${percent(totals[k], totals.raised) ?? 0}%`,
        }))}
      />
    </section>
  );
}

export async function SeriesSection({ points }: { points: SeriesPoint[] }) {
  const t = await getTranslations('dash');
  return (
    <section aria-labelledby="series" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="series" className="mb-3 font-semibold text-lg">
        {t('overTime')}
      </h2>
      <LineChart
        points={points}
        dateOf={shanghaiDay}
        labels={{ raised: t('line.raised'), closed: t('line.closed'), period: t('line.from'), table: t('asTable') }}
      />
    </section>
  );
}

/** Each stage's count (opening the topics that finished it), median and slowest time. */
export async function StageTable({ stages, node, period }: { stages: StageFigure[]; node: ScopeNode; period: Period }) {
  const t = await getTranslations('dash');
  const duration = (h: number | null) => {
    if (h === null) return '—';
    const p = durationParts(h);
    return t(`duration.${p.unit}`, { n: p.value });
  };
  return (
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
            {stages.map((s) => (
              <tr key={s.stage} className="border-stone-100 border-t">
                <th scope="row" className="py-2 font-normal">
                  {t(`stageNames.${s.stage}`)}
                </th>
                <td className="py-2 text-right tabular-nums">
                  <a href={figureHref(node, STAGE_FIGURE[s.stage], period)} className="underline underline-offset-4">
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
  );
}
