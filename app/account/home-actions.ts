'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { myUnits } from '@/db/households/home';
import { fileCorrection } from '@/db/households/privacy';
import { confirmVoterChange, proposeVoterChange } from '@/db/households/voter-change';
import type { ActionResult } from '@/lib/actions/result';
import { confirmVoterSchema, correctionSchema, proposeVoterSchema } from '@/lib/households/validation';
import { actorOrFail, fail, formToObject, invalid } from '@/server/actions';

/** A co-owner proposes another of them as the household's voter; the others must confirm. */
export async function proposeVoterAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = proposeVoterSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = proposeVoterChange(parsed.data.holderId, parsed.data.newVoterId, who.actor.personId, Date.now());
  // Only the household's own co-owners may change its voter; anyone else is refused.
  if (outcome === 'not-member') return fail('forbidden');
  if (outcome === 'gone') return fail('voterAlready');
  revalidatePath('/account');
  const t = await getTranslations('myHome');
  return { ok: true, data: null, message: t('voterProposed') };
}

export async function confirmVoterAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = confirmVoterSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = confirmVoterChange(parsed.data.changeId, who.actor.personId, Date.now());
  if (outcome === 'not-member') return fail('forbidden');
  if (outcome === 'gone') return fail('notFound');
  revalidatePath('/account');
  const t = await getTranslations('myHome');
  return { ok: true, data: null, message: t(outcome === 'applied' ? 'voterChanged' : 'voterConfirmed') };
}

/** A resident asks for a correction of what the platform holds about them (an area, a name, a unit). */
export async function requestCorrectionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = correctionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  // A unit named must be one of the person's own.
  const unitId = parsed.data.unitId ?? null;
  if (unitId !== null && !myUnits(who.actor.personId).some((u) => u.unitId === unitId)) return fail('notFound');
  fileCorrection(who.actor.personId, { topic: parsed.data.topic, unitId, body: parsed.data.body }, Date.now());
  revalidatePath('/account');
  const t = await getTranslations('myHome');
  return { ok: true, data: null, message: t('correctionFiled') };
}
