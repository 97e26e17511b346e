import { submitBallot } from '@/app/c/[compoundId]/votes/ballot';
import { json } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * POST {"voterKey": "h:12", "choice": ["agree"]} — casts a ballot for clients other than the web
 * form (a mini-program, the benchmark). Same checks as the form. JSON only: a cross-site form post
 * cannot send it without a CORS preflight, which this route never grants.
 */
export async function POST(req: Request, ctx: { params: Promise<{ compoundId: string; voteId: string }> }) {
  if (!req.headers.get('content-type')?.startsWith('application/json')) {
    return json({ ok: false, message: 'Content-Type must be application/json' }, 415);
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return json({ ok: false, message: 'Invalid JSON' }, 400);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return json({ ok: false, message: 'Expected a JSON object' }, 400);
  }
  const { compoundId, voteId } = await ctx.params;
  const result = await submitBallot(compoundId, { ...(body as Record<string, unknown>), voteId });
  if (result.ok) return json(result, 201);
  const status = result.code === 'notFound' ? 404 : result.code === 'signedOut' ? 401 : result.fieldErrors ? 400 : 409;
  return json(result, status);
}
