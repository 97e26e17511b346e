import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ObjectionOutcome } from '@/lib/assembly/rules';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { assemblies, registerObjections, units } from '../schema';
import { freezeOwners } from '../voting/open';
import { committeeOf } from './audience';

/** Whether this person is a member of the holder of this unit of the compound (objects only to their own entry). */
export function holdsUnit(compoundId: number, unitId: number, personId: number): boolean {
  return (
    getDb().get<{ ok: number }>(sql`
      select 1 as ok from units u join holder_members hm on hm.holder_id = u.holder_id
       where u.id = ${unitId} and u.compound_id = ${compoundId} and hm.person_id = ${personId}`) !== undefined
  );
}

/** An owner's objection to the register entry of a unit; the committee is told. */
export function lodgeObjection(
  o: {
    compoundId: number;
    assemblyId: number;
    unitId: number;
    authorId: number;
    kind: 'area' | 'holder';
    claimedAreaCenti: number | null;
    reason: string;
  },
  now: number,
): number {
  return writeTransaction((tx) => {
    const id = tx
      .insert(registerObjections)
      .values({ ...o, createdAt: now })
      .returning({ id: registerObjections.id })
      .get().id;
    appendAudit(tx, {
      compoundId: o.compoundId,
      actorId: o.authorId,
      at: now,
      entity: 'register_objection',
      entityId: id,
      action: 'register_objection',
      reason: o.reason,
      data: { assemblyId: o.assemblyId, unitId: o.unitId, kind: o.kind, claimedAreaCenti: o.claimedAreaCenti },
    });
    notify(
      tx,
      committeeOf(tx, o.compoundId),
      { compoundId: o.compoundId, kind: 'register_objection', actorId: o.authorId, assemblyId: o.assemblyId },
      now,
    );
    return id;
  });
}

/**
 * Freezes again, from the register as corrected, the electorate of every owners' matter of the compound
 * that has not opened yet: a correction before the opening changes who counts for how much; from the
 * opening on the frozen electorate never changes.
 */
function refreezeAnnounced(tx: Tx, compoundId: number): number[] {
  const pending = tx
    .all<{ id: number }>(sql`select id from votes where compound_id = ${compoundId} and kind = 'owners'
      and status = 'announced' and assembly_id is not null`)
    .map((r) => r.id);
  for (const voteId of pending) {
    tx.run(sql`delete from vote_voters where vote_id = ${voteId}`);
    tx.run(sql`delete from vote_units where vote_id = ${voteId}`);
    freezeOwners(tx, voteId, compoundId);
  }
  return pending;
}

export type AnswerOutcome = 'answered' | 'gone' | 'tooLateToCorrect';

/**
 * The committee's answer. 'corrected' (only while the assembly is announced and before its start, checked
 * again under the write lock) writes the corrected area into the register and freezes the electorates
 * again; 'noted' (after the opening) records it against the result; 'dismissed' says why not.
 */
export function answerObjection(
  a: {
    compoundId: number;
    objectionId: number;
    actorId: number;
    outcome: ObjectionOutcome;
    answer: string;
    correctedAreaCenti: number | null;
    areaSource: 'register' | 'survey' | 'contract' | null;
  },
  now: number,
): AnswerOutcome {
  return writeTransaction((tx): AnswerOutcome => {
    const o = tx
      .select()
      .from(registerObjections)
      .where(
        and(
          eq(registerObjections.id, a.objectionId),
          eq(registerObjections.compoundId, a.compoundId),
          isNull(registerObjections.answeredAt),
        ),
      )
      .get();
    if (!o) return 'gone';
    const assembly = tx.select().from(assemblies).where(eq(assemblies.id, o.assemblyId)).get();
    if (!assembly) return 'gone';
    let before: number | null = null;
    let after: number | null = null;
    if (a.outcome === 'corrected') {
      if (assembly.status !== 'announced' || now >= assembly.startsAt) return 'tooLateToCorrect';
      const unit = tx
        .select({ areaCenti: units.areaCenti, areaSource: units.areaSource })
        .from(units)
        .where(eq(units.id, o.unitId))
        .get();
      if (!unit) return 'gone';
      before = unit.areaCenti;
      after = o.kind === 'area' && a.correctedAreaCenti !== null ? a.correctedAreaCenti : unit.areaCenti;
      tx.update(units)
        .set({ areaCenti: after, areaSource: a.areaSource ?? unit.areaSource, updatedAt: now })
        .where(eq(units.id, o.unitId))
        .run();
      const voteIds = refreezeAnnounced(tx, a.compoundId);
      appendAudit(tx, {
        compoundId: a.compoundId,
        actorId: a.actorId,
        at: now,
        entity: 'unit',
        entityId: o.unitId,
        action: 'correct_register',
        reason: a.answer,
        data: { objectionId: o.id, kind: o.kind, areaBeforeCenti: before, areaAfterCenti: after, refrozen: voteIds },
      });
    }
    tx.update(registerObjections)
      .set({
        outcome: a.outcome,
        answer: a.answer,
        answeredBy: a.actorId,
        answeredAt: now,
        areaBeforeCenti: before,
        areaAfterCenti: after,
      })
      .where(eq(registerObjections.id, o.id))
      .run();
    appendAudit(tx, {
      compoundId: a.compoundId,
      actorId: a.actorId,
      at: now,
      entity: 'register_objection',
      entityId: o.id,
      action: 'answer_register_objection',
      toState: a.outcome,
      reason: a.answer,
    });
    notify(
      tx,
      [o.authorId],
      {
        compoundId: a.compoundId,
        kind: 'register_answered',
        actorId: a.actorId,
        assemblyId: o.assemblyId,
        detail: a.outcome,
      },
      now,
    );
    return 'answered';
  });
}

export function findObjection(compoundId: number, objectionId: number) {
  return getDb()
    .select()
    .from(registerObjections)
    .where(and(eq(registerObjections.id, objectionId), eq(registerObjections.compoundId, compoundId)))
    .get();
}

/** An assembly's objections with the unit, who raised it and who answered; `authorId` limits them to one person's. */
export function listObjections(assemblyId: number, authorId: number | null) {
  return getDb().all<{
    id: number;
    unitId: number;
    place: string;
    kind: 'area' | 'holder';
    claimedAreaCenti: number | null;
    reason: string;
    createdAt: number;
    authorName: string;
    outcome: ObjectionOutcome | null;
    answer: string | null;
    answeredAt: number | null;
    answererName: string | null;
    areaBeforeCenti: number | null;
    areaAfterCenti: number | null;
    currentAreaCenti: number;
  }>(sql`
    select o.id, o.unit_id as unitId, b.name || u.number as place, o.kind, o.claimed_area_centi as claimedAreaCenti,
           o.reason, o.created_at as createdAt, a.name as authorName, o.outcome, o.answer, o.answered_at as answeredAt,
           (select name from people where id = o.answered_by) as answererName,
           o.area_before_centi as areaBeforeCenti, o.area_after_centi as areaAfterCenti, u.area_centi as currentAreaCenti
      from register_objections o join units u on u.id = o.unit_id join buildings b on b.id = u.building_id
      join people a on a.id = o.author_id
     where o.assembly_id = ${assemblyId} ${authorId === null ? sql`` : sql`and o.author_id = ${authorId}`}
     order by o.id`);
}
