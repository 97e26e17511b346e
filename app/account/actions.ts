'use server';

import { hash, verify } from '@node-rs/argon2';
import { getTranslations } from 'next-intl/server';
import { getPasswordHash, setPassword } from '@/db/people/accounts';
import type { ActionResult } from '@/lib/actions/result';
import { actorOrFail, failField, formToObject, invalid } from '@/server/actions';
import { authSecret } from '@/server/auth/secret';
import { sessionIdFromCookie } from '@/server/auth/token';
import { changePasswordSchema } from '@/lib/people/validation';

/** Changing one's password ends every other session of the person; this one stays. */
export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = changePasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const current = getPasswordHash(who.actor.personId);
  if (!current || !(await verify(current, parsed.data.current))) return failField('current', 'wrongPassword');
  const sid = await sessionIdFromCookie(authSecret());
  setPassword(who.actor.personId, who.actor.personId, await hash(parsed.data.password), sid, Date.now());
  const t = await getTranslations('account');
  return { ok: true, data: null, message: t('changed') };
}
