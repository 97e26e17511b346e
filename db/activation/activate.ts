import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { activationCodeState } from '@/lib/activation/state';
import { appendAudit } from '../audit/append';
import { writeTransaction } from '../client';
import { activationCodes, people } from '../schema';

export interface SelfActivation {
  codeId: number;
  personId: number;
  mobile: string;
  passwordHash: string;
  privacyVersion: number;
  address: string;
}

export type SelfActivationOutcome = 'ok' | 'mobile-taken' | 'already-active' | 'stale';

/**
 * A holder (or one named co-owner) opens their own account with the household's code: the mobile they typed becomes
 * their login, the password theirs, the privacy notice accepted; the code is used up once every named member has
 * an account. Everything is checked again under the write lock, so two people with one letter cannot both win.
 */
export function activateWithCode(a: SelfActivation, now: number): SelfActivationOutcome {
  return writeTransaction((tx): SelfActivationOutcome => {
    const code = tx.select().from(activationCodes).where(eq(activationCodes.id, a.codeId)).get();
    if (!code || activationCodeState(code, now) !== 'valid') return 'stale';
    const person = tx
      .select({ id: people.id, hasPassword: sql<number>`${people.passwordHash} is not null`, mobile: people.mobile })
      .from(people)
      .where(eq(people.id, a.personId))
      .get();
    if (!person) return 'stale';
    if (person.hasPassword) return 'already-active';
    const taken = tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.mobile, a.mobile), ne(people.id, a.personId)))
      .get();
    if (taken) return 'mobile-taken';
    tx.update(people)
      .set({ mobile: a.mobile, passwordHash: a.passwordHash, privacyAcceptedAt: now, privacyVersion: a.privacyVersion })
      .where(and(eq(people.id, a.personId), isNull(people.passwordHash)))
      .run();
    const waiting = tx.get<{ n: number }>(sql`
      select count(*) as n from holder_members hm join people p on p.id = hm.person_id
       where hm.holder_id = ${code.holderId} and p.password_hash is null`);
    const usedUp = (waiting?.n ?? 0) === 0;
    if (usedUp) tx.update(activationCodes).set({ usedAt: now }).where(eq(activationCodes.id, a.codeId)).run();
    appendAudit(tx, {
      compoundId: code.compoundId,
      actorId: a.personId,
      at: now,
      entity: 'person',
      entityId: a.personId,
      action: 'self_activate',
      data: {
        codeId: a.codeId,
        holderId: code.holderId,
        mobileChanged: person.mobile !== a.mobile,
        privacyVersion: a.privacyVersion,
        codeUsedUp: usedUp,
        address: a.address,
      },
    });
    return 'ok';
  });
}
