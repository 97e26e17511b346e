import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { castBallotAs, type Say } from './use-case';

/**
 * POST {"voterKey": "h:12", "choice": ["agree"]} to BALLOTS_ROUTE (address.ts) — casts a ballot for
 * clients other than the web form (a mini-program, the benchmark). Same checks as the form. JSON
 * only: a cross-site form post cannot send it without a CORS preflight, which this route never grants.
 *
 * Free of Next's request context and of Request/Response objects: the route handler (in-next.ts
 * postBallot) calls it with the request's actor and messages, and the production server's fast path
 * (fast-path.ts, docs/decisions/0009) with the actor and messages it reads from the same cookies.
 */
export interface BallotAnswer {
  status: number;
  body: unknown;
}

export async function answerBallot(
  contentType: string | null,
  rawBody: string,
  compoundId: string,
  voteId: string,
  who: () => Promise<Actor | null>,
  say: () => Promise<Say>,
): Promise<BallotAnswer> {
  if (!contentType?.startsWith('application/json')) {
    return { status: 415, body: { ok: false, message: 'Content-Type must be application/json' } };
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { status: 400, body: { ok: false, message: 'Invalid JSON' } };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { status: 400, body: { ok: false, message: 'Expected a JSON object' } };
  }
  const [actor, messages] = await Promise.all([who(), say()]);
  const result = await castBallotAs(actor, compoundId, { ...(body as Record<string, unknown>), voteId }, messages);
  if (result.ok) return { status: 201, body: result };
  const status = result.code === 'notFound' ? 404 : result.code === 'signedOut' ? 401 : result.fieldErrors ? 400 : 409;
  return { status, body: result };
}
