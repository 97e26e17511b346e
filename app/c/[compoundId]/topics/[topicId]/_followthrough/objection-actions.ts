'use server';

import {
  answerObjection,
  findObjection,
  hasOpenObjection,
  lodgeObjection,
  noticeState,
} from '@/db/followthrough/objections';
import type { ActionResult } from '@/lib/actions/result';
import { canObject } from '@/lib/followthrough/rules';
import { answerObjectionSchema, objectionSchema } from '@/lib/followthrough/validation';
import { planMove } from '@/lib/topics/lifecycle';
import { fail, fieldOf, formToObject, inCompound, invalid, isFailure, topicInCompound } from '@/server/actions';
import { done } from './action-done';

type Result = ActionResult;

/** A resident objects to a published decision during the notice period. */
export async function objectAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = objectionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const now = Date.now();
  const notice = noticeState(ctx.topic.id);
  const pending = notice ? hasOpenObjection(notice.decisionId, ctx.actor.personId) : false;
  const denied = canObject(
    ctx.roles,
    { status: ctx.topic.status, noticeEndsAt: notice?.noticeEndsAt ?? null },
    pending,
    now,
  );
  if (denied || !notice) return fail(denied ?? 'noticeOver');
  const ok = lodgeObjection(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      decisionId: notice.decisionId,
      authorId: ctx.actor.personId,
      reason: parsed.data.reason,
    },
    now,
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'objectionLodged') : fail('noticeOver');
}

/** The secretary answers every objection: upheld sends the topic back, dismissed says why to all. */
export async function answerObjectionAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = answerObjectionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const objection = findObjection(ctx.compound.id, parsed.data.objectionId);
  if (!objection) return fail('notFound');
  const plan = planMove('uphold_objection', 'publicised', ctx.roles);
  if (!plan.ok) return fail('cannotDecide');
  if (objection.outcome !== null) return fail('objectionAnswered');
  const result = answerObjection(
    {
      compoundId: ctx.compound.id,
      objectionId: objection.id,
      actorId: ctx.actor.personId,
      outcome: parsed.data.outcome,
      answer: parsed.data.answer,
      upholdMove: plan.move,
    },
    Date.now(),
  );
  if (result === 'answered') return fail('objectionAnswered');
  if (result === 'moved') return fail('wrongState');
  return done(ctx.compound.id, objection.topicId, 'objectionAnswered');
}
