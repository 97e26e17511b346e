'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { confirmPaperBatch, enterPaperBatch, paperLookupOf } from '@/db/voting/paper';
import type { ActionResult } from '@/lib/actions/result';
import { confirmPaperBatchSchema, paperBatchSchema } from '@/lib/assembly/validation';
import { parsePaperBatch } from '@/lib/voting/paper-batch';
import { canEnterPaper } from '@/lib/voting/rules';
import { fail, fieldOf, formToObject, invalid, isFailure } from '@/server/actions';
import { voteContext } from '@/server/voting/vote-context';

type Result = ActionResult;

/**
 * The owners' committee enters a stack of paper ballots as a list, all or none: every line is checked
 * (unit, serial, choice, one per holder) before anything is written, and each bad line is named.
 */
export async function enterPaperBatchAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await voteContext(compoundId, fieldOf(form, 'voteId'));
  if (isFailure(ctx)) return ctx;
  const denied = canEnterPaper(ctx.roles, ctx.vote);
  if (denied) return fail(denied);
  const parsed = paperBatchSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const [tv, te] = await Promise.all([getTranslations('votes'), getTranslations('errors')]);
  const { places, taken } = paperLookupOf(ctx.vote.id);
  // Labels in both languages: the committee types what is printed on the ballot.
  const labels = new Map<string, string>();
  for (const o of ctx.vote.options) {
    labels.set(o.label, o.key);
    labels.set(o.label.toLowerCase(), o.key);
  }
  for (const key of ['agree', 'disagree', 'abstain'] as const) {
    if (!ctx.vote.options.some((o) => o.key === key)) continue;
    for (const word of [tv(`choices.${key}`), key]) labels.set(word.toLowerCase(), key);
    labels.set({ agree: '同意', disagree: '不同意', abstain: '弃权' }[key], key);
  }
  const batch = parsePaperBatch(parsed.data.lines, {
    places,
    labels,
    options: ctx.vote.options,
    mode: ctx.vote.choiceMode,
    maxMarks: ctx.vote.matterKind === 'election' ? ctx.vote.seats : null,
    taken,
  });
  if (!batch.ok) {
    const details = batch.errors.map((e) => ({ line: e.line, text: te(e.key as 'notFound', e.values) }));
    return {
      ok: false,
      code: 'paperBatch',
      message: details[0]?.text ?? '',
      details,
      fieldErrors: { lines: details[0]?.text ?? '' },
    };
  }
  const entered = enterPaperBatch(
    { compoundId: ctx.compound.id, voteId: ctx.vote.id, personId: ctx.actor.personId, entries: batch.entries },
    Date.now(),
  );
  if (!entered.ok) return entered.line === 0 ? fail('voteClosed') : fail('paperBatchChanged', { line: entered.line });
  revalidatePath(`/c/${ctx.compound.id}/votes/${ctx.vote.id}`);
  return { ok: true, data: null, message: tv('paperBatchEntered', { count: entered.entered }) };
}

/** A second committee member confirms the paper ballots they checked; their own entries are never confirmed by them. */
export async function confirmPaperBatchAction(
  compoundId: number,
  _prev: Result | null,
  form: FormData,
): Promise<Result> {
  const ctx = await voteContext(compoundId, fieldOf(form, 'voteId'));
  if (isFailure(ctx)) return ctx;
  const denied = canEnterPaper(ctx.roles, ctx.vote);
  if (denied) return fail(denied);
  const parsed = confirmPaperBatchSchema.safeParse(formToObject(form, ['voterKeys']));
  if (!parsed.success) return invalid(parsed.error);
  const confirmed = confirmPaperBatch(
    {
      compoundId: ctx.compound.id,
      voteId: ctx.vote.id,
      voterKeys: parsed.data.voterKeys,
      personId: ctx.actor.personId,
    },
    Date.now(),
  );
  if (confirmed === 0) return fail('alreadyConfirmed');
  revalidatePath(`/c/${ctx.compound.id}/votes/${ctx.vote.id}`);
  return {
    ok: true,
    data: null,
    message: (await getTranslations('votes'))('paperBatchConfirmed', { count: confirmed }),
  };
}
