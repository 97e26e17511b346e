'use server';

import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/result';
import { smsRequestSchema } from '@/lib/households/validation';
import { formToObject, invalid } from '@/server/actions';
import { clientBucket } from '@/server/http/client';
import { requestSmsCode } from '@/server/sms/sign-in';

/**
 * Sends a sign-in code by SMS. Anyone may ask; the answer is the same whether or not the number has an account
 * (server/sms/sign-in.ts), and the caps per number and per address hold either way.
 */
export async function requestSmsCodeAction(
  _prev: ActionResult<{ resendAfterSeconds: number }> | null,
  form: FormData,
): Promise<ActionResult<{ resendAfterSeconds: number }>> {
  const parsed = smsRequestSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const t = await getTranslations('login.sms');
  const outcome = await requestSmsCode(parsed.data.mobile, await clientBucket(), Date.now());
  if (outcome.ok) return { ok: true, data: { resendAfterSeconds: outcome.resendAfterSeconds }, message: t('sent') };
  if (!('retryAfterSeconds' in outcome)) return { ok: false, code: outcome.reason, message: t(outcome.reason) };
  const wait =
    outcome.retryAfterSeconds < 120
      ? t('seconds', { seconds: outcome.retryAfterSeconds })
      : t('minutes', { minutes: Math.ceil(outcome.retryAfterSeconds / 60) });
  return { ok: false, code: outcome.reason, message: t(`refused.${outcome.reason}`, { wait }) };
}
