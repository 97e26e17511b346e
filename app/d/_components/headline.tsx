import { getTranslations } from 'next-intl/server';
import type { ScopeNode } from '@/db/dashboard/scope';
import { formatTenths } from '@/lib/dashboard/numbers';
import type { Period } from '@/lib/dashboard/period';
import type { Totals } from '@/lib/dashboard/totals';
import type { TurnoutFigure } from '@/lib/dashboard/turnout';
import { Tile } from './charts';
import { figureHref } from './links';

/** The six tiles at the top; each figure opens the topics it counts. */
export async function Headline({
  node,
  period,
  totals: tot,
  turnout,
}: {
  node: ScopeNode;
  period: Period;
  totals: Totals;
  turnout: TurnoutFigure;
}) {
  const t = await getTranslations('dash');
  const href = (fig: Parameters<typeof figureHref>[1]) => figureHref(node, fig, period);
  return (
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
            value={turnout.headPercent === null ? '—' : `${turnout.headPercent}%`}
            hint={t('turnoutHint', { n: turnout.votes })}
          />
        ) : (
          <Tile label={t('fig.escalated')} value={String(tot.escalated)} href={href('escalated')} />
        )}
      </div>
    </section>
  );
}
