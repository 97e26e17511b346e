'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { setDistrictMinimum } from '@/db/assembly/rules';
import type { ActionResult } from '@/lib/actions/result';
import { districtRulesSchema } from '@/lib/assembly/validation';
import { actorOrFail, fail, formToObject, invalid } from '@/server/actions';

/** The district admin's minimum notice period for owners' assemblies (never below the law's 15 days). */
export async function setDistrictMinimumAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = districtRulesSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const mine = who.actor.memberships.some(
    (m) => m.role === 'district_admin' && m.scopeType === 'district' && m.scopeId === parsed.data.districtId,
  );
  if (!mine) return fail('forbidden');
  setDistrictMinimum(who.actor.personId, parsed.data.districtId, parsed.data.minAssemblyNoticeDays, Date.now());
  revalidatePath('/admin');
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}
