import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { DAY_MS, type TaskParty } from '@/lib/followthrough/rules';
import { clockMove, type TopicMove } from '@/lib/topics/lifecycle';
import { getDb, type Tx, writeTransaction } from '../client';
import { taskUpdates, tasks, topicPhotos, topics } from '../schema';
import { moveTopic } from '../topics/move';
import { statusIs } from '../topics/status';
import { responsibleOf } from './audiences';
import { audit } from './audit';

// Step 6: a decision (or a small matter) becomes a task; the responsible party accepts it,
// reports progress and marks it done.

export function findTask(topicId: number) {
  return getDb().select().from(tasks).where(eq(tasks.topicId, topicId)).get();
}

/**
 * The notice period is over and every objection answered: the decision becomes a task for its
 * responsible party, who is told. Inside the caller's transaction; false if it was not due.
 */
export function endNoticeIn(tx: Tx, compoundId: number, topicId: number, actorId: number | null, now: number): boolean {
  const move = clockMove('end_notice', 'publicised');
  if (!move) throw new Error('end_notice is missing from the lifecycle table');
  const d = tx.get<{ id: number; party: TaskParty; companyId: number | null; deadlineAt: number; open: number }>(sql`
    select d.id, d.party, d.company_id as companyId, d.deadline_at as deadlineAt,
           (select count(*) from objections o where o.decision_id = d.id and o.outcome is null) as open
      from decisions d where d.topic_id = ${topicId} and d.withdrawn_at is null and d.notice_ends_at <= ${now}
     order by d.id desc limit 1`);
  if (!d || d.open > 0) return false;
  const also = responsibleOf(tx, compoundId, d.party, d.companyId);
  const alsoTell = { kind: 'task_assigned' as const, detail: d.party };
  if (!moveTopic(tx, { compoundId, topicId, actorId, move, also, alsoTell }, now)) return false;
  tx.insert(tasks)
    .values({
      compoundId,
      topicId,
      decisionId: d.id,
      party: d.party,
      companyId: d.companyId,
      deadlineAt: d.deadlineAt,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: tasks.topicId,
      set: {
        decisionId: d.id,
        party: d.party,
        companyId: d.companyId,
        deadlineAt: d.deadlineAt,
        overdueAt: null,
        autoEscalatedAt: null,
      },
    })
    .run();
  return true;
}

/** A small matter becomes a task of the serving company at once (inside the routing transaction). */
export function createSmallMatterTask(
  tx: Tx,
  t: { compoundId: number; topicId: number; companyId: number; deadlineAt: number },
  now: number,
) {
  tx.insert(tasks)
    .values({ ...t, party: 'property', createdAt: now })
    .onConflictDoNothing()
    .run();
}

export function acceptTask(
  a: { compoundId: number; topicId: number; taskId: number; actorId: number; move: TopicMove; note: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    if (!moveTopic(tx, { compoundId: a.compoundId, topicId: a.topicId, actorId: a.actorId, move: a.move }, now)) {
      return false;
    }
    tx.update(tasks).set({ acceptedAt: now, acceptedBy: a.actorId }).where(eq(tasks.id, a.taskId)).run();
    const percent = tx.get<{ p: number }>(sql`select percent as p from tasks where id = ${a.taskId}`)?.p ?? 0;
    tx.insert(taskUpdates)
      .values({
        compoundId: a.compoundId,
        topicId: a.topicId,
        taskId: a.taskId,
        authorId: a.actorId,
        kind: 'accepted',
        body: a.note,
        percent,
        createdAt: now,
      })
      .run();
    return true;
  });
}

export interface UpdateInput {
  compoundId: number;
  topicId: number;
  taskId: number;
  actorId: number;
  body: string;
  percent: number;
  photos: { file: string; mime: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: number }[];
}

/**
 * A progress update (text, photos, percent) while the task is in progress; or, with `done`, the
 * completion with its evidence, which opens the rating period. False if the task moved meanwhile.
 */
export function postUpdate(u: UpdateInput, done: { move: TopicMove; ratingDays: number } | null, now: number): boolean {
  return writeTransaction((tx) => {
    const base = { compoundId: u.compoundId, topicId: u.topicId, actorId: u.actorId };
    const data = { percent: done ? 100 : u.percent, photos: u.photos.length };
    if (done) {
      if (!moveTopic(tx, { ...base, move: done.move, data }, now)) return false;
      tx.update(tasks)
        .set({ percent: 100, doneAt: now, ratingEndsAt: now + done.ratingDays * DAY_MS })
        .where(eq(tasks.id, u.taskId))
        .run();
    } else {
      const res = tx.run(sql`update tasks set percent = ${u.percent} where id = ${u.taskId}
        and exists (select 1 from topics where id = ${u.topicId} and ${statusIs(sql`status`, 'in_progress')})`);
      if (res.changes === 0) return false;
      tx.update(topics).set({ activityAt: now }).where(eq(topics.id, u.topicId)).run();
    }
    const updateId = tx
      .insert(taskUpdates)
      .values({
        compoundId: u.compoundId,
        topicId: u.topicId,
        taskId: u.taskId,
        authorId: u.actorId,
        kind: done ? 'done' : 'progress',
        body: u.body,
        percent: done ? 100 : u.percent,
        createdAt: now,
      })
      .returning({ id: taskUpdates.id })
      .get().id;
    for (const p of u.photos) {
      tx.insert(topicPhotos)
        .values({ topicId: u.topicId, compoundId: u.compoundId, updateId, ...p, createdAt: now })
        .run();
    }
    if (!done) audit(tx, { ...base, action: 'progress', data }, now);
    return true;
  });
}
