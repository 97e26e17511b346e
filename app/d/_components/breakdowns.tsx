import { getTranslations } from 'next-intl/server';
import type { byBuilding } from '@/db/dashboard/figures';
import type { ScopeNode } from '@/db/dashboard/scope';
import type { Period } from '@/lib/dashboard/period';
import { BarList } from './charts';
import { figureHref } from './links';

/** Topics raised in the period by category and (a compound's) by building, each opening its list. */

export async function CategorySection({
  categories,
  node,
  period,
}: {
  categories: { category: string; raised: number; closed: number }[];
  node: ScopeNode;
  period: Period;
}) {
  const [t, tt] = await Promise.all([getTranslations('dash'), getTranslations('topics')]);
  return (
    <section aria-labelledby="categories" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="categories" className="mb-3 font-semibold text-lg">
        {t('byCategory')}
      </h2>
      {categories.length === 0 ? (
        <p className="text-stone-600">{t('nothingRaised')}</p>
      ) : (
        <BarList
          max={categories[0]?.raised ?? 0}
          rows={categories.map((c) => ({
            key: c.category,
            label: tt.has(`categories.${c.category}` as 'categories.other')
              ? tt(`categories.${c.category}` as 'categories.other')
              : c.category,
            value: c.raised,
            href: figureHref(node, 'raised', period, { category: c.category }),
            note: t('closedOf', { n: c.closed }),
          }))}
        />
      )}
    </section>
  );
}

export async function BuildingSection({
  buildings,
  node,
  period,
}: {
  buildings: ReturnType<typeof byBuilding>;
  node: ScopeNode;
  period: Period;
}) {
  const [t, tt] = await Promise.all([getTranslations('dash'), getTranslations('topics')]);
  return (
    <section aria-labelledby="buildings" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="buildings" className="mb-3 font-semibold text-lg">
        {t('byBuilding')}
      </h2>
      <BarList
        max={Math.max(...buildings.map((b) => b.raised))}
        rows={buildings.map((b) => ({
          key: String(b.buildingId ?? 'all'),
          label: b.name ?? tt('wholeCompound'),
          value: b.raised,
          href:
            b.buildingId === null ? undefined : figureHref(node, 'raised', period, { building: String(b.buildingId) }),
          note: t('closedOf', { n: b.closed }),
        }))}
      />
    </section>
  );
}
