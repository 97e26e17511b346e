'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { saveQuietHours } from '@/db/push/settings';
import { removeSubscription, saveSubscription } from '@/db/push/subscriptions';
import type { ActionResult } from '@/lib/actions/result';
import { env } from '@/lib/env';
import { endpointSchema, quietHoursSchema, subscriptionSchema } from '@/lib/notifications/validation';
import { actorOrFail, fail, formToObject, invalid } from '@/server/actions';

/**
 * This device's push subscription, for the person signed in. The endpoint must be on a push service
 * the server knows (PUSH_SERVICES): the server will post to it.
 */
export async function savePushSubscriptionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = subscriptionSchema(env().PUSH_SERVICES).safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  saveSubscription(who.actor.personId, parsed.data, Date.now());
  const t = await getTranslations('push');
  return { ok: true, data: null, message: t('subscribed') };
}

/** Stops pushes to one of the person's own devices; another person's endpoint is "not found". */
export async function removePushSubscriptionAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = endpointSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  if (!removeSubscription(who.actor.personId, parsed.data.endpoint, Date.now())) return fail('notFound');
  const t = await getTranslations('push');
  return { ok: true, data: null, message: t('unsubscribed') };
}

/** Quiet hours: pushes wait until they end (in-app notifications arrive as always). */
export async function saveQuietHoursAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = quietHoursSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { quietEnabled, quietFrom, quietTo } = parsed.data;
  saveQuietHours(who.actor.personId, { enabled: quietEnabled, from: quietFrom, to: quietTo }, Date.now());
  revalidatePath('/notifications/settings');
  const t = await getTranslations('push');
  return { ok: true, data: null, message: t('quietSaved') };
}
