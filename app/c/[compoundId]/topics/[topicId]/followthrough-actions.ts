'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getCompoundSettings } from '@/db/places/compounds';
import { closedVotesOfTopic, publishDecision, recordDecision } from '@/db/followthrough/decisions';
import { escalate, hasOpenEscalation } from '@/db/followthrough/escalations';
import {
  answerObjection,
  findObjection,
  hasOpenObjection,
  lodgeObjection,
  noticeState,
} from '@/db/followthrough/objections';
import { hasRated, rateTask } from '@/db/followthrough/ratings';
import { acceptTask, findTask, postUpdate } from '@/db/followthrough/tasks';
import type { ActionResult } from '@/lib/actions/result';
import {
  fail,
  failField,
  fieldOf,
  formToObject,
  inCompound,
  invalid,
  isFailure,
  topicInCompound,
} from '@/server/actions';
import { companyIdsOf } from '@/lib/auth/permissions';
import {
  canEscalate,
  canObject,
  canRate,
  canReportProgress,
  checkDeadline,
  isResponsible,
} from '@/lib/followthrough/rules';
import { planMove } from '@/lib/topics/lifecycle';
import { checkPhotos, MAX_PHOTOS } from '@/lib/uploads/sniff';
import { readUploads, removePhotos, storePhotos } from '@/server/uploads';
import {
  acceptTaskSchema,
  answerObjectionSchema,
  decisionSchema,
  escalateSchema,
  objectionSchema,
  progressSchema,
  ratingSchema,
} from '@/lib/followthrough/validation';

type Result = ActionResult;

type Key =
  | 'decisionRecorded'
  | 'decisionPublished'
  | 'objectionLodged'
  | 'objectionAnswered'
  | 'taskAccepted'
  | 'progressPosted'
  | 'taskCompleted'
  | 'rated'
  | 'escalated';

async function done(compoundId: number, topicId: number, key: Key): Promise<Result> {
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
  revalidatePath(`/c/${compoundId}/topics`);
  return { ok: true, data: null, message: (await getTranslations('follow'))(key) };
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

/** Step 6: the responsible party accepts the task (a decision's or a small matter's). */
export async function acceptTaskAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = acceptTaskSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const task = findTask(ctx.topic.id);
  if (!task || !isResponsible(ctx.roles, companyIdsOf(ctx.actor), task)) return fail('notResponsible');
  const plan = planMove('accept_task', ctx.topic.status, ctx.roles);
  if (!plan.ok) return fail('wrongState');
  const ok = acceptTask(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      taskId: task.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      note: parsed.data.note,
    },
    Date.now(),
  );
  return ok ? done(ctx.compound.id, ctx.topic.id, 'taskAccepted') : fail('wrongState');
}

/** Progress (text, photos, percent) or completion with evidence, by the responsible party only. */
async function update(compoundId: number, form: FormData, complete: boolean): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const task = findTask(ctx.topic.id);
  const denied = task ? canReportProgress(ctx.roles, companyIdsOf(ctx.actor), ctx.topic, task) : 'notResponsible';
  if (denied || !task) return fail(denied ?? 'notResponsible');
  const fields = formToObject(form);
  // Completion is progress at 100%, with the evidence as its text.
  const parsed = progressSchema.safeParse(complete ? { ...fields, percent: '100' } : fields);
  if (!parsed.success) return invalid(parsed.error);
  const percent = parsed.data.percent;
  let doneMove = null;
  if (complete) {
    const plan = planMove('complete_task', ctx.topic.status, ctx.roles);
    if (!plan.ok) return fail('wrongState');
    const settings = getCompoundSettings(ctx.compound.id);
    if (!settings) return fail('notFound');
    doneMove = { move: plan.move, ratingDays: settings.ratingDays };
  }
  const uploads = await readUploads(form, 'photos', MAX_PHOTOS);
  const problem = checkPhotos(uploads);
  if (problem) return failField('photos', `photo.${problem.problem}`, { name: problem.name, max: MAX_PHOTOS });
  const stored = await storePhotos(
    ctx.compound.id,
    uploads.map((u) => u.bytes),
  );
  let ok = false;
  try {
    ok = postUpdate(
      {
        compoundId: ctx.compound.id,
        topicId: ctx.topic.id,
        taskId: task.id,
        actorId: ctx.actor.personId,
        body: parsed.data.body,
        percent,
        photos: stored,
      },
      doneMove,
      Date.now(),
    );
  } finally {
    if (!ok) {
      await removePhotos(
        ctx.compound.id,
        stored.map((s) => s.file),
      );
    }
  }
  if (!ok) return fail('wrongState');
  return done(ctx.compound.id, ctx.topic.id, complete ? 'taskCompleted' : 'progressPosted');
}

export async function progressAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  return update(compoundId, form, false);
}

export async function completeTaskAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  return update(compoundId, form, true);
}

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
