'use server';

import { revalidatePath } from 'next/cache';
import { markAllRead } from '@/db/notifications/notifications';
import type { ActionResult } from '@/lib/actions/result';
import { actorOrFail } from '@/server/actions';

export async function markAllReadAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  markAllRead(who.actor.personId, Date.now());
  // The list and the header's count on this page; other pages are rendered afresh when opened.
  revalidatePath('/notifications');
  return { ok: true, data: null };
}
