import { getTranslations } from 'next-intl/server';
import type { Period } from '@/lib/dashboard/period';
import type { RankSort } from '@/lib/dashboard/ranking';
import { buttonClass } from '../../_components/button';

/** The dates a dashboard covers; the ranking's order rides along so that changing dates keeps it. */
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
