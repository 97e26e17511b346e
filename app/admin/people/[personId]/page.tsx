import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { logPersonView } from '@/db/households/privacy';
import { listGrantScopes } from '@/server/people/grant-scopes';
import { getPersonInReach, listMembershipsOf, listOwnedUnits } from '@/db/people/find';
import { parseId, requireStaff } from '@/server/auth/guards';
import { type Actor, isStaff, staffReach } from '@/lib/auth/permissions';
import { getActor } from '@/server/auth/session';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { GrantRoleForm } from '../grant-role-form';
import { ResetPasswordForm, RevokeRoleButton } from './person-forms';

type Props = { params: Promise<{ personId: string }> };

/**
 * The person as this staff member may see them (docs/decisions/0012): whole when wholly within their
 * reach; only at the staff member's own places when partly; otherwise not at all.
 */
async function personFor(actor: Actor, { params }: Props) {
  const id = parseId((await params).personId);
  return id ? (getPersonInReach(id, staffReach(actor)) ?? null) : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const actor = await getActor();
  const person = actor && isStaff(actor) ? await personFor(actor, props) : null;
  return { title: person?.name };
}

export default async function PersonPage(props: Props) {
  const actor = await requireStaff();
  // Someone outside the staff member's reach is not found, as if they did not exist.
  const person = await personFor(actor, props);
  if (!person) notFound();
  // Every look at a person's details is kept, and shown to them under "My account" (个人信息保护法).
  logPersonView(person.id, actor.personId, Date.now());
  const limited = person.reach === 'partial';
  const reach = staffReach(actor);
  const [t, tr, tg] = await Promise.all([
    getTranslations('people'),
    getTranslations('roles'),
    getTranslations('guestKinds'),
  ]);
  const scopes = listGrantScopes(actor);
  // Someone partly within reach is shown only at the staff member's own places.
  const memberships = listMembershipsOf(person.id, limited ? reach : undefined);
  const owned = listOwnedUnits(person.id, limited ? reach : undefined);

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { href: '/admin', label: t('admin') },
          { href: '/admin/people', label: t('title') },
          { label: person.name },
        ]}
      />
      <section className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h1 className="font-bold text-2xl">{person.name}</h1>
        <p className="text-stone-700 tabular-nums">
          {person.mobile} · {person.hasAccount ? t('hasAccount') : t('noAccount')}
          {person.partyMember ? ` · ${tr('party_member')}` : ''}
        </p>
        {limited && (
          <p className="mt-3 rounded-lg bg-amber-50 p-3 text-amber-900 text-sm ring-1 ring-amber-200">
            {t('partlyNote')}
          </p>
        )}
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

      {!limited && (
        <section aria-labelledby="password-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="password-heading" className="mb-1 font-semibold text-lg">
            {t('resetPassword')}
          </h2>
          <p className="mb-3 text-sm text-stone-600">{t('resetHint')}</p>
          <ResetPasswordForm personId={person.id} />
        </section>
      )}
    </div>
  );
}
