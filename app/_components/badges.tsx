import { getTranslations } from 'next-intl/server';
import type { Role } from '@/lib/auth/roles';

/** Display order: the 1, then the 3, then N and staff. */
const ORDER: Role[] = [
  'branch_secretary',
  'branch_member',
  'committee_chair',
  'committee_member',
  'property_staff',
  'owner',
  'tenant',
  'family_member',
  'resident_rep',
  'grid_worker',
  'guest',
  'community_worker',
  'street_staff',
  'district_admin',
];

export async function RoleBadges({ roles, partyMember }: { roles: Iterable<Role>; partyMember?: boolean }) {
  return <RoleBadgeList t={await getTranslations('roles')} roles={roles} partyMember={partyMember} />;
}

type RolesTranslator = Awaited<ReturnType<typeof getTranslations<'roles'>>>;

/**
 * The badges with a translator the caller already has: a thread renders them for every comment, and
 * one async component per comment costs more than its own markup (docs/decisions/0019-performance.md).
 */
export function RoleBadgeList({
  t,
  roles,
  partyMember,
}: {
  t: RolesTranslator;
  roles: Iterable<Role>;
  partyMember?: boolean | undefined;
}) {
  const set = new Set(roles);
  const shown = ORDER.filter((r) => set.has(r));
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={t('label')}>
      {partyMember && (
        <li className="rounded-full bg-brand-700 px-2.5 py-0.5 font-medium text-sm text-white">{t('party_member')}</li>
      )}
      {shown.map((r) => (
        <li key={r} className="rounded-full border border-stone-300 bg-white px-2.5 py-0.5 text-sm text-stone-800">
          {t(r)}
        </li>
      ))}
    </ul>
  );
}
