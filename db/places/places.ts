import 'server-only';
import { asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Actor, CommunityPlace, CompoundPlace } from '@/lib/auth/permissions';
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

/** Streets of the given districts, by id and name. */
export function listStreetsOf(districtIds: readonly number[]) {
  if (districtIds.length === 0) return [];
  return getDb()
    .select({ id: streets.id, name: streets.name })
    .from(streets)
    .where(inArray(streets.districtId, [...districtIds]))
    .all();
}

/** The given districts, by id and name. */
export function listDistricts(districtIds: readonly number[]) {
  if (districtIds.length === 0) return [];
  return getDb()
    .select({ id: districts.id, name: districts.name })
    .from(districts)
    .where(inArray(districts.id, [...districtIds]))
    .all();
}

/** Every property company, by name. */
export function listCompanyNames() {
  return getDb()
    .select({ id: propertyCompanies.id, name: propertyCompanies.name })
    .from(propertyCompanies)
    .orderBy(asc(propertyCompanies.name))
    .all();
}
