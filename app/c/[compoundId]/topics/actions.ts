'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { buildingNames } from '@/db/places/register';
import { cosignTopic, raiseTopic, setFollow, applyTopicMove } from '@/db/topics/write';
import { getTopic } from '@/db/topics/read';
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
import { MERGE_TARGET_STATES, planMove } from '@/lib/topics/lifecycle';
import { canCosign, canFollow, canRaiseTopic } from '@/lib/topics/rules';
import { checkPhotos, MAX_PHOTOS } from '@/lib/uploads/sniff';
import { readUploads, removePhotos, storePhotos } from '@/server/uploads';
import { raiseTopicSchema, reviewSchema } from '@/lib/topics/validation';

type Result<T = null> = ActionResult<T>;

function revalidateTopic(compoundId: number, topicId: number) {
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
  revalidatePath(`/c/${compoundId}/topics`);
}

/** Step 1: a resident raises a topic with up to six photos, checked by their content. */
export async function raiseTopicAction(
  compoundId: number,
  _prev: Result<{ topicId: number }> | null,
  form: FormData,
): Promise<Result<{ topicId: number }>> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const denied = canRaiseTopic(ctx.roles);
  if (denied) return fail(denied);
  const parsed = raiseTopicSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { buildingId, ...fields } = parsed.data;
  if (buildingId !== null && !buildingNames(ctx.compound.id).some((b) => b.id === buildingId)) {
    return failField('buildingId', 'notFound');
  }
  const uploads = await readUploads(form, 'photos', MAX_PHOTOS);
  const problem = checkPhotos(uploads);
  if (problem) return failField('photos', `photo.${problem.problem}`, { name: problem.name, max: MAX_PHOTOS });
  const stored = await storePhotos(
    ctx.compound.id,
    uploads.map((u) => u.bytes),
  );
  try {
    const topicId = raiseTopic(
      { compoundId: ctx.compound.id, authorId: ctx.actor.personId, buildingId, photos: stored, ...fields },
      Date.now(),
    );
    revalidatePath(`/c/${ctx.compound.id}/topics`);
    const t = await getTranslations('topics');
    return { ok: true, data: { topicId }, message: t('raised') };
  } catch (error) {
    await removePhotos(
      ctx.compound.id,
      stored.map((s) => s.file),
    );
    throw error;
  }
}

export async function cosignAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const denied = canCosign(ctx.roles, ctx.topic, ctx.actor.personId, ctx.topic.cosigned);
  if (denied) return fail(denied);
  if (!cosignTopic(ctx.compound.id, ctx.topic.id, ctx.actor.personId, ctx.topic.authorId, Date.now())) {
    return fail('alreadyCosigned');
  }
  revalidateTopic(ctx.compound.id, ctx.topic.id);
  return { ok: true, data: null, message: (await getTranslations('topics'))('cosigned') };
}

export async function followAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const denied = canFollow(ctx.roles);
  if (denied) return fail(denied);
  const follow = fieldOf(form, 'follow') === '1';
  setFollow(ctx.topic.id, ctx.actor.personId, follow, Date.now());
  revalidateTopic(ctx.compound.id, ctx.topic.id);
  return { ok: true, data: null, message: (await getTranslations('topics'))(follow ? 'followed' : 'unfollowed') };
}

/** Step 2: the secretary (or the committee chair) accepts, rejects, merges or routes a raised topic. */
export async function reviewAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = reviewSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { action, reason, mergeInto } = parsed.data;
  const plan = planMove(action, ctx.topic.status, ctx.roles);
  if (!plan.ok) return fail(plan.reason === 'wrong_state' ? 'wrongState' : 'cannotReview');
  let target: { id: number; title: string } | null = null;
  if (action === 'merge' && mergeInto !== null) {
    const t = mergeInto === ctx.topic.id ? undefined : getTopic(ctx.compound.id, mergeInto);
    if (!t || !MERGE_TARGET_STATES.includes(t.status)) return failField('mergeInto', 'mergeTarget');
    target = { id: t.id, title: t.title };
  }
  if (action === 'route_small_matter' && ctx.compound.companyIds.length === 0) return fail('noPropertyCompany');
  const moved = applyTopicMove(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      actorId: ctx.actor.personId,
      move: plan.move,
      reason,
      mergeInto: target,
    },
    Date.now(),
  );
  if (!moved) return fail('wrongState');
  revalidateTopic(ctx.compound.id, ctx.topic.id);
  if (target) revalidateTopic(ctx.compound.id, target.id);
  return { ok: true, data: null, message: (await getTranslations('topics'))(`reviewed.${action}`) };
}
