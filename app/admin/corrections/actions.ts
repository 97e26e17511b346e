'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { answerCorrection } from '@/db/households/privacy';
import type { ActionResult } from '@/lib/actions/result';
import { isStaff, staffReach } from '@/lib/auth/permissions';
import { answerCorrectionSchema } from '@/lib/households/validation';
import { actorOrFail, fail, formToObject, invalid } from '@/server/actions';

/** Staff answer a resident's correction request, for someone within their reach; the resident is told. */
export async function answerCorrectionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  if (!isStaff(who.actor)) return fail('forbidden');
  const parsed = answerCorrectionSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  if (
    !answerCorrection(parsed.data.requestId, parsed.data.answer, staffReach(who.actor), who.actor.personId, Date.now())
  ) {
    return fail('notFound');
  }
  revalidatePath('/admin/corrections');
  const t = await getTranslations('corrections');
  return { ok: true, data: null, message: t('answered') };
}
