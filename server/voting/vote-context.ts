import 'server-only';
import { getVote } from '@/db/voting/read';
import { voteIdSchema } from '@/lib/voting/validation';
import { fail, inCompound, isFailure } from '@/server/actions';

/** The actor, the compound and a vote of that compound; another compound's vote is "not found". */
export async function voteContext(compoundId: unknown, voteId: unknown) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = voteIdSchema.safeParse({ voteId });
  const vote = parsed.success ? getVote(ctx.compound.id, parsed.data.voteId) : undefined;
  if (!vote) return fail('notFound');
  return { ...ctx, vote };
}
