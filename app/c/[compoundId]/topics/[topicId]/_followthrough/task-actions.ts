'use server';

import { getCompoundSettings } from '@/db/places/compounds';
import { acceptTask, findTask, postUpdate } from '@/db/followthrough/tasks';
import type { ActionResult } from '@/lib/actions/result';
import { companyIdsOf } from '@/lib/auth/permissions';
import { canReportProgress, isResponsible } from '@/lib/followthrough/rules';
import { acceptTaskSchema, progressSchema } from '@/lib/followthrough/validation';
import { planMove } from '@/lib/topics/lifecycle';
import { checkPhotos, MAX_PHOTOS } from '@/lib/uploads/sniff';
import { fail, failField, fieldOf, formToObject, invalid, isFailure, topicInCompound } from '@/server/actions';
import { readUploads, removePhotos, storePhotos } from '@/server/uploads';
import { done } from './action-done';

type Result = ActionResult;

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
