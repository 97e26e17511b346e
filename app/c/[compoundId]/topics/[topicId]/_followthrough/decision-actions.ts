'use server';

import { getCompoundSettings } from '@/db/places/compounds';
import { closedVotesOfTopic, publishDecision, recordDecision, recordNotPassed } from '@/db/followthrough/decisions';
import type { ActionResult } from '@/lib/actions/result';
import { checkDeadline } from '@/lib/followthrough/rules';
import { checkDecisionBasis, checkNotPassed, type ClosedVote, verdictToCopy } from '@/lib/followthrough/decision-basis';
import { decisionSchema, notPassedSchema } from '@/lib/followthrough/validation';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { planMove } from '@/lib/topics/lifecycle';
import { fail, failField, fieldOf, formToObject, invalid, isFailure, topicInCompound } from '@/server/actions';
import { done } from './action-done';

type Result = ActionResult;

/** The topic's closed votes with what each decided, from their stored results. */
function closedVotes(topicId: number): ClosedVote[] {
  return closedVotesOfTopic(topicId).map((v) => ({
    id: v.id,
    kind: v.kind,
    outcome: outcomeOf(parseResult(v.result)),
  }));
}

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
  // A decision never contradicts its vote: on a topic that went to an owners' decision it rests on one
  // that passed and copies its verdict (docs/domain/owners-assembly.md, "After").
  const votes = closedVotes(ctx.topic.id);
  const basis = checkDecisionBasis(votes, d.voteId);
  if (basis) return failField('voteId', basis);
  const companyId = d.party === 'property' ? d.companyId : null;
  if (companyId !== null && !ctx.compound.companyIds.includes(companyId)) return failField('companyId', 'notFound');
  const ok = recordDecision(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      voteId: d.voteId,
      voteVerdict: verdictToCopy(votes, d.voteId),
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

/**
 * An owners' decision of the topic did not pass: the deciders can only record that (with a note of
 * what follows), and the topic goes back to deliberation. Nothing is decided or handed over.
 */
export async function recordNotPassedAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const plan = planMove('record_not_passed', ctx.topic.status, ctx.roles);
  if (!plan.ok) return fail(plan.reason === 'not_allowed' ? 'cannotDecide' : 'wrongState');
  const parsed = notPassedSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const refused = checkNotPassed(closedVotes(ctx.topic.id), parsed.data.voteId);
  if (refused) return failField('voteId', refused);
  const ok = recordNotPassed(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      voteId: parsed.data.voteId,
      note: parsed.data.note,
    },
    Date.now(),
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'notPassedRecorded') : fail('wrongState');
}
