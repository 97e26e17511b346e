'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import {
  answerNomination,
  findNomination,
  nominate,
  nominationCall,
  openNominations,
  ownerByMobile,
} from '@/db/assembly/nominations';
import { getTopic } from '@/db/topics/read';
import type { ActionResult } from '@/lib/actions/result';
import { canAnswerNomination, canNominate, canOpenNominations } from '@/lib/assembly/rules';
import { answerNominationSchema, nominateSchema, openNominationsSchema } from '@/lib/assembly/validation';
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

type Result = ActionResult;

function done(compoundId: number, topicId: number, message: string): Result {
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
  return { ok: true, data: null, message };
}

/** The owners' committee opens nominations for a committee election on a topic under deliberation. */
export async function openNominationsAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = openNominationsSchema.safeParse(formToObject(form));
  if (!parsed.success) return fail('notFound');
  const denied = canOpenNominations(ctx.roles, ctx.topic.status);
  if (denied) return fail(denied);
  if (
    !openNominations({ compoundId: ctx.compound.id, topicId: ctx.topic.id, actorId: ctx.actor.personId }, Date.now())
  ) {
    return fail('wrongState');
  }
  return done(ctx.compound.id, ctx.topic.id, (await getTranslations('assembly.nominations'))('opened'));
}

/** An owner nominates themself (no mobile) or another owner of the compound by their mobile number. */
export async function nominateAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await topicInCompound(compoundId, fieldOf(form, 'topicId'));
  if (isFailure(ctx)) return ctx;
  const parsed = nominateSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const denied = canNominate(ctx.roles, { open: nominationCall(ctx.topic.id) !== undefined }, ctx.topic.status);
  if (denied) return fail(denied);
  const mobile = parsed.data.mobile ?? '';
  const candidateId = mobile ? ownerByMobile(ctx.compound.id, mobile)?.id : ctx.actor.personId;
  if (!candidateId) return failField('mobile', 'candidateNotOwner');
  const ok = nominate(
    {
      compoundId: ctx.compound.id,
      topicId: ctx.topic.id,
      candidateId,
      nominatedBy: ctx.actor.personId,
      statement: parsed.data.statement,
    },
    Date.now(),
  );
  if (!ok) return mobile ? failField('mobile', 'alreadyNominated') : fail('alreadyNominated');
  return done(ctx.compound.id, ctx.topic.id, (await getTranslations('assembly.nominations'))('nominated'));
}

/** The committee accepts a candidate (who meets the district's conditions) or declines with a reason. */
export async function answerNominationAction(
  compoundId: number,
  _prev: Result | null,
  form: FormData,
): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = answerNominationSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const n = findNomination(ctx.compound.id, parsed.data.nominationId);
  const topic = n && getTopic(ctx.compound.id, n.topicId);
  if (!n || !topic) return fail('notFound');
  const denied = canAnswerNomination(ctx.roles, n, topic.status);
  if (denied) return fail(denied);
  const ok = answerNomination(
    {
      compoundId: ctx.compound.id,
      nominationId: n.id,
      actorId: ctx.actor.personId,
      outcome: parsed.data.outcome,
      reason: parsed.data.reason,
    },
    Date.now(),
  );
  if (!ok) return fail('alreadyAnswered');
  return done(ctx.compound.id, topic.id, (await getTranslations('assembly.nominations'))(parsed.data.outcome));
}
