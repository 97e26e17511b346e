import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { compoundFigures, listBuildings } from '@/db/places/places';
import { formatArea } from '@/lib/area';
import { shanghaiDay } from '@/lib/time';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { canAdministerCompound, canViewRegister } from '@/lib/auth/permissions';
import { seesHouseholds } from '@/lib/households/rules';
import { RoleBadges } from '../../_components/badges';
import { buttonClass } from '../../_components/button';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await peekCompound((await params).compoundId))?.name };
}

export default async function CompoundPage({ params }: Props) {
  const { actor, compound, roles } = await requireCompound((await params).compoundId);
  const [t, tn, tf] = await Promise.all([
    getTranslations('compound'),
    getTranslations('nav'),
    getTranslations('follow'),
  ]);
  const figures = compoundFigures(compound.id);
  const buildingList = listBuildings(compound.id);
  const figureItems = [
    { label: t('buildings'), value: String(figures?.buildings ?? 0) },
    { label: t('units'), value: String(figures?.units ?? 0) },
    { label: t('owners'), value: String(figures?.holders ?? 0) },
    { label: t('area'), value: `${formatArea(figures?.area ?? 0)} m²` },
  ];

  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <p className="text-sm text-stone-600">
          {compound.streetName} · {compound.communityName}
        </p>
        <h1 className="mb-3 font-bold text-2xl">{compound.name}</h1>
        <p className="mb-1 text-sm text-stone-600">{t('myRoles')}</p>
        <RoleBadges roles={roles} partyMember={actor.partyMember} />
        <div className="mt-4 flex flex-wrap gap-2">
          <Link href={`/c/${compound.id}/topics`} className={buttonClass('primary')}>
            {tn('topics')}
          </Link>
          <Link href={`/c/${compound.id}/meetings`} className={buttonClass('secondary')}>
            {tn('meetings')}
          </Link>
          <Link href={`/c/${compound.id}/assemblies`} className={buttonClass('secondary')}>
            {t('assemblies')}
          </Link>
          <Link href={`/c/${compound.id}/board`} className={buttonClass('secondary')}>
            {t('board')}
          </Link>
          <Link href={`/d/compound/${compound.id}`} className={buttonClass('secondary')}>
            {t('dashboard')}
          </Link>
          {!canViewRegister(actor, compound) && (
            <Link href={`/c/${compound.id}/register`} className={buttonClass('secondary')}>
              {t('register')}
            </Link>
          )}
          {seesHouseholds(actor, compound) && (
            <Link href={`/c/${compound.id}/households`} className={buttonClass('secondary')}>
              {t('households')}
            </Link>
          )}
          {!canAdministerCompound(actor, compound) && (
            <Link href={`/admin/compounds/${compound.id}`} className={buttonClass('secondary')}>
              {t('manage')}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures" className="sr-only">
          {t('figures')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figureItems.map((f) => (
            <div key={f.label} className="rounded-xl bg-white p-4 ring-1 ring-stone-200">
              <dt className="text-sm text-stone-600">{f.label}</dt>
              <dd className="font-semibold text-xl tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {!canViewRegister(actor, compound) && (
        <section aria-labelledby="export-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="export-h" className="mb-1 font-semibold text-lg">
            {tf('exportTitle')}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{tf('exportHint')}</p>
          <form method="get" action={`/api/compounds/${compound.id}/export`} className="flex flex-wrap items-end gap-3">
            <label className="block">
              <span className="mb-1 block font-medium">{tf('from')}</span>
              <input
                type="date"
                name="from"
                required
                defaultValue={shanghaiDay(Date.now() - 365 * 86_400_000)}
                className="min-h-11 rounded-lg border border-stone-300 bg-white px-3"
              />
            </label>
            <label className="block">
              <span className="mb-1 block font-medium">{tf('to')}</span>
              <input
                type="date"
                name="to"
                required
                defaultValue={shanghaiDay(Date.now())}
                className="min-h-11 rounded-lg border border-stone-300 bg-white px-3"
              />
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              {tf('exportCsv')}
            </button>
          </form>
        </section>
      )}

      <section aria-labelledby="building-list">
        <h2 id="building-list" className="mb-3 font-semibold text-lg">
          {t('buildingList')}
        </h2>
        <ul className="grid gap-2 sm:grid-cols-3">
          {buildingList.map((b) => (
            <li key={b.id} className="rounded-lg bg-white px-4 py-3 ring-1 ring-stone-200">
              <span className="font-medium">{b.name}</span>
              <span className="ml-2 text-sm text-stone-600">
                {t('buildingMeta', { floors: b.floors, units: b.units })}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
