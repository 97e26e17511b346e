import 'server-only';
import { and, asc, eq, isNotNull, like, or, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import type { AssignableRole, GuestKind, ScopeType } from '@/lib/auth/roles';
import { escapeLike } from './like';
import { getDb, writeTransaction } from '../client';
import { buildings, compounds, holderMembers, holders, memberships, people, sessions, streets, units } from '../schema';
import { appendAudit } from './audit';

/**
 * Whether a person is within a staff member's reach: they hold a unit in, or have a role at, a
 * place the staff member looks after (a company's role: it serves a compound there), or nobody has
 * placed them anywhere yet (a new account, so that it can be given its first role). Names and
 * mobiles of people elsewhere stay with the staff of their own places.
 */
function inReach(reach: StaffReach) {
  const list = (ids: number[]) => sql`(select value from json_each(${JSON.stringify(ids)}))`;
  const communities = sql`(select cm.id from communities cm join streets s on s.id = cm.street_id
     where cm.id in ${list(reach.communityIds)} or cm.street_id in ${list(reach.streetIds)}
        or s.district_id in ${list(reach.districtIds)})`;
  const compoundsThere = sql`(select c.id from compounds c where c.community_id in ${communities})`;
  const streetsThere = sql`(select s.id from streets s
     where s.id in ${list(reach.streetIds)} or s.district_id in ${list(reach.districtIds)})`;
  return sql`(
    exists (select 1 from holder_members hm join holders h on h.id = hm.holder_id
             where hm.person_id = ${people.id} and h.compound_id in ${compoundsThere})
    or exists (select 1 from memberships m where m.person_id = ${people.id} and (
             (m.scope_type = 'compound' and m.scope_id in ${compoundsThere})
          or (m.scope_type = 'community' and m.scope_id in ${communities})
          or (m.scope_type = 'street' and m.scope_id in ${streetsThere})
          or (m.scope_type = 'district' and m.scope_id in ${list(reach.districtIds)})
          or (m.scope_type = 'company' and exists (select 1 from compound_services cs
                where cs.company_id = m.scope_id and cs.compound_id in ${compoundsThere}))))
    or (not exists (select 1 from holder_members hm where hm.person_id = ${people.id})
        and not exists (select 1 from memberships m where m.person_id = ${people.id}))
  )`;
}

const personColumns = {
  id: people.id,
  name: people.name,
  mobile: people.mobile,
  partyMember: people.partyMember,
  hasAccount: sql<number>`${people.passwordHash} is not null`,
};

/** People within the staff member's reach whose name or mobile starts with `q`. */
export function searchPeople(q: string, reach: StaffReach, limit = 30) {
  const pattern = `${escapeLike(q)}%`;
  return getDb()
    .select(personColumns)
    .from(people)
    .where(and(or(sql`${people.name} like ${pattern} escape '\\'`, like(people.mobile, pattern)), inReach(reach)))
    .orderBy(asc(people.name))
    .limit(limit)
    .all();
}

/** Anyone, by id: for actions, which check the reach of what they do themselves. */
export function getPerson(personId: number) {
  return getDb().select(personColumns).from(people).where(eq(people.id, personId)).get();
}

/** Whoever has this mobile number, wherever they are: staff who know the full number may give them a role. */
export function findPersonByMobile(mobile: string) {
  return getDb().select(personColumns).from(people).where(eq(people.mobile, mobile)).get();
}

/** A person, if within the staff member's reach. */
export function getPersonInReach(personId: number, reach: StaffReach) {
  return getDb()
    .select(personColumns)
    .from(people)
    .where(and(eq(people.id, personId), inReach(reach)))
    .get();
}

/** A person's roles with the name of where each is held, in one query. */
export function listMembershipsOf(personId: number) {
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
    from memberships m where m.person_id = ${personId} order by m.id`);
}

export function listOwnedUnits(personId: number) {
  return getDb()
    .select({ compound: compounds.name, building: buildings.name, number: units.number, holderKind: holders.kind })
    .from(holderMembers)
    .innerJoin(holders, eq(holders.id, holderMembers.holderId))
    .innerJoin(units, eq(units.holderId, holders.id))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .innerJoin(compounds, eq(compounds.id, units.compoundId))
    .where(eq(holderMembers.personId, personId))
    .orderBy(asc(compounds.name), asc(buildings.name), asc(units.number))
    .all();
}

/** Compounds where the person holds a unit: their places in the register. */
export function ownerCompoundIdsOf(personId: number): number[] {
  return getDb()
    .selectDistinct({ id: holders.compoundId })
    .from(holderMembers)
    .innerJoin(holders, eq(holders.id, holderMembers.holderId))
    .where(eq(holderMembers.personId, personId))
    .all()
    .map((r) => r.id);
}

export type CreateAccountOutcome =
  | { ok: true; personId: number; activated: boolean }
  | { ok: false; error: 'mobileTaken' | 'mobileOutOfReach' | 'nameMismatch'; registeredName?: string };

/**
 * Opens an account. A person already known from the register (no password yet) with the same name
 * is activated rather than duplicated, so their ownership and their login are one person.
 */
export function createAccount(
  actorId: number,
  input: { name: string; mobile: string; passwordHash: string; partyMember: boolean },
  reach: StaffReach,
  now: number,
): CreateAccountOutcome {
  return writeTransaction((tx): CreateAccountOutcome => {
    const existing = tx
      .select({
        id: people.id,
        name: people.name,
        hasPassword: isNotNull(people.passwordHash),
        inReach: sql<number>`${inReach(reach)}`,
      })
      .from(people)
      .where(eq(people.mobile, input.mobile))
      .get();
    if (existing?.hasPassword) return { ok: false, error: 'mobileTaken' };
    // Opening the account of someone in the register elsewhere would let staff sign in as them and vote in
    // their name; and the registered name is theirs to know.
    if (existing && !existing.inReach) return { ok: false, error: 'mobileOutOfReach' };
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
        .values({ ...input, createdAt: now })
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
      data: { name: input.name, mobile: input.mobile, partyMember: input.partyMember },
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

/** Gives a role; false if the person already holds it there. Audited in the compound's trail when compound-scoped. */
export function grantRole(actorId: number, input: GrantInput, now: number): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .insert(memberships)
      .values({ ...input, createdBy: actorId, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: memberships.id })
      .get();
    if (!res) return false;
    appendAudit(tx, {
      compoundId: input.scopeType === 'compound' ? input.scopeId : null,
      actorId,
      at: now,
      entity: 'membership',
      entityId: res.id,
      action: 'grant_role',
      data: input,
    });
    return true;
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
