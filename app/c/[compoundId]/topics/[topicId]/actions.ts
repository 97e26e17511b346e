'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { addComment, findComment, hideComment, reportComment, upsertPosition } from '@/db/discussion/discussion';
import { getTopic } from '@/db/topics/read';
import type { ActionResult } from '@/lib/actions/result';
import { fail, failField, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { canComment, canModerate, canPostPosition, canReportComment } from '@/lib/topics/rules';
import { commentSchema, hideSchema, positionSchema, reportSchema } from '@/lib/topics/validation';

type Result = ActionResult;

async function done(compoundId: number, topicId: number, key: 'commented' | 'reported' | 'hidden' | 'positionSaved') {
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
  return { ok: true as const, data: null, message: (await getTranslations('topics'))(key) };
}

/** Step 3: anyone in the compound speaks in the thread; replies are one level deep. */
export async function commentAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = commentSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const topic = getTopic(ctx.compound.id, parsed.data.topicId);
  if (!topic) return fail('notFound');
  const denied = canComment(ctx.roles, topic);
  if (denied) return fail(denied);
  let parentAuthorId: number | null = null;
  if (parsed.data.parentId !== null) {
    const parent = findComment(ctx.compound.id, parsed.data.parentId);
    if (!parent || parent.topicId !== topic.id) return fail('notFound');
    if (parent.parentId !== null) return fail('replyDepth');
    parentAuthorId = parent.authorId;
  }
  addComment(
    {
      compoundId: ctx.compound.id,
      topicId: topic.id,
      authorId: ctx.actor.personId,
      body: parsed.data.body,
      parentId: parsed.data.parentId,
      parentAuthorId,
    },
    Date.now(),
  );
  return done(ctx.compound.id, topic.id, 'commented');
}

export async function reportAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = reportSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const comment = findComment(ctx.compound.id, parsed.data.commentId);
  if (!comment) return fail('notFound');
  const denied = canReportComment(
    ctx.roles,
    { authorId: comment.authorId, hidden: comment.hiddenAt !== null },
    ctx.actor.personId,
    false,
  );
  if (denied) return fail(denied);
  if (!reportComment(comment.id, ctx.actor.personId, parsed.data.reason, Date.now())) return fail('alreadyReported');
  return done(ctx.compound.id, comment.topicId, 'reported');
}

/** Moderation: the secretary hides a comment with a reason; the author still sees it, nothing is deleted. */
export async function hideAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const denied = canModerate(ctx.roles);
  if (denied) return fail(denied);
  const parsed = hideSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const comment = findComment(ctx.compound.id, parsed.data.commentId);
  if (!comment) return fail('notFound');
  const hidden = hideComment(
    {
      compoundId: ctx.compound.id,
      topicId: comment.topicId,
      commentId: comment.id,
      authorId: comment.authorId,
      actorId: ctx.actor.personId,
      reason: parsed.data.reason,
    },
    Date.now(),
  );
  if (!hidden) return fail('alreadyHidden');
  return done(ctx.compound.id, comment.topicId, 'hidden');
}

/** Each of the "3" posts one official position per topic, and may edit it (every version is kept). */
export async function positionAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = positionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const topic = getTopic(ctx.compound.id, parsed.data.topicId);
  if (!topic) return fail('notFound');
  const denied = canPostPosition(ctx.roles, parsed.data.party, topic);
  if (denied) return denied === 'notYourParty' ? failField('party', denied) : fail(denied);
  upsertPosition(
    {
      compoundId: ctx.compound.id,
      topicId: topic.id,
      party: parsed.data.party,
      body: parsed.data.body,
      authorId: ctx.actor.personId,
    },
    Date.now(),
  );
  return done(ctx.compound.id, topic.id, 'positionSaved');
}
