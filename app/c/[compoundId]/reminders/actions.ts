'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { markReminded } from '@/db/voting/reminders';
import { getVote } from '@/db/voting/read';
import type { ActionResult } from '@/lib/actions/result';
import { canRemindVoters, remindSchema } from '@/lib/voting/reminders';
import { fail, formToObject, inCompound, invalid, isFailure } from '@/server/actions';

/** The grid worker notes households reminded to vote (by phone or at the door), so nobody is called twice. */
export async function markRemindedAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = remindSchema.safeParse(formToObject(form, ['voterKeys']));
  if (!parsed.success) return invalid(parsed.error);
  const vote = getVote(ctx.compound.id, parsed.data.voteId);
  if (!vote) return fail('notFound');
  const now = Date.now();
  const denied = canRemindVoters(ctx.roles, vote, now);
  if (denied) return fail(denied === 'forbidden' ? 'notFound' : denied);
  const noted = markReminded(
    { compoundId: ctx.compound.id, voteId: vote.id, voterKeys: parsed.data.voterKeys, personId: ctx.actor.personId },
    now,
  );
  if (noted === 0) return fail('nothingToRemind');
  revalidatePath(`/c/${ctx.compound.id}/reminders/${vote.id}`);
  // Its My work item ("remind N households") shrinks or goes.
  revalidatePath('/work');
  const t = await getTranslations('reminders');
  return { ok: true, data: null, message: t('noted', { count: noted }) };
}
