/**
 * The dashboards and the big screen, served by the production server from its page cache while
 * nothing they show has changed (docs/decisions/0019-performance.md). Who may see what is decided
 * by the pages' own functions (server/dashboard-scope.ts) before the cache is asked, on every
 * request: someone without a view of the place never reaches the cache, and Next answers them as
 * it always does (the login page, or 404). Each entry belongs to one set of cookies, so a page is
 * only ever served again to the session it was rendered for.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { scopeVersion } from '@/db/dashboard/versions';
import { dashboardScope } from '@/server/dashboard-scope';
import { cacheKey, decodedSegment, isCacheableRequest, viewerOf, viewerStamp } from './cache-viewer';
import { type CacheRule, PageCache, serveCached } from './page-cache';

/** /d/<level>/<id> and /d/<level>/<id>/screen, with any query. */
const DASHBOARD = /^\/d\/([a-z]+)\/([^/?#]+)(?:\/screen)?(?:\?|$)/;

/**
 * How long a page is served again at most: its figures are exact by version, but it also says how
 * long matters have waited and when the screen was updated, relative to the time it was rendered.
 */
export const DASHBOARD_TTL_MS = 30_000;

/** Per worker: a few dozen pages of ~40–100 KB. */
export const dashboardCache = new PageCache({ maxEntries: 64, maxBytes: 1_000_000, ttlMs: DASHBOARD_TTL_MS });

export function isDashboardPage(req: IncomingMessage): boolean {
  return isCacheableRequest(req) && DASHBOARD.test(req.url ?? '');
}

/**
 * The cache rule of a dashboard request, or null when it must go to Next: nobody signed in, a
 * session ended, a place that is not there, or one this person may not see.
 */
export async function dashboardRule(req: IncomingMessage, now: number): Promise<CacheRule | null> {
  const m = DASHBOARD.exec(req.url ?? '');
  const id = m?.[2] === undefined ? null : decodedSegment(m[2]);
  if (!m?.[1] || id === null) return null;
  const actor = await viewerOf(req, now);
  if (!actor) return null;
  const found = dashboardScope(actor, m[1], id);
  if (!found) return null;
  // The page shows the place's figures and the viewer.
  return { key: cacheKey(req), stamp: [scopeVersion(found.node), ...viewerStamp(actor, now)].join('\n') };
}

/** Answers a dashboard request from the cache, or lets Next render it (and keeps it when it may). */
export function serveDashboard(req: IncomingMessage, res: ServerResponse, render: () => void): Promise<void> {
  return serveCached(dashboardCache, req, res, dashboardRule, render);
}
