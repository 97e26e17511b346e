import 'server-only';
import type { GrantScopes } from '@/lib/people/grant-scopes';
import { asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, type CommunityPlace, type CompoundPlace, canViewCompound } from '@/lib/auth/permissions';
import { parseId } from '@/lib/validation/common';
import { getDb, prepared } from '../client';
import {
  buildings,
  communities,
  compoundServices,
  compounds,
  districts,
  propertyCompanies,
  streets,
  units,
} from '../schema';

const companyIdsOf = sql<
  string | null
>`(select group_concat(company_id) from compound_services cs where cs.compound_id = compounds.id)`;

function parseIds(list: string | null): number[] {
  return list ? list.split(',').map(Number) : [];
}

export interface CompoundSummary extends CompoundPlace {
  name: string;
  communityName: string;
  streetName: string;
}

const summaryColumns = {
  id: compounds.id,
  name: compounds.name,
  communityId: compounds.communityId,
  communityName: communities.name,
  streetId: streets.id,
  streetName: streets.name,
  districtId: streets.districtId,
  companyIds: companyIdsOf,
};

const compoundPlaceStatement = prepared((db) =>
  db
    .select(summaryColumns)
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(compounds.id, sql.placeholder('id')))
    .prepare(),
);

/** One compound with its place in the ladder, or undefined. Callers then ask the permissions module. */
export function findCompoundPlace(compoundId: number): CompoundSummary | undefined {
  const row = compoundPlaceStatement().get({ id: compoundId });
  return row ? { ...row, companyIds: parseIds(row.companyIds) } : undefined;
}

/**
 * The compound if the actor may know it exists, else null: the one rule behind every "not found"
 * for a compound id from a URL or a form (`find` lets a request share one lookup).
 */
export function compoundVisibleTo(
  actor: Actor,
  compoundId: unknown,
  find: (id: number) => CompoundSummary | undefined = findCompoundPlace,
): CompoundSummary | null {
  const id = parseId(compoundId);
  const compound = id === null ? undefined : find(id);
  return compound && !canViewCompound(actor, compound) ? compound : null;
}

/** Every compound the actor belongs to, works for, or oversees: one query whatever their number. */
export function listVisibleCompounds(actor: Actor): CompoundSummary[] {
  const ids = (scope: string, roles?: string[]) =>
    actor.memberships.filter((m) => m.scopeType === scope && (!roles || roles.includes(m.role))).map((m) => m.scopeId);
  const conds: SQL[] = [];
  const compoundIds = [...ids('compound'), ...actor.ownerCompoundIds];
  if (compoundIds.length) conds.push(inArray(compounds.id, compoundIds));
  const companyIds = ids('company');
  if (companyIds.length) {
    conds.push(
      inArray(
        compounds.id,
        getDb()
          .select({ id: compoundServices.compoundId })
          .from(compoundServices)
          .where(inArray(compoundServices.companyId, companyIds)),
      ),
    );
  }
  if (ids('community').length) conds.push(inArray(compounds.communityId, ids('community')));
  if (ids('street').length) conds.push(inArray(streets.id, ids('street')));
  if (ids('district').length) conds.push(inArray(streets.districtId, ids('district')));
  if (conds.length === 0) return [];
  return getDb()
    .select(summaryColumns)
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(or(...conds))
    .orderBy(asc(streets.name), asc(communities.name), asc(compounds.name))
    .all()
    .map((r) => ({ ...r, companyIds: parseIds(r.companyIds) }));
}

/** Figures for a compound's front page. */
export function compoundFigures(compoundId: number) {
  return getDb().get<{ buildings: number; units: number; holders: number; area: number | null }>(sql`
    select (select count(*) from ${buildings} where compound_id = ${compoundId}) as buildings,
           count(*) as units,
           count(distinct holder_id) as holders,
           sum(area_centi) as area
    from ${units} where compound_id = ${compoundId}`);
}

export function listBuildings(compoundId: number) {
  return getDb()
    .select({
      id: buildings.id,
      name: buildings.name,
      floors: buildings.floors,
      units: sql<number>`(select count(*) from units u where u.building_id = buildings.id)`,
    })
    .from(buildings)
    .where(eq(buildings.compoundId, compoundId))
    .orderBy(asc(buildings.id))
    .all();
}

/** Communities the actor may create compounds in (staff reach), with their street. */
export function listCommunitiesInReach(actor: Actor): (CommunityPlace & { name: string; streetName: string })[] {
  const of = (role: string, scope: string) =>
    actor.memberships.filter((m) => m.role === role && m.scopeType === scope).map((m) => m.scopeId);
  const conds: SQL[] = [];
  if (of('community_worker', 'community').length)
    conds.push(inArray(communities.id, of('community_worker', 'community')));
  if (of('street_staff', 'street').length) conds.push(inArray(streets.id, of('street_staff', 'street')));
  if (of('district_admin', 'district').length)
    conds.push(inArray(streets.districtId, of('district_admin', 'district')));
  if (conds.length === 0) return [];
  return getDb()
    .select({
      id: communities.id,
      name: communities.name,
      streetId: streets.id,
      streetName: streets.name,
      districtId: streets.districtId,
    })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(or(...conds))
    .orderBy(asc(streets.name), asc(communities.name))
    .all();
}

export function findCommunityPlace(communityId: number): CommunityPlace | undefined {
  return getDb()
    .select({ id: communities.id, streetId: streets.id, districtId: streets.districtId })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .where(eq(communities.id, communityId))
    .get();
}

/** Names of streets, districts, communities and companies by id, for naming staff scopes on screen. */
export function scopeNames(streetIds: number[], districtIds: number[], communityIds: number[], companyIds: number[]) {
  const names = <T extends typeof streets | typeof districts | typeof communities | typeof propertyCompanies>(
    table: T,
    ids: number[],
  ) =>
    new Map(
      ids.length
        ? getDb()
            .select({ id: table.id, name: table.name })
            .from(table as typeof streets)
            .where(inArray(table.id, ids))
            .all()
            .map((r) => [r.id, r.name] as const)
        : [],
    );
  return {
    streets: names(streets, streetIds),
    districts: names(districts, districtIds),
    communities: names(communities, communityIds),
    companies: names(propertyCompanies, companyIds),
  };
}

export type { GrantScopes };

/** Where the actor may give roles, per scope type (the permissions module still decides each grant). */
export function listGrantScopes(actor: Actor): GrantScopes {
  const db = getDb();
  const adminDistricts = actor.memberships
    .filter((m) => m.role === 'district_admin' && m.scopeType === 'district')
    .map((m) => m.scopeId);
  return {
    compound: listVisibleCompounds(actor)
      .filter((c) =>
        actor.memberships.some(
          (m) =>
            (m.role === 'community_worker' && m.scopeId === c.communityId) ||
            (m.role === 'street_staff' && m.scopeId === c.streetId) ||
            (m.role === 'district_admin' && m.scopeId === c.districtId),
        ),
      )
      .map((c) => ({ id: c.id, name: `${c.communityName} · ${c.name}` })),
    community: listCommunitiesInReach(actor)
      .filter((c) =>
        actor.memberships.some(
          (m) =>
            (m.role === 'street_staff' && m.scopeId === c.streetId) ||
            (m.role === 'district_admin' && m.scopeId === c.districtId),
        ),
      )
      .map((c) => ({ id: c.id, name: `${c.streetName} · ${c.name}` })),
    street: adminDistricts.length
      ? db
          .select({ id: streets.id, name: streets.name })
          .from(streets)
          .where(inArray(streets.districtId, adminDistricts))
          .all()
      : [],
    district: adminDistricts.length
      ? db
          .select({ id: districts.id, name: districts.name })
          .from(districts)
          .where(inArray(districts.id, adminDistricts))
          .all()
      : [],
    company: adminDistricts.length
      ? db
          .select({ id: propertyCompanies.id, name: propertyCompanies.name })
          .from(propertyCompanies)
          .orderBy(asc(propertyCompanies.name))
          .all()
      : [],
  };
}
