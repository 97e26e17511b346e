import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { TopicMove } from '@/lib/topics/lifecycle';
import type { TopicCategory } from '@/lib/topics/categories';
import { getDb, writeTransaction } from '../client';
import { PROPERTY, REVIEWERS } from '@/lib/auth/roles';
import { DAY_MS, SMALL_MATTER_DAYS } from '@/lib/followthrough/rules';
import { appendAudit } from '../audit/append';
import { createSmallMatterTask } from '../followthrough/tasks';
import { notify } from '../notifications/notifications';
import { roleIn } from '../roles';
import { compoundServices, memberships, topicCosigns, topicFollows, topicPhotos, topics } from '../schema';
import { moveTopic } from './move';

export interface NewTopic {
  compoundId: number;
  authorId: number;
  title: string;
  description: string;
  category: TopicCategory;
  buildingId: number | null;
  photos: { file: string; mime: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: number }[];
}

/** Raises a topic with its photos; the author follows it. One transaction, one audit entry. */
export function raiseTopic(t: NewTopic, now: number): number {
  return writeTransaction((tx) => {
    const { photos, ...fields } = t;
    const id = tx
      .insert(topics)
      .values({ ...fields, status: 'raised', createdAt: now, activityAt: now })
      .returning({ id: topics.id })
      .get().id;
    for (const p of photos)
      tx.insert(topicPhotos)
        .values({ topicId: id, compoundId: t.compoundId, ...p, createdAt: now })
        .run();
    tx.insert(topicFollows).values({ topicId: id, personId: t.authorId, createdAt: now }).run();
    appendAudit(tx, {
      compoundId: t.compoundId,
      actorId: t.authorId,
      at: now,
      entity: 'topic',
      entityId: id,
      action: 'raise',
      toState: 'raised',
      data: { title: t.title, category: t.category, photos: photos.length },
    });
    // Step 2 waits for the reviewers: they hear of it at once (and on their phones).
    const reviewers = tx
      .all<{ id: number }>(sql`select person_id as id from memberships where scope_type = 'compound'
          and scope_id = ${t.compoundId} and ${roleIn(sql`role`, REVIEWERS)}`)
      .map((r) => r.id);
    notify(tx, reviewers, { compoundId: t.compoundId, kind: 'topic_raised', actorId: t.authorId, topicId: id }, now);
    return id;
  });
}

/** Co-signs (附议) and follows. False if this person had already co-signed (the primary key decides). */
export function cosignTopic(compoundId: number, topicId: number, personId: number, authorId: number, now: number) {
  return writeTransaction((tx) => {
    const added = tx.insert(topicCosigns).values({ topicId, personId, createdAt: now }).onConflictDoNothing().run();
    if (added.changes === 0) return false;
    tx.insert(topicFollows).values({ topicId, personId, createdAt: now }).onConflictDoNothing().run();
    tx.update(topics)
      .set({ cosignCount: sql`${topics.cosignCount} + 1` })
      .where(eq(topics.id, topicId))
      .run();
    appendAudit(tx, { compoundId, actorId: personId, at: now, entity: 'topic', entityId: topicId, action: 'cosign' });
    notify(tx, [authorId], { compoundId, kind: 'cosign', actorId: personId, topicId }, now);
    return true;
  });
}

export function setFollow(topicId: number, personId: number, follow: boolean, now: number) {
  const db = getDb();
  if (follow) db.insert(topicFollows).values({ topicId, personId, createdAt: now }).onConflictDoNothing().run();
  else
    db.delete(topicFollows)
      .where(and(eq(topicFollows.topicId, topicId), eq(topicFollows.personId, personId)))
      .run();
}

/**
 * Applies a reviewed move (accept, reject, merge, route as a small matter) through moveTopic, so
 * two reviewers acting at once cannot both move the topic: the loser gets false and nothing
 * changes. Merging moves co-signers and followers to the target topic; routing a small matter
 * gives its task to the compound's property company, whose staff are told.
 */
export function applyTopicMove(
  input: {
    compoundId: number;
    topicId: number;
    actorId: number;
    move: TopicMove;
    reason: string | null;
    mergeInto: { id: number; title: string } | null;
  },
  now: number,
): boolean {
  const { compoundId, topicId, actorId, move, reason, mergeInto } = input;
  return writeTransaction((tx) => {
    const routedCompanyId =
      move.action === 'route_small_matter'
        ? (tx
            .select({ id: compoundServices.companyId })
            .from(compoundServices)
            .where(eq(compoundServices.compoundId, compoundId))
            .get()?.id ?? null)
        : null;
    const companyStaff =
      routedCompanyId === null
        ? []
        : tx
            .select({ id: memberships.personId })
            .from(memberships)
            .where(
              and(
                roleIn(memberships.role, PROPERTY),
                eq(memberships.scopeType, 'company'),
                eq(memberships.scopeId, routedCompanyId),
              ),
            )
            .all()
            .map((r) => r.id);
    const moved = moveTopic(
      tx,
      {
        compoundId,
        topicId,
        actorId,
        move,
        reason,
        set: { mergedIntoId: mergeInto?.id ?? null, routedCompanyId, reviewedAt: now },
        data: mergeInto ? { mergedInto: mergeInto.id } : routedCompanyId ? { routedCompanyId } : undefined,
        also: companyStaff,
        alsoTell: { kind: 'task_assigned', detail: 'property' },
      },
      now,
    );
    if (!moved) return false;
    if (routedCompanyId !== null) {
      createSmallMatterTask(
        tx,
        { compoundId, topicId, companyId: routedCompanyId, deadlineAt: now + SMALL_MATTER_DAYS * DAY_MS },
        now,
      );
    }
    if (mergeInto) {
      tx.run(sql`insert or ignore into topic_cosigns (topic_id, person_id, created_at)
                 select ${mergeInto.id}, person_id, created_at from topic_cosigns where topic_id = ${topicId}`);
      tx.run(sql`insert or ignore into topic_follows (topic_id, person_id, created_at)
                 select ${mergeInto.id}, person_id, created_at from topic_follows where topic_id = ${topicId}`);
      tx.run(sql`update topics set cosign_count = (select count(*) from topic_cosigns where topic_id = ${mergeInto.id}),
                 activity_at = ${now} where id = ${mergeInto.id}`);
      appendAudit(tx, {
        compoundId,
        actorId,
        at: now,
        entity: 'topic',
        entityId: mergeInto.id,
        action: 'absorb',
        data: { mergedFrom: topicId },
      });
    }
    return true;
  });
}
