import Link from 'next/link';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { listVisibleCompounds, scopeNames } from '@/db/places/places';
import { isStaff, rolesIn } from '@/lib/auth/permissions';
import { requireActor } from '@/server/auth/session';
import { myWork } from '@/server/work/my-work';
import { CARE_COOKIE } from './_components/care';
import { RoleBadges } from './_components/badges';
import { BigButtons } from './_components/big-buttons';
import { buttonClass } from './_components/button';
import { MyWorkList } from './_components/my-work';
import { OpenAssemblies } from './_components/open-assemblies';

/** Items of My work shown on the home page; the rest are one tap away (/work). */
const HOME_WORK = 5;

/**
 * Home: what waits for the person (My work), then their places. In elderly mode (关怀模式) it is
 * simpler: three big buttons for each of their own compounds, then My work.
 */
export default async function HomePage() {
  const actor = await requireActor();
  const [t, tr, store] = await Promise.all([getTranslations('home'), getTranslations('roles'), cookies()]);
  const care = store.get(CARE_COOKIE)?.value === '1';
  const now = Date.now();
  const work = myWork(actor, now);
  const workCompounds = new Set(work.map((w) => w.compoundId));
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

  const workSection = (
    <section aria-labelledby="my-work" className="space-y-2">
      <h2 id="my-work" className="font-semibold text-lg">
        <Link href="/work" className="inline-flex min-h-11 items-center underline-offset-4 hover:underline">
          {t('myWork', { count: work.length })}
        </Link>
      </h2>
      <MyWorkList rows={work} now={now} showCompound={workCompounds.size > 1} limit={HOME_WORK} />
    </section>
  );

  if (care) {
    // Their own compounds (where they live or hold a role there), not every compound staff oversee.
    const own = compounds.filter(
      (c) =>
        actor.ownerCompoundIds.includes(c.id) ||
        actor.memberships.some((m) => m.scopeType === 'compound' && m.scopeId === c.id),
    );
    return (
      <div className="space-y-8">
        <h1 className="font-bold text-3xl">{t('greeting', { name: actor.name })}</h1>
        <OpenAssemblies personId={actor.personId} />
        {own.map((c) => (
          <BigButtons key={c.id} compound={c} />
        ))}
        {workSection}
      </div>
    );
  }

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

      {/* An owners' assembly's notice keeps its own place at the top until the person has voted. */}
      <OpenAssemblies personId={actor.personId} />
      {workSection}

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
