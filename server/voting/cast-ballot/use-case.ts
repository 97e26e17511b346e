import 'server-only';
import { compoundVisibleTo } from '@/server/auth/visible';
import { castBallot } from '@/db/voting/ballots';
import { getVote, myVoterRows } from '@/db/voting/read';
import { type ActionResult, fieldErrorsOf, type Translate } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/permissions';
import { VALIDATION_KEY_SET } from '@/lib/validation/messages';
import { ballotSchema, voteIdSchema } from '@/lib/voting/validation';
import { canCastBallot, checkChoice } from '@/lib/voting/rules';

/** Messages in the reader's language: refusals (`errors`) and bad input (`validation`). */
export interface Say {
  errors: Translate;
  validation: Translate;
}

export type BallotResult = ActionResult<{ receiptCode: string; changed: boolean }>;

/**
 * Casting a ballot, as `actor`: who is asking → validate → load in scope → may they (eligible,
 * window, one ballot) → write (db/voting/ballots.ts castBallot, group commit). The one use case
 * behind every way in: the vote page's form (in-next.ts submitBallot), the JSON route
 * (answer.ts, from the Next route handler and from the production server's fast path,
 * fast-path.ts; docs/decisions/0009). Free of Next's request context, so all of them run exactly
 * these checks.
 */
export async function castBallotAs(
  actor: Actor | null,
  compoundId: unknown,
  input: Record<string, unknown>,
  say: Say,
): Promise<BallotResult> {
  const refuse = (key: string): BallotResult => ({ ok: false, code: key, message: say.errors(key) });
  if (!actor) return refuse('signedOut');
  const compound = compoundVisibleTo(actor, compoundId);
  const id = voteIdSchema.safeParse({ voteId: input.voteId });
  const vote = compound && id.success ? getVote(compound.id, id.data.voteId) : undefined;
  if (!compound || !vote) return refuse('notFound');
  const parsed = ballotSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid',
      message: say.validation('fixFields'),
      fieldErrors: fieldErrorsOf(parsed.error, say.validation, VALIDATION_KEY_SET),
    };
  }
  const mine = myVoterRows(vote.id, actor.personId, vote.assemblyId !== null).find(
    (r) => r.voterKey === parsed.data.voterKey,
  );
  const now = Date.now();
  const denied = canCastBallot(vote, Boolean(mine), mine?.channel ? { channel: mine.channel } : null, now);
  if (denied) return refuse(denied);
  const checked = checkChoice(
    parsed.data.choice,
    vote.options,
    vote.choiceMode,
    vote.matterKind === 'election' ? vote.seats : null,
  );
  if (!checked.ok) {
    const message = say.errors(checked.error);
    return { ok: false, code: checked.error, message, fieldErrors: { choice: message } };
  }
  const cast = await castBallot(
    {
      compoundId: compound.id,
      voteId: vote.id,
      voterKey: parsed.data.voterKey,
      choice: checked.keys,
      personId: actor.personId,
      allowChange: vote.allowChange,
      assemblyId: vote.assemblyId,
      proxyId: mine?.proxyId ?? null,
    },
    now,
  );
  if (!cast.ok) return refuse(cast.error);
  return { ok: true, data: { receiptCode: cast.receiptCode, changed: cast.changed } };
}
