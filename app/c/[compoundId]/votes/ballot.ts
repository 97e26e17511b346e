import 'server-only';
import { castBallot, getVote, myVoterRows } from '@/db/queries/votes';
import type { ActionResult } from '@/lib/actions/result';
import { fail, failField, inCompound, invalid, isFailure } from '@/lib/actions/server';
import { canCastBallot, checkChoice } from '@/lib/voting/rules';
import { ballotSchema, voteIdSchema } from '@/lib/validation/votes';

/** The actor, the compound and a vote of that compound; another compound's vote is "not found". */
export async function voteContext(compoundId: unknown, voteId: unknown) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = voteIdSchema.safeParse({ voteId });
  const vote = parsed.success ? getVote(ctx.compound.id, parsed.data.voteId) : undefined;
  if (!vote) return fail('notFound');
  return { ...ctx, vote };
}

/**
 * Casting a ballot, shared by the form's server action and the JSON route for other clients:
 * who is asking → validate → load in scope → may they (eligible, window, one ballot) → write.
 */
export async function submitBallot(
  compoundId: unknown,
  input: Record<string, unknown>,
): Promise<ActionResult<{ receiptCode: string; changed: boolean }>> {
  const ctx = await voteContext(compoundId, input.voteId);
  if (isFailure(ctx)) return ctx;
  const parsed = ballotSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { vote } = ctx;
  const mine = myVoterRows(vote.id, ctx.actor.personId).find((r) => r.voterKey === parsed.data.voterKey);
  const now = Date.now();
  const denied = canCastBallot(vote, Boolean(mine), mine?.channel ? { channel: mine.channel } : null, now);
  if (denied) return fail(denied);
  const checked = checkChoice(parsed.data.choice, vote.options, vote.choiceMode);
  if (!checked.ok) return failField('choice', checked.error);
  const cast = castBallot(
    {
      compoundId: ctx.compound.id,
      voteId: vote.id,
      voterKey: parsed.data.voterKey,
      choice: checked.keys,
      personId: ctx.actor.personId,
      allowChange: vote.allowChange,
    },
    now,
  );
  if (!cast.ok) return fail(cast.error);
  return { ok: true, data: { receiptCode: cast.receiptCode, changed: cast.changed } };
}
