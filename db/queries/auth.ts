import 'server-only';
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Actor, Membership } from '@/lib/auth/permissions';
import { getDb } from '../client';
import { holderMembers, holders, loginFailures, memberships, people, sessions } from '../schema';

export function findLoginByMobile(mobile: string) {
  return getDb()
    .select({ id: people.id, name: people.name, passwordHash: people.passwordHash, disabled: people.disabled })
    .from(people)
    .where(eq(people.mobile, mobile))
    .get();
}

/** Failures for each key since `since`, and the earliest of them (to say when to try again). */
export function countLoginFailures(keys: string[], since: number) {
  return getDb()
    .select({ key: loginFailures.key, n: sql<number>`count(*)`, first: sql<number>`min(${loginFailures.at})` })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key)
    .all();
}

export function recordLoginFailure(keys: string[], at: number, pruneBefore: number) {
  const db = getDb();
  db.transaction((tx) => {
    for (const key of keys) tx.insert(loginFailures).values({ key, at }).run();
    tx.delete(loginFailures).where(lt(loginFailures.at, pruneBefore)).run();
  });
}

export function clearLoginFailures(key: string) {
  getDb().delete(loginFailures).where(eq(loginFailures.key, key)).run();
}

export function createSession(id: string, personId: number, now: number) {
  getDb().insert(sessions).values({ id, personId, createdAt: now, lastSeenAt: now }).run();
}

export function findSession(id: string) {
  return getDb()
    .select({
      personId: sessions.personId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
    })
    .from(sessions)
    .where(eq(sessions.id, id))
    .get();
}

export function touchSession(id: string, now: number) {
  getDb().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
}

export function revokeSession(id: string, now: number) {
  getDb()
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .run();
}

/** Everything the permissions module needs about a person: two indexed queries. */
export function loadActor(personId: number): Actor | null {
  const db = getDb();
  const person = db
    .select({ id: people.id, name: people.name, partyMember: people.partyMember, disabled: people.disabled })
    .from(people)
    .where(eq(people.id, personId))
    .get();
  if (!person || person.disabled) return null;
  const rows = db
    .select({ role: memberships.role, scopeType: memberships.scopeType, scopeId: memberships.scopeId })
    .from(memberships)
    .where(eq(memberships.personId, personId))
    .all();
  const owned = db
    .selectDistinct({ compoundId: holders.compoundId })
    .from(holderMembers)
    .innerJoin(holders, eq(holders.id, holderMembers.holderId))
    .where(eq(holderMembers.personId, personId))
    .all();
  const ms: Membership[] = rows.map((r) => ({ role: r.role, scopeType: r.scopeType, scopeId: r.scopeId }));
  return {
    personId: person.id,
    name: person.name,
    partyMember: person.partyMember,
    memberships: ms,
    ownerCompoundIds: owned.map((o) => o.compoundId),
  };
}
