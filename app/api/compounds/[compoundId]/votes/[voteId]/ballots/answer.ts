import 'server-only';
import { castBallotAs, type Say } from '@/app/c/[compoundId]/votes/cast-ballot';
import type { Actor } from '@/lib/auth/permissions';
import { json } from '@/lib/http';

/**
 * POST {"voterKey": "h:12", "choice": ["agree"]} — casts a ballot for clients other than the web
 * form (a mini-program, the benchmark). Same checks as the form. JSON only: a cross-site form post
 * cannot send it without a CORS preflight, which this route never grants.
 *
 * Free of Next's request context: the route handler calls it with the request's actor and
 * messages, and the production server's fast path (scripts/serve.mjs, docs/decisions/0009) with
 * the actor and messages it reads from the same cookies.
 */
export async function answerBallot(
  req: Request,
  compoundId: string,
  voteId: string,
  who: () => Promise<Actor | null>,
  say: () => Promise<Say>,
): Promise<Response> {
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
  const [actor, messages] = await Promise.all([who(), say()]);
  const result = await castBallotAs(actor, compoundId, { ...(body as Record<string, unknown>), voteId }, messages);
  if (result.ok) return json(result, 201);
  const status = result.code === 'notFound' ? 404 : result.code === 'signedOut' ? 401 : result.fieldErrors ? 400 : 409;
  return json(result, status);
}
