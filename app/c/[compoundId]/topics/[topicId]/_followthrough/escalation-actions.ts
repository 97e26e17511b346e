'use server';

import { escalate, hasOpenEscalation } from '@/db/followthrough/escalations';
import type { ActionResult } from '@/lib/actions/result';
import { canEscalate } from '@/lib/followthrough/rules';
import { escalateSchema } from '@/lib/followthrough/validation';
import { fail, fieldOf, formToObject, invalid, isFailure, topicInCompound } from '@/server/actions';
import { done } from './action-done';

type Result = ActionResult;

/** 大事全网联动: the secretary sends a matter the compound cannot settle to its community. */
export async function escalateAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = escalateSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const denied = canEscalate(ctx.roles, ctx.topic, hasOpenEscalation(ctx.topic.id));
  if (denied) return fail(denied);
  const ok = escalate(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      reason: parsed.data.reason,
      auto: false,
    },
    Date.now(),
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'escalated') : fail('escalationOpen');
}
