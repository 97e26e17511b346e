'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { compoundNameTaken, createCompound } from '@/db/places/compounds';
import { findCommunityPlace } from '@/db/places/places';
import type { ActionResult } from '@/lib/actions/result';
import { actorOrFail, fail, failField, formToObject, invalid } from '@/server/actions';
import { canCreateCompound } from '@/lib/auth/permissions';
import { createCompoundSchema } from '@/lib/people/validation';

export async function createCompoundAction(
  _prev: ActionResult<{ id: number }> | null,
  form: FormData,
): Promise<ActionResult<{ id: number }>> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = createCompoundSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { communityId, ...settings } = parsed.data;
  const community = findCommunityPlace(communityId);
  if (!community) return fail('notFound');
  if (canCreateCompound(who.actor, community)) return fail('forbidden');
  if (compoundNameTaken(communityId, settings.name)) return failField('name', 'compoundNameTaken');
  const id = createCompound(who.actor.personId, communityId, settings, Date.now());
  revalidatePath('/admin');
  const t = await getTranslations('admin');
  return { ok: true, data: { id }, message: t('compoundCreated', { name: settings.name }) };
}
