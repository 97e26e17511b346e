import 'server-only';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { PASSWORD_SETTING_ACTIONS } from '@/lib/audit/actions';
import { type StaffReach, staffReach } from '@/lib/auth/permissions';
import type { ScopeType } from '@/lib/auth/roles';
import { getDb, writeTransaction } from '../client';
import { auditLog, memberships, people, sessions } from '../schema';
import { appendAudit } from '../audit/append';
import { placeWithinReachSql, reachSql } from './reach';

/**
 * Accounts and passwords: opening an account, setting a password, and how far a password set by
 * staff lets a person's places grow.
 */

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
