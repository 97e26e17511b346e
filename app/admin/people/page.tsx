import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listGrantScopes } from '@/server/people/grant-scopes';
import { searchPeople } from '@/db/people/find';
import { requireStaff } from '@/server/auth/guards';
import { staffReach } from '@/lib/auth/permissions';
import { cleanSearch } from '@/lib/validation/human-text';
import { Breadcrumb } from '../../_components/breadcrumb';
import { buttonClass } from '../../_components/button';
import { GrantRoleForm } from './grant-role-form';
import { CreateAccountForm } from './create-account-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function PeoplePage({ searchParams }: Props) {
  const actor = await requireStaff();
  const t = await getTranslations('people');
  const raw = (await searchParams).q;
  const q = cleanSearch((Array.isArray(raw) ? raw[0] : raw) ?? '', 40);
  const results = q ? searchPeople(q, staffReach(actor)) : [];

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ href: '/admin', label: t('admin') }, { label: t('title') }]} />
      <h1 className="font-bold text-2xl">{t('title')}</h1>

      <section aria-labelledby="search-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="search-heading" className="mb-3 font-semibold text-lg">
          {t('search')}
        </h2>
        <search>
          <form className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              {t('searchLabel')}
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              maxLength={40}
              placeholder={t('searchPlaceholder')}
              className="min-h-11 flex-1 rounded-lg border border-stone-300 px-3"
            />
            <button type="submit" className={buttonClass('primary')}>
              {t('searchButton')}
            </button>
          </form>
        </search>
        {q && (
          <ul className="mt-4 divide-y divide-stone-200">
            {results.length === 0 && <li className="py-2 text-stone-600">{t('noResults')}</li>}
            {results.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/admin/people/${p.id}`}
                  className="flex flex-wrap items-center gap-x-3 py-3 hover:bg-stone-50"
                >
                  <span className="font-medium">{p.name}</span>
                  <span className="text-stone-600 tabular-nums">{p.mobile}</span>
                  <span className="ml-auto text-sm text-stone-600">
                    {p.hasAccount ? t('hasAccount') : t('noAccount')}
                  </span>
                  {p.reach === 'partial' && <span className="basis-full text-amber-800 text-sm">{t('partly')}</span>}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="create-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="create-heading" className="mb-1 font-semibold text-lg">
          {t('createAccount')}
        </h2>
        <p className="mb-4 text-sm text-stone-600">{t('createHint')}</p>
        <CreateAccountForm />
      </section>

      <section aria-labelledby="elsewhere-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="elsewhere-heading" className="mb-1 font-semibold text-lg">
          {t('grantElsewhere')}
        </h2>
        <p className="mb-4 text-sm text-stone-600">{t('grantElsewhereHint')}</p>
        <GrantRoleForm scopes={listGrantScopes(actor)} />
      </section>
    </div>
  );
}
