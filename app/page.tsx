import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listVisibleCompounds, scopeNames } from '@/db/places/places';
import { isStaff, rolesIn } from '@/lib/auth/permissions';
import { requireActor } from '@/server/auth/session';
import { RoleBadges } from './_components/badges';
import { buttonClass } from './_components/button';
import { OpenAssemblies } from './_components/open-assemblies';

export default async function HomePage() {
  const actor = await requireActor();
  const t = await getTranslations('home');
  const tr = await getTranslations('roles');
  const compounds = listVisibleCompounds(actor);
  const of = (scope: string) => actor.memberships.filter((m) => m.scopeType === scope).map((m) => m.scopeId);
  const names = scopeNames(of('street'), of('district'), of('community'), of('company'));
  const staffScopes = actor.memberships.filter((m) => m.scopeType !== 'compound');
  const nameOf = (scopeType: string, id: number) =>
    ({
      street: names.streets,
      district: names.districts,
      community: names.communities,
      company: names.companies,
    })[scopeType]?.get(id) ?? '';

  return (
    <div className="space-y-6">
      <section>
        <h1 className="font-bold text-2xl">{t('greeting', { name: actor.name })}</h1>
        {staffScopes.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2 text-stone-700">
            {staffScopes.map((m) => (
              <li key={`${m.role}-${m.scopeId}`} className="rounded-lg bg-white px-3 py-1 ring-1 ring-stone-200">
                {nameOf(m.scopeType, m.scopeId)} · {tr(m.role)}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          {isStaff(actor) && (
            <Link href="/admin" className={buttonClass('secondary')}>
              {t('admin')}
            </Link>
          )}
          {actor.memberships.some((m) => m.role === 'property_staff') && (
            <Link href="/tasks" className={buttonClass('primary')}>
              {t('tasks')}
            </Link>
          )}
          {staffScopes
            .filter((m) => m.scopeType === 'community' || m.scopeType === 'street' || m.scopeType === 'district')
            .map((m) => (
              <Link
                key={`d-${m.scopeType}-${m.scopeId}`}
                href={`/d/${m.scopeType}/${m.scopeId}`}
                className={buttonClass('primary')}
              >
                {t('dashboards', { name: nameOf(m.scopeType, m.scopeId) })}
              </Link>
            ))}
          {actor.memberships.some((m) => m.role === 'community_worker' || m.role === 'street_staff') && (
            <Link href="/escalations" className={buttonClass('primary')}>
              {t('escalations')}
            </Link>
          )}
        </div>
      </section>

      <OpenAssemblies personId={actor.personId} />

      <section aria-labelledby="my-compounds">
        <h2 id="my-compounds" className="mb-3 font-semibold text-lg">
          {t('myCompounds', { count: compounds.length })}
        </h2>
        {compounds.length === 0 ? (
          <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {compounds.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/c/${c.id}`}
                  className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 transition hover:ring-brand-600"
                >
                  <span className="block font-semibold text-lg">{c.name}</span>
                  <span className="mb-2 block text-sm text-stone-600">
                    {c.streetName} · {c.communityName}
                  </span>
                  <RoleBadges roles={rolesIn(actor, c)} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
