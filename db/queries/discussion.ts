import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { PositionParty } from '@/lib/topics/rules';
import { getDb, writeTransaction } from '../client';
import { commentReports, comments, people, positionRevisions, positions, topics } from '../schema';
import { appendAudit } from './audit';
import { followersOf, notify } from './notifications';

/** A topic's whole thread with each author's name, and which comments this reader reported: one query. */
export function listComments(topicId: number, readerId: number) {
  return getDb()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.authorId,
      authorName: people.name,
      partyMember: people.partyMember,
      body: comments.body,
      createdAt: comments.createdAt,
      reportCount: comments.reportCount,
      hiddenAt: comments.hiddenAt,
      hiddenReason: comments.hiddenReason,
      reported: sql<number>`exists(select 1 from comment_reports r where r.comment_id = comments.id and r.person_id = ${readerId})`,
    })
    .from(comments)
    .innerJoin(people, eq(people.id, comments.authorId))
    .where(eq(comments.topicId, topicId))
    .orderBy(asc(comments.id))
    .all();
}

/** A comment together with its topic's compound, for actions that load in scope. */
export function findComment(compoundId: number, commentId: number) {
  return getDb()
    .select({
      id: comments.id,
      topicId: comments.topicId,
      authorId: comments.authorId,
      parentId: comments.parentId,
      hiddenAt: comments.hiddenAt,
      topicStatus: topics.status,
    })
    .from(comments)
    .innerJoin(topics, eq(topics.id, comments.topicId))
    .where(and(eq(comments.id, commentId), eq(topics.compoundId, compoundId)))
    .get();
}

export function addComment(
  input: {
    compoundId: number;
    topicId: number;
    authorId: number;
    body: string;
    parentAuthorId: number | null;
    parentId: number | null;
  },
  now: number,
) {
  return writeTransaction((tx) => {
    const id = tx
      .insert(comments)
      .values({
        topicId: input.topicId,
        authorId: input.authorId,
        parentId: input.parentId,
        body: input.body,
        createdAt: now,
      })
      .returning({ id: comments.id })
      .get().id;
    tx.update(topics)
      .set({ commentCount: sql`${topics.commentCount} + 1`, activityAt: now })
      .where(eq(topics.id, input.topicId))
      .run();
    if (input.parentAuthorId !== null) {
      notify(
        tx,
        [input.parentAuthorId],
        { compoundId: input.compoundId, kind: 'reply', actorId: input.authorId, topicId: input.topicId },
        now,
      );
    }
    return id;
  });
}

export function reportComment(commentId: number, personId: number, reason: string, now: number): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .insert(commentReports)
      .values({ commentId, personId, reason, createdAt: now })
      .onConflictDoNothing()
      .run();
    if (res.changes === 0) return false;
    tx.update(comments)
      .set({ reportCount: sql`${comments.reportCount} + 1` })
      .where(eq(comments.id, commentId))
      .run();
    return true;
  });
}

/** Hides a comment with a reason; nothing is deleted. Audited on the topic; the author is told why. */
export function hideComment(
  input: { compoundId: number; topicId: number; commentId: number; authorId: number; actorId: number; reason: string },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .update(comments)
      .set({ hiddenAt: now, hiddenBy: input.actorId, hiddenReason: input.reason })
      .where(and(eq(comments.id, input.commentId), isNull(comments.hiddenAt)))
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.actorId,
      at: now,
      entity: 'topic',
      entityId: input.topicId,
      action: 'hide_comment',
      reason: input.reason,
      data: { commentId: input.commentId },
    });
    notify(
      tx,
      [input.authorId],
      {
        compoundId: input.compoundId,
        kind: 'comment_hidden',
        actorId: input.actorId,
        topicId: input.topicId,
        detail: input.reason,
      },
      now,
    );
    return true;
  });
}

/** The parties' positions with every earlier version, newest first: one query. */
export function listPositions(topicId: number) {
  return getDb()
    .all<{
      id: number;
      party: PositionParty;
      body: string;
      authorName: string;
      updatedAt: number;
      revisions: string;
    }>(sql`
      select p.id, p.party, p.body, a.name as authorName, p.updated_at as updatedAt,
             (select json_group_array(json_object('body', r.body, 'authorName', ra.name, 'createdAt', r.created_at))
                from (select * from position_revisions where position_id = p.id order by id desc) r
                join people ra on ra.id = r.author_id) as revisions
        from positions p join people a on a.id = p.author_id
       where p.topic_id = ${topicId}`)
    .map((p) => ({
      ...p,
      revisions: JSON.parse(p.revisions) as { body: string; authorName: string; createdAt: number }[],
    }));
}

/**
 * Posts or edits a party's one position on a topic. Every version is kept as a revision, so an edit
 * never erases what was said; followers are told.
 */
export function upsertPosition(
  input: { compoundId: number; topicId: number; party: PositionParty; body: string; authorId: number },
  now: number,
) {
  writeTransaction((tx) => {
    const existing = tx
      .select({ id: positions.id })
      .from(positions)
      .where(and(eq(positions.topicId, input.topicId), eq(positions.party, input.party)))
      .get();
    let positionId: number;
    if (existing) {
      tx.update(positions)
        .set({ body: input.body, authorId: input.authorId, updatedAt: now })
        .where(eq(positions.id, existing.id))
        .run();
      positionId = existing.id;
    } else {
      positionId = tx
        .insert(positions)
        .values({
          topicId: input.topicId,
          party: input.party,
          body: input.body,
          authorId: input.authorId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: positions.id })
        .get().id;
    }
    tx.insert(positionRevisions)
      .values({ positionId, body: input.body, authorId: input.authorId, createdAt: now })
      .run();
    tx.update(topics).set({ activityAt: now }).where(eq(topics.id, input.topicId)).run();
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.authorId,
      at: now,
      entity: 'topic',
      entityId: input.topicId,
      action: existing ? 'edit_position' : 'post_position',
      data: { party: input.party },
    });
    notify(
      tx,
      followersOf(tx, input.topicId),
      {
        compoundId: input.compoundId,
        kind: 'position',
        actorId: input.authorId,
        topicId: input.topicId,
        detail: input.party,
      },
      now,
    );
  });
}
