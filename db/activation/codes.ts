import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { activationCodes } from '../schema';

/** Activation codes: issuing a batch of letters, and reading them back by hash (lib/activation). */

export interface IssuedCode {
  holderId: number;
  codeHash: string;
}

/**
 * Stores a batch of codes (hashes only) in one transaction: for each holder, any code still open is revoked (a new
 * letter replaces the old one) and both are in the audit trail. Returns how many older codes were revoked.
 */
export function issueCodes(
  compoundId: number,
  actorId: number,
  codes: readonly IssuedCode[],
  expiresAt: number,
  now: number,
) {
  return writeTransaction((tx) => {
    let revoked = 0;
    for (const c of codes) {
      const open = tx
        .update(activationCodes)
        .set({ revokedAt: now })
        .where(
          and(
            eq(activationCodes.holderId, c.holderId),
            isNull(activationCodes.usedAt),
            isNull(activationCodes.revokedAt),
          ),
        )
        .returning({ id: activationCodes.id })
        .all();
      for (const o of open) {
        appendAudit(tx, {
          compoundId,
          actorId,
          at: now,
          entity: 'holder',
          entityId: c.holderId,
          action: 'revoke_letter',
          data: { codeId: o.id },
        });
      }
      revoked += open.length;
      const id = tx
        .insert(activationCodes)
        .values({
          compoundId,
          holderId: c.holderId,
          codeHash: c.codeHash,
          createdBy: actorId,
          createdAt: now,
          expiresAt,
        })
        .returning({ id: activationCodes.id })
        .get().id;
      appendAudit(tx, {
        compoundId,
        actorId,
        at: now,
        entity: 'holder',
        entityId: c.holderId,
        action: 'generate_letter',
        data: { codeId: id, expiresAt, replaced: open.length },
      });
    }
    return { revoked };
  });
}

/** The code with this hash, whatever its state; undefined when none was ever issued. */
export function findCodeByHash(codeHash: string) {
  return getDb()
    .select({
      id: activationCodes.id,
      compoundId: activationCodes.compoundId,
      holderId: activationCodes.holderId,
      createdAt: activationCodes.createdAt,
      expiresAt: activationCodes.expiresAt,
      usedAt: activationCodes.usedAt,
      lockedAt: activationCodes.lockedAt,
      revokedAt: activationCodes.revokedAt,
      failedNameTries: activationCodes.failedNameTries,
    })
    .from(activationCodes)
    .where(eq(activationCodes.codeHash, codeHash))
    .get();
}

export type FoundCode = NonNullable<ReturnType<typeof findCodeByHash>>;

/** The named members of a holder, as the register has them, and whether each has an account yet. */
export function holderMembersOf(holderId: number) {
  return getDb().all<{ personId: number; name: string; mobile: string; hasAccount: number }>(sql`
    select p.id as personId, p.name, p.mobile, p.password_hash is not null as hasAccount
      from holder_members hm join people p on p.id = hm.person_id
     where hm.holder_id = ${holderId} order by p.id`);
}

/** How far a compound's households have come: for the households page. */
export function activationFigures(compoundId: number, now: number) {
  return (
    getDb().get<{
      holders: number;
      activated: number;
      open: number;
      expired: number;
      locked: number;
    }>(sql`
    select
      (select count(*) from holders h where h.compound_id = ${compoundId} and h.kind <> 'developer'
          and exists (select 1 from units u where u.holder_id = h.id)) as holders,
      (select count(*) from holders h where h.compound_id = ${compoundId} and h.kind <> 'developer'
          and exists (select 1 from units u where u.holder_id = h.id)
          and not exists (select 1 from holder_members hm join people p on p.id = hm.person_id
                           where hm.holder_id = h.id and p.password_hash is null)) as activated,
      (select count(*) from activation_codes a where a.compound_id = ${compoundId} and a.used_at is null
          and a.revoked_at is null and a.locked_at is null and a.expires_at > ${now}) as open,
      (select count(*) from activation_codes a where a.compound_id = ${compoundId} and a.used_at is null
          and a.revoked_at is null and a.locked_at is null and a.expires_at <= ${now}) as expired,
      (select count(*) from activation_codes a where a.compound_id = ${compoundId} and a.used_at is null
          and a.revoked_at is null and a.locked_at is not null) as locked`) ?? {
      holders: 0,
      activated: 0,
      open: 0,
      expired: 0,
      locked: 0,
    }
  );
}

/** Locked codes still waiting for a new letter: staff see whose, to check the name and print again. */
export function lockedCodes(compoundId: number) {
  return getDb().all<{
    codeId: number;
    holderId: number;
    name: string;
    units: string;
    lockedAt: number;
    buildingId: number;
  }>(sql`
    select a.id as codeId, h.id as holderId, h.name, a.locked_at as lockedAt,
      (select group_concat(b.name || u.number, '、') from units u join buildings b on b.id = u.building_id
        where u.holder_id = h.id) as units,
      (select min(u.building_id) from units u where u.holder_id = h.id) as buildingId
      from activation_codes a join holders h on h.id = a.holder_id
     where a.compound_id = ${compoundId} and a.locked_at is not null and a.revoked_at is null and a.used_at is null
     order by a.locked_at desc limit 100`);
}
