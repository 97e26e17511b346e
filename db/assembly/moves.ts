import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { DAY_MS } from '@/lib/assembly/rules';
import { voteMove } from '@/lib/voting/lifecycle';
import { appendPendingAnchors } from '../audit/anchor-file';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { assemblies, compounds, votes } from '../schema';
import { anchorClose, closeVoteIn } from '../voting/close';
import { audienceOfAssembly } from './audience';
import { scheduleHandover } from './handover';

/**
 * The assembly's moves, each with its matters' votes in one transaction: announced → open at the start
 * time (the clock, or a visit to its page), open → closed at the end time (the clock) or earlier by the
 * committee when everyone has voted (lib/assembly/rules.ts canCloseAssembly). The votes move by their
 * own lifecycle's moves (lib/voting/lifecycle.ts).
 */

/** Opens an announced assembly whose start time has come: its votes take ballots from now on. */
export function openAssembly(compoundId: number, assemblyId: number, now: number): boolean {
  const move = voteMove('open_vote');
  return writeTransaction((tx) => {
    const opened = tx
      .update(assemblies)
      .set({ status: 'open', openedAt: now })
      .where(
        and(
          eq(assemblies.id, assemblyId),
          eq(assemblies.compoundId, compoundId),
          eq(assemblies.status, 'announced'),
          lte(assemblies.startsAt, now),
        ),
      )
      .returning({ title: assemblies.title })
      .get();
    if (!opened) return false;
    const moved = tx
      .update(votes)
      .set({ status: move.to })
      .where(and(eq(votes.assemblyId, assemblyId), eq(votes.status, move.from)))
      .returning({ id: votes.id })
      .all();
    for (const v of moved) {
      appendAudit(tx, {
        compoundId,
        actorId: null,
        at: now,
        entity: 'vote',
        entityId: v.id,
        action: move.action,
        fromState: move.from,
        toState: move.to,
        data: { assemblyId },
      });
    }
    appendAudit(tx, {
      compoundId,
      actorId: null,
      at: now,
      entity: 'assembly',
      entityId: assemblyId,
      action: 'open_assembly',
      fromState: 'announced',
      toState: 'open',
      data: { voteIds: moved.map((v) => v.id) },
    });
    const audience = audienceOfAssembly(tx, compoundId, moved[0]?.id ?? 0);
    notify(
      tx,
      audience.owners,
      { compoundId, kind: 'assembly_open', actorId: null, assemblyId, detail: opened.title },
      now,
    );
    return true;
  });
}

/**
 * Closes an open assembly: every matter counted once from its frozen electorate and counted ballots
 * (paper ballots still unconfirmed are not counted and stay listed with their serial numbers), the
 * result put on the notice board for the compound's notice period, an elected committee's handover
 * scheduled, the chain's head anchored with all of it, and every owner told.
 */
export function closeAssembly(compoundId: number, assemblyId: number, actorId: number | null, now: number): boolean {
  const closed = writeTransaction((tx) => {
    const noticeDays =
      tx.select({ d: compounds.noticeDays }).from(compounds).where(eq(compounds.id, compoundId)).get()?.d ?? 7;
    const a = tx
      .update(assemblies)
      .set({ status: 'closed', closedAt: now, closedBy: actorId, resultUntil: now + noticeDays * DAY_MS })
      .where(and(eq(assemblies.id, assemblyId), eq(assemblies.compoundId, compoundId), eq(assemblies.status, 'open')))
      .returning()
      .get();
    if (!a) return false;
    const matters = tx
      .select({ id: votes.id })
      .from(votes)
      .where(eq(votes.assemblyId, assemblyId))
      .orderBy(votes.id)
      .all();
    const outcomes: { voteId: number; voted: number }[] = [];
    for (const m of matters) {
      const done = closeVoteIn(tx, compoundId, m.id, actorId, now);
      if (!done) continue;
      outcomes.push({ voteId: m.id, voted: done.result.voted });
      scheduleHandover(
        tx,
        {
          compoundId,
          assemblyId,
          voteId: m.id,
          result: done.result,
          alternates: a.committeeAlternates,
          handoverDays: a.handoverDays,
        },
        now,
      );
    }
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'assembly',
      entityId: assemblyId,
      action: 'close_assembly',
      fromState: 'open',
      toState: 'closed',
      data: { matters: outcomes, early: now < a.endsAt, resultUntil: a.resultUntil },
    });
    const audience = audienceOfAssembly(tx, compoundId, matters[0]?.id ?? 0);
    notify(
      tx,
      [...audience.owners, ...audience.officials, ...audience.community],
      { compoundId, kind: 'assembly_result', actorId, assemblyId, detail: a.title },
      now,
    );
    // Last: the anchor covers every entry above, and the result notice prints it.
    const anchor = anchorClose(tx, compoundId, now);
    if (anchor) tx.update(assemblies).set({ closeAnchorId: anchor.id }).where(eq(assemblies.id, assemblyId)).run();
    return true;
  });
  if (closed) appendPendingAnchors();
  return closed;
}

/** Assemblies whose start time (announced) or end time (open) has come, for the clock. */
export function listDueAssemblies(now: number) {
  return getDb().all<{ id: number; compoundId: number; status: 'announced' | 'open'; endsAt: number }>(sql`
    select id, compound_id as compoundId, status, ends_at as endsAt from assemblies
     where (status = 'announced' and starts_at <= ${now}) or (status = 'open' and ends_at <= ${now})
     order by id`);
}

/** Makes whatever move is due on one assembly now (the clock, and a visit to its pages). */
export function moveDueAssembly(a: { id: number; compoundId: number; status: string; endsAt: number }, now: number) {
  let opened = false;
  let closed = false;
  if (a.status === 'announced') opened = openAssembly(a.compoundId, a.id, now);
  if ((a.status === 'open' || opened) && now >= a.endsAt) closed = closeAssembly(a.compoundId, a.id, null, now);
  return { opened, closed };
}
