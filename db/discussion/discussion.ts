import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { PositionParty } from '@/lib/topics/rules';
import { getDb, writeTransaction } from '../client';
import { commentReports, comments, positionRevisions, positions, topics } from '../schema';
import { appendAudit } from '../audit/append';
import { followersOf, notify } from '../notifications/notifications';

export const COMMENT_THREADS_PER_PAGE = 50;

/** A comment as the thread shows it; `reported`: whether the reader reported it. */
export interface CommentRow {
  id: number;
  parentId: number | null;
  authorId: number;
  authorName: string;
  partyMember: boolean;
  body: string;
  createdAt: number;
  reportCount: number;
  hiddenAt: number | null;
  hiddenReason: string | null;
  reported: boolean;
}

/**
 * One page of a topic's thread: COMMENT_THREADS_PER_PAGE top-level comments with all their replies,
 * oldest first within the page; `page` null means the latest page. Two queries whatever the thread's
 * length.
 */
export function listCommentPage(topicId: number, readerId: number, page: number | null) {
  const db = getDb();
  const threads =
    db.get<{ n: number }>(sql`select count(*) as n from comments where topic_id = ${topicId} and parent_id is null`)
      ?.n ?? 0;
  const pages = Math.max(1, Math.ceil(threads / COMMENT_THREADS_PER_PAGE));
  const current = page === null ? pages : Math.min(Math.max(1, page), pages);
  // Pages are cut from the newest end, so the latest page (the default) is always a full one.
  const end = threads - (pages - current) * COMMENT_THREADS_PER_PAGE;
  const offset = Math.max(0, end - COMMENT_THREADS_PER_PAGE);
  const limit = end - offset;
  const rows = db.all<Omit<CommentRow, 'partyMember' | 'reported'> & { partyMember: number; reported: number }>(sql`
    with page as (select id from comments where topic_id = ${topicId} and parent_id is null
                   order by id limit ${limit} offset ${offset})
    select c.id, c.parent_id as parentId, c.author_id as authorId, p.name as authorName,
           p.party_member as partyMember, c.body, c.created_at as createdAt, c.report_count as reportCount,
           c.hidden_at as hiddenAt, c.hidden_reason as hiddenReason,
           exists(select 1 from comment_reports r where r.comment_id = c.id and r.person_id = ${readerId}) as reported
      from comments c join people p on p.id = c.author_id
     where c.topic_id = ${topicId} and (c.id in (select id from page) or c.parent_id in (select id from page))
     order by c.id`);
  const comments: CommentRow[] = rows.map((r) => ({
    ...r,
    partyMember: Boolean(r.partyMember),
    reported: Boolean(r.reported),
  }));
  return { comments, page: current, pages };
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
