import { requestSay } from '@/server/voting/ballot';
import { getActor } from '@/server/auth/session';
import { json, otherMethods } from '@/lib/http';
import { answerBallot } from '@/server/voting/answer-ballot';

export const dynamic = 'force-dynamic';

/** POST a ballot as JSON (see answer.ts); the production server usually answers it before Next does. */
export async function POST(req: Request, ctx: { params: Promise<{ compoundId: string; voteId: string }> }) {
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

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
