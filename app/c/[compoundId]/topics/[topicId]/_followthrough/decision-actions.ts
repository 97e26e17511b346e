'use server';

import { getCompoundSettings } from '@/db/places/compounds';
import { closedVotesOfTopic, publishDecision, recordDecision } from '@/db/followthrough/decisions';
import type { ActionResult } from '@/lib/actions/result';
import { checkDeadline } from '@/lib/followthrough/rules';
import { decisionSchema } from '@/lib/followthrough/validation';
import { planMove } from '@/lib/topics/lifecycle';
import { fail, failField, fieldOf, formToObject, invalid, isFailure, topicInCompound } from '@/server/actions';
import { done } from './action-done';

type Result = ActionResult;

/** Step 5: the secretary records the decision, the vote it rests on, who carries it out and by when. */
export async function recordDecisionAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const plan = planMove('record_decision', ctx.topic.status, ctx.roles);
  if (!plan.ok) return fail(plan.reason === 'not_allowed' ? 'cannotDecide' : 'wrongState');
  const parsed = decisionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const now = Date.now();
  const late = checkDeadline(d.deadline, now);
  if (late) return failField('deadline', late);
  if (d.voteId !== null && !closedVotesOfTopic(ctx.topic.id).some((v) => v.id === d.voteId)) {
    return failField('voteId', 'notFound');
  }
  const companyId = d.party === 'property' ? d.companyId : null;
  if (companyId !== null && !ctx.compound.companyIds.includes(companyId)) return failField('companyId', 'notFound');
  const ok = recordDecision(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      voteId: d.voteId,
      body: d.body,
      minutes: d.minutes,
      party: d.party,
      companyId,
      deadlineAt: d.deadline,
    },
    now,
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'decisionRecorded') : fail('wrongState');
}

/** Step 5: publication (公示) for the compound's notice period. */
export async function publishDecisionAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const plan = planMove('publish_decision', ctx.topic.status, ctx.roles);
  if (!plan.ok) return fail(plan.reason === 'not_allowed' ? 'cannotDecide' : 'wrongState');
  const settings = getCompoundSettings(ctx.compound.id);
  if (!settings) return fail('notFound');
  const ok = publishDecision(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      noticeDays: settings.noticeDays,
    },
    Date.now(),
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'decisionPublished') : fail('wrongState');
}
