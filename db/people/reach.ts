import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import type { ScopeType } from '@/lib/auth/roles';

/**
 * Which people a staff member may administer, in SQL (docs/decisions/0012-person-within-reach.md).
 *
 * A place lies within a staff member's reach when it is a compound or community of their
 * community/street/district, one of their streets, their district, or a property company all of
 * whose compounds lie there. A person is *wholly* within reach when every compound they hold a unit
 * in and every role they hold lies within it (someone nobody has placed yet is, vacuously), and
 * *partly* when some but not all of it does. Only the whole counts for what hands over a person:
 * opening or activating their account, resetting their password, importing a unit onto them. A
 * person partly within reach is seen only at the staff member's own places.
 */
export function reachSql(reach: StaffReach) {
  const list = (ids: number[]) => sql`(select value from json_each(${JSON.stringify(ids)}))`;
  const communities = sql`(select cm.id from communities cm join streets s on s.id = cm.street_id
     where cm.id in ${list(reach.communityIds)} or cm.street_id in ${list(reach.streetIds)}
        or s.district_id in ${list(reach.districtIds)})`;
  const compoundsThere = sql`(select c.id from compounds c where c.community_id in ${communities})`;
  const streetsThere = sql`(select s.id from streets s
     where s.id in ${list(reach.streetIds)} or s.district_id in ${list(reach.districtIds)})`;
  const anyDistrict = reach.districtIds.length > 0 ? sql`1` : sql`0`;

  /** Whether the place (scope type, scope id) lies within reach. */
  const place = (scopeType: SQL, scopeId: SQL) => sql`(
       (${scopeType} = 'compound' and ${scopeId} in ${compoundsThere})
    or (${scopeType} = 'community' and ${scopeId} in ${communities})
    or (${scopeType} = 'street' and ${scopeId} in ${streetsThere})
    or (${scopeType} = 'district' and ${scopeId} in ${list(reach.districtIds)})
    or (${scopeType} = 'company'
        and not exists (select 1 from compound_services cs
                         where cs.company_id = ${scopeId} and cs.compound_id not in ${compoundsThere})
        and (${anyDistrict} or exists (select 1 from compound_services cs where cs.company_id = ${scopeId}))))`;

  const roleThere = place(sql`m.scope_type`, sql`m.scope_id`);
  // Written out rather than `${people.id}`: inside a select list drizzle renders a column of a
  // one-table query without its table, which the subqueries would bind to their own "id".
  const person = sql.raw('people.id');
  const unit = (inOrNot: SQL) => sql`exists (select 1 from holder_members hm join holders h on h.id = hm.holder_id
     where hm.person_id = ${person} and h.compound_id ${inOrNot} ${compoundsThere})`;

  return {
    place,
    /** Every unit and role of the person lies within reach (true for someone with neither). */
    whole: sql<number>`(not ${unit(sql`not in`)}
      and not exists (select 1 from memberships m where m.person_id = ${person} and not ${roleThere}))`,
    /** Some unit or role of the person lies within reach. */
    some: sql<number>`(${unit(sql`in`)}
      or exists (select 1 from memberships m where m.person_id = ${person} and ${roleThere}))`,
    /** The compounds within reach, for filtering a person's units to the staff member's places. */
    compounds: compoundsThere,
  };
}

/** How much of a person lies within a staff member's reach. */
export type PersonReach = 'whole' | 'partial';

export function placeWithinReachSql(reach: StaffReach, scopeType: ScopeType, scopeId: number) {
  return reachSql(reach).place(sql`${scopeType}`, sql`${scopeId}`);
}
