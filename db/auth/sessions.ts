import 'server-only';
import { and, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Actor, Membership } from '@/lib/auth/permissions';
import { getDb, prepared, writeTransaction } from '../client';
import { loginFailures, notifications, people, sessions } from '../schema';

export function findLoginByMobile(mobile: string) {
  return getDb()
    .select({ id: people.id, name: people.name, passwordHash: people.passwordHash, disabled: people.disabled })
    .from(people)
    .where(eq(people.mobile, mobile))
    .get();
}

/** Failures for each key since `since`, the earliest and the latest of them (to say when to try again). */
export function countLoginFailures(keys: string[], since: number) {
  return getDb()
    .select({
      key: loginFailures.key,
      n: sql<number>`count(*)`,
      first: sql<number>`min(${loginFailures.at})`,
      last: sql<number>`max(${loginFailures.at})`,
    })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, since)))
    .groupBy(loginFailures.key)
    .all();
}

export function recordLoginFailure(keys: string[], at: number, pruneBefore: number) {
  writeTransaction((tx) => {
    for (const key of keys) tx.insert(loginFailures).values({ key, at }).run();
    tx.delete(loginFailures).where(lt(loginFailures.at, pruneBefore)).run();
  });
}

export function clearLoginFailures(keys: string[]) {
  getDb().delete(loginFailures).where(inArray(loginFailures.key, keys)).run();
}

/**
 * Tells a person their account keeps failing to log in, at most once per `since`: a notice written
 * since then is brought up to date while unread, and left alone once read.
 */
export function noticeLoginFailures(personId: number, failures: number, at: number, since: number) {
  writeTransaction((tx) => {
    const recent = tx
      .select({ id: notifications.id, readAt: notifications.readAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.personId, personId),
          eq(notifications.kind, 'login_failures'),
          gte(notifications.createdAt, since),
        ),
      )
      .orderBy(desc(notifications.id))
      .get();
    if (!recent) {
      tx.insert(notifications)
        .values({
          personId,
          compoundId: 0,
          kind: 'login_failures',
          actorId: null,
          detail: String(failures),
          createdAt: at,
        })
        .run();
    } else if (recent.readAt === null) {
      tx.update(notifications)
        .set({ detail: String(failures) })
        .where(eq(notifications.id, recent.id))
        .run();
    }
  });
}

export function createSession(id: string, personId: number, now: number) {
  getDb().insert(sessions).values({ id, personId, createdAt: now, lastSeenAt: now }).run();
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

/**
 * The session behind a token and everything the permissions module needs about its person, in one
 * query (it runs on every request). A tenant's role past its move-out date no longer counts (the clock
 * removes it soon after), nor does ownership through a holder whose every unit has changed hands.
 */
const sessionActorStatement = prepared((db) =>
  db.$client.prepare<
    [string],
    {
      personId: number;
      createdAt: number;
      lastSeenAt: number;
      revokedAt: number | null;
      name: string;
      partyMember: number;
      disabled: number;
      ms: string;
      owned: string;
    }
  >(`
    select s.person_id as personId, s.created_at as createdAt, s.last_seen_at as lastSeenAt,
           s.revoked_at as revokedAt, p.name, p.party_member as partyMember, p.disabled,
           (select json_group_array(json_array(m.role, m.scope_type, m.scope_id))
              from memberships m where m.person_id = p.id
               and (m.ends_at is null or m.ends_at > unixepoch('subsec') * 1000)) as ms,
           (select json_group_array(distinct h.compound_id)
              from holder_members hm join holders h on h.id = hm.holder_id where hm.person_id = p.id
               and exists (select 1 from units u where u.holder_id = h.id)) as owned
      from sessions s join people p on p.id = s.person_id
     where s.id = ?`),
);

export function loadSessionActor(sid: string) {
  const row = sessionActorStatement().get(sid);
  if (!row) return undefined;
  const memberships = (JSON.parse(row.ms) as [Membership['role'], Membership['scopeType'], number][]).map(
    ([role, scopeType, scopeId]) => ({ role, scopeType, scopeId }),
  );
  const actor: Actor | null = row.disabled
    ? null
    : {
        personId: row.personId,
        name: row.name,
        partyMember: Boolean(row.partyMember),
        memberships,
        ownerCompoundIds: JSON.parse(row.owned) as number[],
      };
  return { createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, revokedAt: row.revokedAt, actor };
}
