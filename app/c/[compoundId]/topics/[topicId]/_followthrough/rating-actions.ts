'use server';

import { hasRated, rateTask } from '@/db/followthrough/ratings';
import { findTask } from '@/db/followthrough/tasks';
import type { ActionResult } from '@/lib/actions/result';
import { canRate } from '@/lib/followthrough/rules';
import { ratingSchema } from '@/lib/followthrough/validation';
import { fail, fieldOf, formToObject, invalid, isFailure, topicInCompound } from '@/server/actions';
import { done } from './action-done';

type Result = ActionResult;

/** Step 7: residents rate the work 1–5 during the rating period, once per round. */
export async function rateAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = ratingSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const task = findTask(ctx.topic.id);
  const now = Date.now();
  const rated = task ? hasRated(ctx.topic.id, task.round, ctx.actor.personId) : false;
  const denied = canRate(ctx.roles, { status: ctx.topic.status, ratingEndsAt: task?.ratingEndsAt ?? null }, rated, now);
  if (denied) return fail(denied);
  const ok = rateTask(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      personId: ctx.actor.personId,
      stars: parsed.data.stars,
      comment: parsed.data.comment,
    },
    now,
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'rated') : fail('alreadyRated');
}
