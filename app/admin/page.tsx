import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listCommunitiesInReach, listVisibleCompounds } from '@/db/places/places';
import { requireStaff } from '@/server/auth/guards';
import { staffOverCompound } from '@/lib/auth/permissions';
import { buttonClass } from '../_components/button';
import { CreateCompoundForm } from './create-compound-form';
import { DistrictRules } from './district-rules';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const actor = await requireStaff();
  const t = await getTranslations('admin');
  const compounds = listVisibleCompounds(actor).filter((c) => staffOverCompound(actor, c));
  const communities = listCommunitiesInReach(actor);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-bold text-2xl">{t('title')}</h1>
        <Link href="/admin/people" className={buttonClass('secondary', 'ml-auto')}>
          {t('peopleLink')}
        </Link>
        <Link href="/admin/corrections" className={buttonClass('secondary')}>
          {t('correctionsLink')}
        </Link>
      </div>

      <section aria-labelledby="compounds-heading">
        <h2 id="compounds-heading" className="mb-3 font-semibold text-lg">
          {t('compounds', { count: compounds.length })}
        </h2>
        <ul className="divide-y divide-stone-200 rounded-xl bg-white ring-1 ring-stone-200">
          {compounds.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
              <span className="font-medium">{c.name}</span>
              <span className="text-sm text-stone-600">
                {c.streetName} · {c.communityName}
              </span>
              <span className="ml-auto flex gap-2">
                <Link href={`/c/${c.id}`} className={buttonClass('ghost')}>
                  {t('open')}
                </Link>
                <Link href={`/admin/compounds/${c.id}`} className={buttonClass('secondary')}>
                  {t('manage')}
                  <span className="sr-only">{c.name}</span>
                </Link>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <DistrictRules actor={actor} />

      <section aria-labelledby="create-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="create-heading" className="mb-3 font-semibold text-lg">
          {t('createCompound')}
        </h2>
        <CreateCompoundForm
          communities={communities.map((c) => ({ id: c.id, label: `${c.streetName} · ${c.name}` }))}
        />
      </section>
    </div>
  );
}
