import { getTranslations } from 'next-intl/server';
import { getVote } from '@/db/voting/read';
import { listReceipts } from '@/db/voting/receipts';
import { compoundInScope, parseId } from '@/server/auth/guards';
import { getActor } from '@/server/auth/session';
import { exportCsv } from '@/lib/export/csv';
import { API_HEADERS, json, otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * GET /api/compounds/:id/votes/:voteId/receipts — every counted ballot's receipt code and choice,
 * as CSV, once the vote is closed: anyone in the compound can check theirs was counted.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ compoundId: string; voteId: string }> }) {
  const actor = await getActor();
  if (!actor) return json({ error: 'signedOut' }, 401);
  const p = await ctx.params;
  const compound = compoundInScope(actor, p.compoundId);
  const voteId = parseId(p.voteId);
  const vote = compound && voteId ? getVote(compound.id, voteId) : undefined;
  if (!compound || !vote) return json({ error: 'notFound' }, 404);
  if (vote.status !== 'closed') return json({ error: 'voteNotEnded' }, 409);
  const t = await getTranslations('votes.receiptsCsv');
  const label = new Map(vote.options.map((o) => [o.key, o.label]));
  const csv = exportCsv([
    [t('code'), t('choice'), t('channel')],
    ...listReceipts(vote.id).map((r) => [
      r.receiptCode,
      (JSON.parse(r.choice) as string[]).map((k) => label.get(k) ?? k).join('、'),
      r.channel === 'paper' ? t('paper') : t('online'),
    ]),
  ]);
  return new Response(csv, {
    headers: {
      ...API_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="receipts-${vote.id}.csv"`,
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
