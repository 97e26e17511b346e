import 'server-only';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { candidatePerson, committeeOutcome, takesOfficeAt } from '@/lib/assembly/committee';
import { COMMITTEE } from '@/lib/auth/roles';
import type { VoteResult } from '@/lib/voting/count';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { roleIn } from '../roles';
import { committeeHandovers, memberships } from '../schema';

/**
 * The committee an election chose takes office on the date the compound's rules say (docs/decisions/0017):
 * scheduled at the close, made by the clock (or at once when the rules say 0 days).
 */
export function scheduleHandover(
  tx: Tx,
  h: {
    compoundId: number;
    assemblyId: number;
    voteId: number;
    result: VoteResult;
    alternates: number;
    handoverDays: number;
  },
  now: number,
): number | null {
  if (!h.result.election) return null;
  const outcome = committeeOutcome(h.result.election, h.alternates);
  const elected = outcome.elected.map(candidatePerson).filter((p): p is number => p !== null);
  if (elected.length === 0) return null;
  const alternates = outcome.alternates.map(candidatePerson).filter((p): p is number => p !== null);
  const at = takesOfficeAt(now, h.handoverDays);
  const id = tx
    .insert(committeeHandovers)
    .values({
      compoundId: h.compoundId,
      assemblyId: h.assemblyId,
      voteId: h.voteId,
      elected: JSON.stringify(elected),
      alternates: JSON.stringify(alternates),
      takesOfficeAt: at,
      createdAt: now,
    })
    .returning({ id: committeeHandovers.id })
    .get().id;
  appendAudit(tx, {
    compoundId: h.compoundId,
    actorId: null,
    at: now,
    entity: 'committee_handover',
    entityId: id,
    action: 'schedule_handover',
    data: { voteId: h.voteId, elected, alternates, tie: outcome.tie, unfilled: outcome.unfilled, takesOfficeAt: at },
  });
  if (at <= now) applyHandover(tx, id, now);
  return id;
}

/**
 * Ends every committee role of the compound (chair included: the new committee chooses its chair) and
 * gives each elected member theirs, each change with its own audit entry and a summary, once.
 */
function applyHandover(tx: Tx, handoverId: number, now: number): boolean {
  const h = tx
    .update(committeeHandovers)
    .set({ appliedAt: now })
    .where(and(eq(committeeHandovers.id, handoverId), isNull(committeeHandovers.appliedAt)))
    .returning()
    .get();
  if (!h) return false;
  const elected = JSON.parse(h.elected) as number[];
  const old = tx.all<{ id: number; personId: number; role: string }>(sql`
    select id, person_id as personId, role from memberships
     where scope_type = 'compound' and scope_id = ${h.compoundId} and ${roleIn(sql`role`, COMMITTEE)}`);
  for (const m of old) {
    tx.delete(memberships).where(eq(memberships.id, m.id)).run();
    appendAudit(tx, {
      compoundId: h.compoundId,
      actorId: null,
      at: now,
      entity: 'membership',
      entityId: m.id,
      action: 'revoke_role',
      reason: 'committee_handover',
      data: { personId: m.personId, role: m.role, scopeType: 'compound', scopeId: h.compoundId, handoverId },
    });
  }
  for (const personId of elected) {
    const created = tx
      .insert(memberships)
      .values({ personId, role: 'committee_member', scopeType: 'compound', scopeId: h.compoundId, createdAt: now })
      .returning({ id: memberships.id })
      .get();
    appendAudit(tx, {
      compoundId: h.compoundId,
      actorId: null,
      at: now,
      entity: 'membership',
      entityId: created.id,
      action: 'grant_role',
      reason: 'committee_handover',
      data: { personId, role: 'committee_member', scopeType: 'compound', scopeId: h.compoundId, handoverId },
    });
  }
  appendAudit(tx, {
    compoundId: h.compoundId,
    actorId: null,
    at: now,
    entity: 'committee_handover',
    entityId: handoverId,
    action: 'committee_handover',
    data: { ended: old.map((m) => ({ personId: m.personId, role: m.role })), started: elected },
  });
  notify(
    tx,
    [...new Set([...elected, ...old.map((m) => m.personId)])],
    { compoundId: h.compoundId, kind: 'assembly_result', actorId: null, assemblyId: h.assemblyId, detail: 'handover' },
    now,
  );
  return true;
}

/** Handovers whose date has come, for the clock. */
export function listDueHandovers(now: number) {
  return getDb()
    .select({ id: committeeHandovers.id, compoundId: committeeHandovers.compoundId })
    .from(committeeHandovers)
    .where(and(isNull(committeeHandovers.appliedAt), lte(committeeHandovers.takesOfficeAt, now)))
    .all();
}

export function runHandover(handoverId: number, now: number): boolean {
  return writeTransaction((tx) => applyHandover(tx, handoverId, now));
}

/** An assembly's scheduled or applied handovers, for its result page. */
export function handoversOf(assemblyId: number) {
  return getDb()
    .select()
    .from(committeeHandovers)
    .where(eq(committeeHandovers.assemblyId, assemblyId))
    .all()
    .map((h) => ({
      ...h,
      elected: JSON.parse(h.elected) as number[],
      alternates: JSON.parse(h.alternates) as number[],
    }));
}
