'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { assemblyRulesOf, updateAssemblyRules } from '@/db/assembly/rules';
import type { ActionResult } from '@/lib/actions/result';
import { assemblyRulesSchema } from '@/lib/assembly/validation';
import { canAdministerCompound } from '@/lib/auth/permissions';
import { fail, failField, formToObject, inCompound, invalid, isFailure } from '@/server/actions';

/**
 * Staff who administer the compound set its assembly rules as its rules of procedure say: the notice
 * period (never below the district's minimum), the shortest voting period, the proxy limit, the
 * committee's size (odd, 5–11), its alternates and the days until an elected committee takes office.
 */
export async function updateAssemblyRulesAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  if (canAdministerCompound(ctx.actor, ctx.compound)) return fail('forbidden');
  const parsed = assemblyRulesSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const current = assemblyRulesOf(ctx.compound.id);
  if (!current) return fail('notFound');
  if (parsed.data.assemblyNoticeDays < current.districtMin) {
    return failField('assemblyNoticeDays', 'belowDistrictMinimum', { days: current.districtMin });
  }
  updateAssemblyRules(ctx.actor.personId, ctx.compound.id, parsed.data, Date.now());
  revalidatePath(`/admin/compounds/${ctx.compound.id}`);
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}
