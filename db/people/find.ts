import 'server-only';
import { and, asc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import { type AssignableRole, type GuestKind, OFFICIAL_ROLES, type ScopeType } from '@/lib/auth/roles';
import type { Official } from '@/lib/people/lookalike';
import { getDb } from '../client';
import { buildings, compounds, holderMembers, holders, people, units } from '../schema';
import { escapeLike } from '../like';
import { type PersonReach, reachSql } from './reach';

/** Finding people and what they hold: only what lies within the asking staff member's reach. */

const personColumns = {
  id: people.id,
  name: people.name,
  mobile: people.mobile,
  partyMember: people.partyMember,
  hasAccount: sql<number>`${people.passwordHash} is not null`,
};

function withReach(reach: StaffReach) {
  const r = reachSql(reach);
  return {
    columns: { ...personColumns, reach: sql<PersonReach>`case when ${r.whole} then 'whole' else 'partial' end` },
    visible: or(r.whole, r.some) as SQL,
  };
}

/**
 * People within, or partly within, the staff member's reach whose name or mobile starts with `q`;
 * `reach` says which (people elsewhere are never listed: staff of their own places look after them).
 */
export function searchPeople(q: string, reach: StaffReach, limit = 30) {
  const pattern = `${escapeLike(q)}%`;
  const r = withReach(reach);
  return getDb()
    .select(r.columns)
    .from(people)
    .where(and(or(sql`${people.name} like ${pattern} escape '\\'`, like(people.mobile, pattern)), r.visible))
    .orderBy(asc(people.name))
    .limit(limit)
    .all();
}

/** A person, if at least partly within the staff member's reach, with how much of them is. */
export function getPersonInReach(personId: number, reach: StaffReach) {
  const r = withReach(reach);
  return getDb()
    .select(r.columns)
    .from(people)
    .where(and(eq(people.id, personId), r.visible))
    .get();
}

/**
 * Whoever has this mobile number *and* this name, wherever they are: staff who know both may give
 * them a role at one of their own places (a tenant moving in from elsewhere). A wrong name is the
 * same answer as an unknown number, so the pair reveals nothing the staff member did not know.
 */
export function findPersonByMobileAndName(mobile: string, name: string) {
  return getDb()
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.mobile, mobile), eq(people.name, name)))
    .get();
}

/**
 * A person's roles with the name of where each is held, in one query; with `reach`, only the roles
 * held at places within it (what staff see of someone partly within their reach).
 */
export function listMembershipsOf(personId: number, reach?: StaffReach) {
  const there = reach ? reachSql(reach).place(sql`m.scope_type`, sql`m.scope_id`) : sql`1`;
  return getDb().all<{
    id: number;
    role: AssignableRole;
    scopeType: ScopeType;
    scopeId: number;
    grid: string | null;
    guestKind: GuestKind | null;
    scopeName: string | null;
  }>(sql`
    select m.id, m.role, m.scope_type as scopeType, m.scope_id as scopeId, m.grid, m.guest_kind as guestKind,
      case m.scope_type
        when 'compound' then (select name from compounds where id = m.scope_id)
        when 'community' then (select name from communities where id = m.scope_id)
        when 'street' then (select name from streets where id = m.scope_id)
        when 'district' then (select name from districts where id = m.scope_id)
        when 'company' then (select name from property_companies where id = m.scope_id)
      end as scopeName
    from memberships m where m.person_id = ${personId} and ${there} order by m.id`);
}

/** The units a person holds (with `reach`: only those in compounds within it). */
export function listOwnedUnits(personId: number, reach?: StaffReach) {
  return getDb()
    .select({ compound: compounds.name, building: buildings.name, number: units.number, holderKind: holders.kind })
    .from(holderMembers)
    .innerJoin(holders, eq(holders.id, holderMembers.holderId))
    .innerJoin(units, eq(units.holderId, holders.id))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(compounds, eq(compounds.id, units.compoundId))
    .where(
      and(
        eq(holderMembers.personId, personId),
        reach ? sql`${compounds.id} in ${reachSql(reach).compounds}` : undefined,
      ),
    )
    .orderBy(asc(compounds.name), asc(buildings.name), asc(units.number))
    .all();
}

/**
 * Those holding an office in the compounds within reach (or in one compound): what a new person's
 * name is checked against, so no one opens an account that passes for the branch secretary.
 */
export function officialsOf(where: { reach: StaffReach } | { compoundId: number }): Official[] {
  const compoundsSql = 'reach' in where ? reachSql(where.reach).compounds : sql`(${where.compoundId})`;
  return getDb().all<Official>(sql`
    select p.name, p.mobile, m.role, c.name as compound
      from memberships m join people p on p.id = m.person_id join compounds c on c.id = m.scope_id
     where m.scope_type = 'compound' and m.scope_id in ${compoundsSql}
       and m.role in (select value from json_each(${JSON.stringify(OFFICIAL_ROLES)}))`);
}
