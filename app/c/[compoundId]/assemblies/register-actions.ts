'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { answerObjection, findObjection, holdsUnit, lodgeObjection } from '@/db/assembly/objections';
import { getAssembly } from '@/db/assembly/read';
import type { ActionResult } from '@/lib/actions/result';
import { canAnswerRegisterObjection, canObjectToRegister } from '@/lib/assembly/rules';
import { answerRegisterObjectionSchema, registerObjectionSchema } from '@/lib/assembly/validation';
import { assemblyContext } from '@/server/assembly/context';
import { fail, failField, fieldOf, formToObject, inCompound, invalid, isFailure } from '@/server/actions';

type Result = ActionResult;

/** An owner says the register is wrong about a unit they hold (its area, its holder), with a reason. */
export async function registerObjectionAction(
  compoundId: number,
  _prev: Result | null,
  form: FormData,
): Promise<Result> {
  const ctx = await assemblyContext(compoundId, fieldOf(form, 'assemblyId'));
  if (isFailure(ctx)) return ctx;
  const parsed = registerObjectionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const o = parsed.data;
  const denied = canObjectToRegister(ctx.assembly, holdsUnit(ctx.compound.id, o.unitId, ctx.actor.personId));
  if (denied) return denied === 'notYourUnit' ? failField('unitId', denied) : fail(denied);
  lodgeObjection(
    {
      compoundId: ctx.compound.id,
      assemblyId: ctx.assembly.id,
      unitId: o.unitId,
      authorId: ctx.actor.personId,
      kind: o.kind,
      claimedAreaCenti: o.kind === 'area' ? o.claimedArea : null,
      reason: o.reason,
    },
    Date.now(),
  );
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${ctx.assembly.id}`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))('objectionLodged') };
}

/**
 * The committee answers: before the opening it corrects the register (and with it the frozen
 * electorate) or dismisses the objection; from the opening on it can only note it against the result
 * or dismiss it.
 */
export async function answerRegisterObjectionAction(
  compoundId: number,
  _prev: Result | null,
  form: FormData,
): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = answerRegisterObjectionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const a = parsed.data;
  const objection = findObjection(ctx.compound.id, a.objectionId);
  const assembly = objection && getAssembly(ctx.compound.id, objection.assemblyId);
  if (!objection || !assembly) return fail('notFound');
  const now = Date.now();
  const denied = canAnswerRegisterObjection(ctx.roles, assembly, objection, a.outcome, now);
  if (denied)
    return denied === 'forbidden' || denied === 'alreadyAnswered' ? fail(denied) : failField('outcome', denied);
  if (a.outcome === 'corrected' && objection.kind === 'area' && a.correctedArea === null) {
    return failField('correctedArea', 'areaRequired');
  }
  const answered = answerObjection(
    {
      compoundId: ctx.compound.id,
      objectionId: objection.id,
      actorId: ctx.actor.personId,
      outcome: a.outcome,
      answer: a.answer,
      correctedAreaCenti: objection.kind === 'area' ? a.correctedArea : null,
      areaSource: a.areaSource ?? null,
    },
    now,
  );
  if (answered === 'tooLateToCorrect') return failField('outcome', 'tooLateToCorrect');
  if (answered === 'gone') return fail('alreadyAnswered');
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${assembly.id}`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))('objectionAnswered') };
}
