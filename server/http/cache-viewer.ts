/**
 * What every page the production server serves again from its page cache needs to know about the
 * request (docs/decisions/0019-performance.md, 0021-compound-page-cache.md): who is asking (read
 * from the session cookie as the pages read it), the entry's key, and the viewer's part of the stamp.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { allPagesVersion } from '@/db/dashboard/versions';
import { unreadCount } from '@/db/notifications/notifications';
import { SESSION_COOKIE_NAMES, sessionIdFromToken } from '@/lib/auth/jwe';
import type { Actor } from '@/lib/auth/permissions';
import { shanghaiDay } from '@/lib/time';
import { authSecret } from '@/server/auth/secret';
import { actorOfSession } from '@/server/auth/session-record';
import { myWorkCount } from '@/server/work/my-work';

/** What selects the response besides the address: the router's headers (Next varies on them) and the host. */
const VARY = ['rsc', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'host', 'x-forwarded-proto'];

/** A page request the cache may answer: GET or HEAD, and not a prefetch (those render only part of a page). */
export function isCacheableRequest(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.headers['next-router-prefetch'] === undefined;
}

function sessionToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && SESSION_COOKIE_NAMES.includes(part.slice(0, i).trim())) return part.slice(i + 1).trim();
  }
  return null;
}

/** A path segment decoded, or null when it cannot be (Next answers those itself). */
export function decodedSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The person whose live session the request carries, as the pages read it; null for anyone else. */
export async function viewerOf(req: IncomingMessage, now: number): Promise<Actor | null> {
  const token = sessionToken(req.headers.cookie);
  if (!token) return null;
  const sid = await sessionIdFromToken(token, authSecret());
  return sid ? actorOfSession(sid, now) : null;
}

/**
 * The entry's key: the method, the address, a hash of all cookies (session, language, anything added
 * later) and the headers Next varies on. An entry is only ever served to the cookies it was rendered for.
 */
export function cacheKey(req: IncomingMessage): string {
  const cookies = createHash('sha256')
    .update(req.headers.cookie ?? '')
    .digest('base64url');
  return [req.method === 'HEAD' ? 'GET' : req.method, req.url, cookies, ...VARY.map((h) => req.headers[h] ?? '')].join(
    '\n',
  );
}

/**
 * A value per key, made again only when what it was made from (`at`) differs from last time; at
 * most `max` keys (all forgotten at once beyond that). For what the rules of the page caches would
 * otherwise count on every request although it moves only with a write.
 */
export function memoAt<K, V>(max: number) {
  const known = new Map<K, { at: string; value: V }>();
  return (key: K, at: string, make: () => V): V => {
    const hit = known.get(key);
    if (hit?.at === at) return hit.value;
    const value = make();
    if (known.size >= max) known.clear();
    known.set(key, { at, value });
    return value;
  };
}

/**
 * The header's My work count for a stamp. Counting it costs a property company's staff 3–4 ms (their
 * tasks across every compound served), more than the rest of the rule, so it is counted again only
 * when anything it reads may have changed: a write to any compound's pages (`everything`: every count
 * of compound_versions), the person's unread notices (replies waiting), their roles, or the half-minute
 * (what is overdue). The page itself always counts afresh when Next renders it.
 */
const workCount = memoAt<number, number>(10_000);

/**
 * The viewer's part of a stamp: every page names the viewer and their roles (as the session reads them
 * now), their unread count and what waits for them in My work, and says things relative to the day.
 * `everything` is allPagesVersion(), for a caller that has read it already.
 */
export function viewerStamp(actor: Actor, now: number, everything: string = allPagesVersion()): string[] {
  const unread = unreadCount(actor.personId);
  const who = JSON.stringify(actor);
  const work = workCount(actor.personId, `${everything}/${unread}/${Math.floor(now / 30_000)}/${who}`, () =>
    myWorkCount(actor, now),
  );
  return [String(unread), String(work), who, shanghaiDay(now)];
}
