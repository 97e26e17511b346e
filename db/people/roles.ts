import 'server-only';
import { eq } from 'drizzle-orm';
import type { AssignableRole, GuestKind, ScopeType } from '@/lib/auth/roles';
import { getDb, writeTransaction } from '../client';
import { memberships, streets } from '../schema';
import { appendAudit } from '../audit/append';
import { placeWithinPasswordSetter } from './accounts';

/** Roles given and taken away, each audited. */

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
