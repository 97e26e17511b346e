import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getVote } from '@/db/voting/votes';
import { fail, inCompound, isFailure } from '@/server/actions';
import { getActor } from '@/server/auth/session';
import { voteIdSchema } from '@/lib/voting/validation';
import { type BallotResult, castBallotAs, type Say } from './cast-ballot';

/** The actor, the compound and a vote of that compound; another compound's vote is "not found". */
export async function voteContext(compoundId: unknown, voteId: unknown) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = voteIdSchema.safeParse({ voteId });
  const vote = parsed.success ? getVote(ctx.compound.id, parsed.data.voteId) : undefined;
  if (!vote) return fail('notFound');
  return { ...ctx, vote };
}

/** Messages for this request's reader, from next-intl. */
export async function requestSay(): Promise<Say> {
  const [errors, validation] = await Promise.all([getTranslations('errors'), getTranslations('validation')]);
  return {
    errors: (k, v) => errors(k as 'notFound', v),
    validation: (k, v) => validation(k as 'invalid', v),
  };
}

/** The form's server action: the same, as the person signed in to this request. */
export async function submitBallot(compoundId: unknown, input: Record<string, unknown>): Promise<BallotResult> {
  const [actor, say] = await Promise.all([getActor(), requestSay()]);
  return castBallotAs(actor, compoundId, input, say);
}
