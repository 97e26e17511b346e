import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, like, or, type SQL, sql } from 'drizzle-orm';
import { PASSWORD_SETTING_ACTIONS } from '@/lib/audit/actions';
import { type StaffReach, staffReach } from '@/lib/auth/permissions';
import { type AssignableRole, type GuestKind, OFFICIAL_ROLES, type ScopeType } from '@/lib/auth/roles';
import type { Official } from '@/lib/people/lookalike';
import { getDb, writeTransaction } from '../client';
import {
  auditLog,
  buildings,
  compounds,
  holderMembers,
  holders,
  memberships,
  people,
  sessions,
  streets,
  units,
} from '../schema';
import { appendAudit } from '../audit/append';
import { escapeLike } from '../like';
import { type PersonReach, placeWithinReachSql, reachSql } from './reach';

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

/** Staff roles of a person, as the permissions module reads them. */
function staffReachOfPerson(personId: number): StaffReach {
  const held = getDb()
    .select({ role: memberships.role, scopeType: memberships.scopeType, scopeId: memberships.scopeId })
    .from(memberships)
    .where(eq(memberships.personId, personId))
    .all();
  return staffReach({ memberships: held });
}

/**
 * Whether a new place (a role's scope, or a compound where a unit is to be held) may be added to
 * the person, given who knows their password: a password set by staff (an account opened,
 * activated or reset) works only while every place of the person lies within that staff member's
 * reach, so no one's place may grow beyond it. When the person has set their own password since,
 * nobody else knows it and any place may be added.
 */
export function placeWithinPasswordSetter(personId: number, scopeType: ScopeType, scopeId: number): boolean {
  const db = getDb();
  const last = db
    .select({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'person'),
        eq(auditLog.entityId, personId),
        inArray(auditLog.action, [...PASSWORD_SETTING_ACTIONS]),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  if (!last?.actorId || last.actorId === personId) return true;
  const within = db.get<{ ok: number }>(
    sql`select ${placeWithinReachSql(staffReachOfPerson(last.actorId), scopeType, scopeId)} as ok`,
  );
  return Boolean(within?.ok);
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

export type CreateAccountOutcome =
  | { ok: true; personId: number; activated: boolean }
  | { ok: false; error: 'mobileTaken' | 'mobileOutOfReach' | 'nameMismatch'; registeredName?: string };

/**
 * Opens an account. A person already known from the register (no password yet) with the same name
 * is activated rather than duplicated, so their ownership and their login are one person. Only
 * someone wholly within the staff member's reach: whoever sets the password can sign in as them.
 */
export function createAccount(
  actorId: number,
  input: { name: string; mobile: string; passwordHash: string; partyMember: boolean; confirmedLookalike: boolean },
  reach: StaffReach,
  now: number,
): CreateAccountOutcome {
  return writeTransaction((tx): CreateAccountOutcome => {
    const existing = tx
      .select({
        id: people.id,
        name: people.name,
        hasPassword: isNotNull(people.passwordHash),
        whole: reachSql(reach).whole,
      })
      .from(people)
      .where(eq(people.mobile, input.mobile))
      .get();
    if (existing?.hasPassword) return { ok: false, error: 'mobileTaken' };
    // Opening the account of someone with a place elsewhere would let staff sign in as them and vote
    // in their name; and the registered name is theirs to know.
    if (existing && !existing.whole) return { ok: false, error: 'mobileOutOfReach' };
    if (existing && existing.name !== input.name) {
      return { ok: false, error: 'nameMismatch', registeredName: existing.name };
    }
    let personId: number;
    if (existing) {
      tx.update(people)
        .set({ passwordHash: input.passwordHash, partyMember: input.partyMember })
        .where(eq(people.id, existing.id))
        .run();
      personId = existing.id;
    } else {
      personId = tx
        .insert(people)
        .values({
          name: input.name,
          mobile: input.mobile,
          passwordHash: input.passwordHash,
          partyMember: input.partyMember,
          createdAt: now,
        })
        .returning({ id: people.id })
        .get().id;
    }
    appendAudit(tx, {
      compoundId: null,
      actorId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: existing ? 'activate_account' : 'create_account',
      data: {
        name: input.name,
        mobile: input.mobile,
        partyMember: input.partyMember,
        ...(input.confirmedLookalike ? { confirmedLookalike: true } : {}),
      },
    });
    return { ok: true, personId, activated: Boolean(existing) };
  });
}

export function getPasswordHash(personId: number) {
  return getDb().select({ hash: people.passwordHash }).from(people).where(eq(people.id, personId)).get()?.hash ?? null;
}

/**
 * Sets a new password and ends every other session of the person (all of them when `keepSession`
 * is null, as when staff reset it), recorded in the audit trail.
 */
export function setPassword(actorId: number, personId: number, hash: string, keepSession: string | null, now: number) {
  writeTransaction((tx) => {
    tx.update(people).set({ passwordHash: hash }).where(eq(people.id, personId)).run();
    tx.update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.personId, personId),
          sql`${sessions.revokedAt} is null`,
          keepSession ? sql`${sessions.id} <> ${keepSession}` : undefined,
        ),
      )
      .run();
    appendAudit(tx, {
      compoundId: null,
      actorId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: actorId === personId ? 'change_password' : 'reset_password',
    });
  });
}

export interface GrantInput {
  personId: number;
  role: AssignableRole;
  scopeType: ScopeType;
  scopeId: number;
  grid: string | null;
  guestKind: GuestKind | null;
}

/**
 * Gives a role: 'exists' if the person already holds it there; 'passwordElsewhere' if staff who
 * cannot reach the new place set the person's password (see placeWithinPasswordSetter). Audited in
 * the compound's trail when compound-scoped.
 */
export function grantRole(actorId: number, input: GrantInput, now: number): 'granted' | 'exists' | 'passwordElsewhere' {
  return writeTransaction((tx) => {
    if (!placeWithinPasswordSetter(input.personId, input.scopeType, input.scopeId)) return 'passwordElsewhere';
    const res = tx
      .insert(memberships)
      .values({ ...input, createdBy: actorId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: memberships.id })
      .get();
    if (!res) return 'exists';
    appendAudit(tx, {
      compoundId: input.scopeType === 'compound' ? input.scopeId : null,
      actorId,
      at: now,
      entity: 'membership',
      entityId: res.id,
      action: 'grant_role',
      data: input,
    });
    return 'granted';
  });
}

export function findMembership(membershipId: number) {
  return getDb()
    .select({
      id: memberships.id,
      personId: memberships.personId,
      role: memberships.role,
      scopeType: memberships.scopeType,
      scopeId: memberships.scopeId,
    })
    .from(memberships)
    .where(eq(memberships.id, membershipId))
    .get();
}

export function revokeRole(
  actorId: number,
  m: { id: number; personId: number; role: string; scopeType: ScopeType; scopeId: number },
  now: number,
) {
  writeTransaction((tx) => {
    tx.delete(memberships).where(eq(memberships.id, m.id)).run();
    appendAudit(tx, {
      compoundId: m.scopeType === 'compound' ? m.scopeId : null,
      actorId,
      at: now,
      entity: 'membership',
      entityId: m.id,
      action: 'revoke_role',
      data: m,
    });
  });
}

export function findStreetPlace(streetId: number) {
  return getDb()
    .select({ id: streets.id, districtId: streets.districtId })
    .from(streets)
    .where(eq(streets.id, streetId))
    .get();
}
