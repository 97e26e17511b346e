import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listGrantScopes } from '@/db/queries/places';
import { getPersonInReach, listMembershipsOf, listOwnedUnits } from '@/db/queries/people';
import { parseId, requireStaff } from '@/lib/auth/guards';
import { isStaff, staffReach } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { GrantRoleForm, ResetPasswordForm, RevokeRoleButton } from './person-forms';

type Props = { params: Promise<{ personId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await getActor();
  const id = parseId((await params).personId);
  const person = actor && isStaff(actor) && id ? getPersonInReach(id, staffReach(actor)) : undefined;
  return { title: person?.name };
}

export default async function PersonPage({ params }: Props) {
  const actor = await requireStaff();
  const id = parseId((await params).personId);
  // Someone outside the staff member's reach is not found, as if they did not exist.
  const person = id ? getPersonInReach(id, staffReach(actor)) : undefined;
  if (!person) notFound();
  const [t, tr, tg] = await Promise.all([
    getTranslations('people'),
    getTranslations('roles'),
    getTranslations('guestKinds'),
  ]);
  const memberships = listMembershipsOf(person.id);
  const owned = listOwnedUnits(person.id);
  const scopes = listGrantScopes(actor);

  return (
    <div className="space-y-6">
      <nav aria-label={t('breadcrumb')} className="text-sm text-stone-600">
        <Link href="/admin" className="underline">
          {t('admin')}
        </Link>{' '}
        /{' '}
        <Link href="/admin/people" className="underline">
          {t('title')}
        </Link>{' '}
        / {person.name}
      </nav>
      <section className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h1 className="font-bold text-2xl">{person.name}</h1>
        <p className="text-stone-700 tabular-nums">
          {person.mobile} · {person.hasAccount ? t('hasAccount') : t('noAccount')}
          {person.partyMember ? ` · ${tr('party_member')}` : ''}
        </p>
        {owned.length > 0 && (
          <>
            <h2 className="mt-4 mb-1 font-semibold">{t('ownedUnits')}</h2>
            <ul className="text-stone-700">
              {owned.map((u) => (
                <li key={`${u.compound}${u.building}${u.number}`}>
                  {u.compound} {u.building}
                  {u.number}
                  {u.holderKind === 'co_owners' ? ` （${t('coOwned')}）` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="roles-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="roles-heading" className="mb-3 font-semibold text-lg">
          {t('roles')}
        </h2>
        {memberships.length === 0 ? (
          <p className="text-stone-600">{t('noRoles')}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {memberships.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{tr(m.role)}</span>
                <span className="text-stone-700">{m.scopeName}</span>
                {m.grid && <span className="text-sm text-stone-600">{m.grid}</span>}
                {m.guestKind && <span className="text-sm text-stone-600">{tg(m.guestKind)}</span>}
                <RevokeRoleButton membershipId={m.id} label={`${tr(m.role)} · ${m.scopeName ?? ''}`} />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 mb-3 font-semibold">{t('grantRole')}</h3>
        <GrantRoleForm personId={person.id} scopes={scopes} />
      </section>

      <section aria-labelledby="password-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="password-heading" className="mb-1 font-semibold text-lg">
          {t('resetPassword')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('resetHint')}</p>
        <ResetPasswordForm personId={person.id} />
      </section>
    </div>
  );
}
