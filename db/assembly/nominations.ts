import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { nominationCalls, nominations } from '../schema';
import { committeeOf } from './audience';

/** Whether nominations for the owners' committee are open on this topic. */
export function nominationCall(topicId: number) {
  return getDb().select().from(nominationCalls).where(eq(nominationCalls.topicId, topicId)).get();
}

export function openNominations(c: { compoundId: number; topicId: number; actorId: number }, now: number): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .insert(nominationCalls)
      .values({ topicId: c.topicId, compoundId: c.compoundId, openedBy: c.actorId, openedAt: now })
      .onConflictDoNothing()
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId: c.compoundId,
      actorId: c.actorId,
      at: now,
      entity: 'topic',
      entityId: c.topicId,
      action: 'open_nominations',
    });
    return true;
  });
}

/** A person of the compound who holds a unit there (a candidate must be an owner of the compound). */
export function ownerByMobile(compoundId: number, mobile: string) {
  return getDb().get<{ id: number; name: string }>(sql`
    select p.id, p.name from people p where p.mobile = ${mobile} and exists (
      select 1 from holder_members hm join holders h on h.id = hm.holder_id
       where hm.person_id = p.id and h.compound_id = ${compoundId})`);
}

export function nominate(
  n: { compoundId: number; topicId: number; candidateId: number; nominatedBy: number; statement: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .insert(nominations)
      .values({ ...n, status: 'pending', createdAt: now })
      .onConflictDoNothing()
      .returning({ id: nominations.id })
      .get();
    if (!res) return false;
    appendAudit(tx, {
      compoundId: n.compoundId,
      actorId: n.nominatedBy,
      at: now,
      entity: 'nomination',
      entityId: res.id,
      action: 'nominate',
      data: { topicId: n.topicId, candidateId: n.candidateId },
    });
    const base = { compoundId: n.compoundId, kind: 'nomination' as const, actorId: n.nominatedBy, topicId: n.topicId };
    notify(tx, committeeOf(tx, n.compoundId), { ...base, detail: 'new' }, now);
    if (n.candidateId !== n.nominatedBy) notify(tx, [n.candidateId], { ...base, detail: 'nominated' }, now);
    return true;
  });
}

export function findNomination(compoundId: number, nominationId: number) {
  return getDb()
    .select()
    .from(nominations)
    .where(and(eq(nominations.id, nominationId), eq(nominations.compoundId, compoundId)))
    .get();
}

/** The committee accepts (the candidate meets the district's conditions) or rejects with a reason; the candidate is told. */
export function answerNomination(
  a: { compoundId: number; nominationId: number; actorId: number; outcome: 'accepted' | 'rejected'; reason: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const n = tx
      .update(nominations)
      .set({ status: a.outcome, answeredBy: a.actorId, answeredAt: now, reason: a.reason || null })
      .where(
        and(
          eq(nominations.id, a.nominationId),
          eq(nominations.compoundId, a.compoundId),
          eq(nominations.status, 'pending'),
        ),
      )
      .returning()
      .get();
    if (!n) return false;
    appendAudit(tx, {
      compoundId: a.compoundId,
      actorId: a.actorId,
      at: now,
      entity: 'nomination',
      entityId: n.id,
      action: a.outcome === 'accepted' ? 'accept_nomination' : 'reject_nomination',
      reason: a.reason || null,
      data: { topicId: n.topicId, candidateId: n.candidateId },
    });
    notify(
      tx,
      [n.candidateId, n.nominatedBy],
      { compoundId: a.compoundId, kind: 'nomination', actorId: a.actorId, topicId: n.topicId, detail: a.outcome },
      now,
    );
    return true;
  });
}

/** A topic's nominations with names and places; `personId` adds the pending ones that person made or is named in. */
export function listNominations(topicId: number, all: boolean, personId: number) {
  return getDb().all<{
    id: number;
    candidateId: number;
    candidateName: string;
    place: string | null;
    nominatorName: string;
    statement: string;
    status: 'pending' | 'accepted' | 'rejected';
    reason: string | null;
  }>(sql`
    select n.id, n.candidate_id as candidateId, c.name as candidateName,
           (select group_concat(b.name || u.number, '、') from holder_members hm join units u on u.holder_id = hm.holder_id
              join buildings b on b.id = u.building_id where hm.person_id = n.candidate_id and u.compound_id = n.compound_id)
             as place,
           m.name as nominatorName, n.statement, n.status, n.reason
      from nominations n join people c on c.id = n.candidate_id join people m on m.id = n.nominated_by
     where n.topic_id = ${topicId}
       ${all ? sql`` : sql`and (n.status = 'accepted' or n.candidate_id = ${personId} or n.nominated_by = ${personId})`}
     order by n.id`);
}
