'use server';

import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/result';
import { activationSchema } from '@/lib/households/validation';
import { formToObject, invalid } from '@/server/actions';
import { activate } from '@/server/activation/activate';
import { clientBucket } from '@/server/http/client';

/**
 * Self-activation with an activation letter: anyone may try, which is why every step is limited and counted
 * (server/activation/activate.ts). On success the form signs in with the mobile and password just chosen.
 */
export async function activateAction(
  _prev: ActionResult<{ mobile: string }> | null,
  form: FormData,
): Promise<ActionResult<{ mobile: string }>> {
  const parsed = activationSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await activate(parsed.data, await clientBucket(), Date.now());
  const t = await getTranslations('activation');
  if (outcome.ok) return { ok: true, data: { mobile: parsed.data.mobile }, message: t('done') };
  const message = t(`errors.${outcome.key}` as 'errors.codeEmpty', outcome.values);
  return {
    ok: false,
    code: outcome.key,
    message,
    ...(outcome.field ? { fieldErrors: { [outcome.field]: message } } : {}),
  };
}
