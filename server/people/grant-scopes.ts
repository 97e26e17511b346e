import 'server-only';
import {
  listCommunitiesInReach,
  listCompanyNames,
  listDistricts,
  listStreetsOf,
  listVisibleCompounds,
} from '@/db/places/places';
import { type Actor, canManageRole, staffOverCompound, staffReach } from '@/lib/auth/permissions';
import type { GrantScopes } from '@/lib/people/grant-scopes';

/**
 * Where the actor may give roles, per scope type, for the role form: the places the permissions
 * module lets them manage (it still decides each grant). Compounds and communities are narrowed
 * from the places in the actor's reach; streets, districts and companies are the district admin's.
 */
export function listGrantScopes(actor: Actor): GrantScopes {
  const { districtIds } = staffReach(actor);
  return {
    compound: listVisibleCompounds(actor)
      .filter((c) => staffOverCompound(actor, c))
      .map((c) => ({ id: c.id, name: `${c.communityName} · ${c.name}` })),
    community: listCommunitiesInReach(actor)
      .filter((c) => canManageRole(actor, 'community_worker', { scopeType: 'community', place: c }) === null)
      .map((c) => ({ id: c.id, name: `${c.streetName} · ${c.name}` })),
    street: listStreetsOf(districtIds),
    district: listDistricts(districtIds),
    company: districtIds.length > 0 ? listCompanyNames() : [],
  };
}
