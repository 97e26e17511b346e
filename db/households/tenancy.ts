import 'server-only';
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { HOUSEHOLD_JOINERS } from '@/lib/auth/roles';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { roleIn } from '../roles';
import { memberships } from '../schema';

/** Tenants and family members living in a compound's units, and their moving out. */

export function residentsOfCompound(compoundId: number) {
  return getDb().all<{
    membershipId: number;
    personId: number;
    name: string;
    mobile: string;
    role: 'tenant' | 'family_member';
    unitLabel: string | null;
    endsAt: number | null;
  }>(sql`
    select m.id as membershipId, p.id as personId, p.name, p.mobile, m.role, b.name || u.number as unitLabel,
           m.ends_at as endsAt
      from memberships m join people p on p.id = m.person_id
      left join units u on u.id = m.unit_id left join buildings b on b.id = u.building_id
     where m.scope_type = 'compound' and m.scope_id = ${compoundId} and ${roleIn(sql`m.role`, HOUSEHOLD_JOINERS)}
     order by b.id, u.number, p.name`);
}

/** A tenant's or family member's membership in this compound, with the voter of their unit's household. */
export function householdMembership(compoundId: number, membershipId: number) {
  return getDb().get<{ id: number; personId: number; unitId: number | null; voterId: number | null }>(sql`
    select m.id, m.person_id as personId, m.unit_id as unitId, h.voter_person_id as voterId
      from memberships m left join units u on u.id = m.unit_id left join holders h on h.id = u.holder_id
     where m.id = ${membershipId} and m.scope_type = 'compound' and m.scope_id = ${compoundId}
       and ${roleIn(sql`m.role`, HOUSEHOLD_JOINERS)}`);
}

function endNow(
  tx: Tx,
  m: { id: number; personId: number; scopeId: number; role: string; unitId: number | null },
  actorId: number | null,
  now: number,
) {
  tx.delete(memberships).where(eq(memberships.id, m.id)).run();
  appendAudit(tx, {
    compoundId: m.scopeId,
    actorId,
    at: now,
    entity: 'person',
    entityId: m.personId,
    action: 'move_out',
    data: { role: m.role, unitId: m.unitId },
  });
}

/** Records moving out: the role ends now, or at the date given (the clock ends it then). */
export function recordMoveOut(
  compoundId: number,
  membershipId: number,
  at: number,
  actorId: number,
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const m = tx
      .select({
        id: memberships.id,
        personId: memberships.personId,
        scopeId: memberships.scopeId,
        role: memberships.role,
        unitId: memberships.unitId,
      })
      .from(memberships)
      .where(
        and(
          eq(memberships.id, membershipId),
          eq(memberships.scopeType, 'compound'),
          eq(memberships.scopeId, compoundId),
        ),
      )
      .get();
    if (!m) return false;
    if (at <= now) endNow(tx, m, actorId, now);
    else {
      tx.update(memberships).set({ endsAt: at }).where(eq(memberships.id, m.id)).run();
      appendAudit(tx, {
        compoundId,
        actorId,
        at: now,
        entity: 'person',
        entityId: m.personId,
        action: 'move_out',
        data: { role: m.role, unitId: m.unitId, endsAt: at },
      });
    }
    return true;
  });
}

/** The clock: roles whose move-out date has come end, each in the trail. */
export function endDueTenancies(now: number): number {
  return writeTransaction((tx) => {
    const due = tx
      .select({
        id: memberships.id,
        personId: memberships.personId,
        scopeId: memberships.scopeId,
        role: memberships.role,
        unitId: memberships.unitId,
      })
      .from(memberships)
      .where(and(isNotNull(memberships.endsAt), lte(memberships.endsAt, now)))
      .all();
    for (const m of due) endNow(tx, m, null, now);
    return due.length;
  });
}
