/**
 * The dashboards and the big screen, served by the production server from its page cache while
 * nothing they show has changed (docs/decisions/0019-performance.md). Who may see what is decided
 * by the pages' own functions (server/dashboard-scope.ts) before the cache is asked, on every
 * request: someone without a view of the place never reaches the cache, and Next answers them as
 * it always does (the login page, or 404). Each entry belongs to one set of cookies, so a page is
 * only ever served again to the session it was rendered for.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { scopeVersion } from '@/db/dashboard/versions';
import { unreadCount } from '@/db/notifications/notifications';
import { SESSION_COOKIE_NAMES, sessionIdFromToken } from '@/lib/auth/jwe';
import { shanghaiDay } from '@/lib/time';
import { authSecret } from '@/server/auth/secret';
import { actorOfSession } from '@/server/auth/session-record';
import { dashboardScope } from '@/server/dashboard-scope';
import { myWorkCount } from '@/server/work/my-work';
import { type CacheRule, PageCache } from './page-cache';

/** /d/<level>/<id> and /d/<level>/<id>/screen, with any query. */
const DASHBOARD = /^\/d\/([a-z]+)\/([^/?#]+)(?:\/screen)?(?:\?|$)/;

/**
 * How long a page is served again at most: its figures are exact by version, but it also says how
 * long matters have waited and when the screen was updated, relative to the time it was rendered.
 */
export const DASHBOARD_TTL_MS = 30_000;

/** Per worker: a few dozen pages of ~40–100 KB. */
export const dashboardCache = new PageCache({ maxEntries: 64, maxBytes: 1_000_000, ttlMs: DASHBOARD_TTL_MS });

/** What selects the response besides the address: the router's headers (Next varies on them) and the host. */
const VARY = ['rsc', 'next-router-state-tree', 'next-router-segment-prefetch', 'next-url', 'host', 'x-forwarded-proto'];

export function isDashboardPage(req: IncomingMessage): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    DASHBOARD.test(req.url ?? '') &&
    // Prefetches render only part of a page: left to Next.
    req.headers['next-router-prefetch'] === undefined
  );
}

function sessionToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && SESSION_COOKIE_NAMES.includes(part.slice(0, i).trim())) return part.slice(i + 1).trim();
  }
  return null;
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The cache rule of a dashboard request, or null when it must go to Next: nobody signed in, a
 * session ended, a place that is not there, or one this person may not see.
 */
export async function dashboardRule(req: IncomingMessage, now: number): Promise<CacheRule | null> {
  const m = DASHBOARD.exec(req.url ?? '');
  const id = m?.[2] === undefined ? null : decoded(m[2]);
  const token = sessionToken(req.headers.cookie);
  if (!m?.[1] || id === null || !token) return null;
  const sid = await sessionIdFromToken(token, authSecret());
  const actor = sid ? actorOfSession(sid, now) : null;
  if (!actor) return null;
  const found = dashboardScope(actor, m[1], id);
  if (!found) return null;
  const cookies = createHash('sha256')
    .update(req.headers.cookie ?? '')
    .digest('base64url');
  const key = [req.method === 'HEAD' ? 'GET' : req.method, req.url, cookies, ...VARY.map((h) => req.headers[h] ?? '')];
  // The page shows the place's figures, the viewer (name, roles, unread count, what waits for them in
  // My work, what they may open) and the day.
  const stamp = [
    scopeVersion(found.node),
    unreadCount(actor.personId),
    myWorkCount(actor, now),
    JSON.stringify(actor),
    shanghaiDay(now),
  ];
  return { key: key.join('\n'), stamp: stamp.join('\n') };
}

/** Answers a dashboard request from the cache, or lets Next render it (and keeps it when it may). */
export async function serveDashboard(req: IncomingMessage, res: ServerResponse, render: () => void): Promise<void> {
  let rule: CacheRule | null = null;
  try {
    rule = await dashboardRule(req, Date.now());
  } catch (error) {
    // The cache is only ever a shortcut: when its rule cannot be made, Next answers as usual.
    console.error('[yishi] dashboard cache:', error);
  }
  if (rule) dashboardCache.serve(req, res, rule, render);
  else render();
}
