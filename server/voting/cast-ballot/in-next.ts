import 'server-only';
import { getTranslations } from 'next-intl/server';
import { json } from '@/lib/http';
import { getActor } from '@/server/auth/session';
import type { BallotsParams } from './address';
import { answerBallot } from './answer';
import { type BallotResult, castBallotAs, type Say } from './use-case';

/** Messages for this request's reader, from next-intl. */
export async function requestSay(): Promise<Say> {
  const [errors, validation] = await Promise.all([getTranslations('errors'), getTranslations('validation')]);
  return {
    errors: (k, v) => errors(k as 'notFound', v),
    validation: (k, v) => validation(k as 'invalid', v),
  };
}

/** The vote page form's server action: the use case, as the person signed in to this request. */
export async function submitBallot(compoundId: unknown, input: Record<string, unknown>): Promise<BallotResult> {
  const [actor, say] = await Promise.all([getActor(), requestSay()]);
  return castBallotAs(actor, compoundId, input, say);
}

/**
 * The Next route handler's POST at BALLOTS_ROUTE (address.ts), for when the production server's
 * fast path does not answer first (next dev, a bare next start).
 */
export async function postBallot(req: Request, ctx: { params: Promise<BallotsParams> }): Promise<Response> {
  const { compoundId, voteId } = await ctx.params;
  const answer = await answerBallot(
    req.headers.get('content-type'),
    await req.text(),
    compoundId,
    voteId,
    getActor,
    requestSay,
  );
  return json(answer.body, answer.status);
}
