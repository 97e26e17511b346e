/**
 * A compound's topic list, its topics and its settled votes, and a property company's task list,
 * served by the production server from its page cache while nothing they show has changed
 * (docs/decisions/0021-compound-page-cache.md), as the dashboards are (0019). Who may see the page is
 * decided first, on every request, by the rule the pages use (compoundVisibleTo, companyIdsOf):
 * anyone else never reaches the cache, and Next answers them as it always does (the login page, or
 * 404). An entry belongs to one set of cookies and is used again only while its compounds' versions
 * (every write their pages show, counted by triggers: migrations 0011 and 0013), the viewer as the
 * session reads now, their unread count and My work count and the day are what they were, for 30 s
 * at most.
 *
 * Left to Next: votes not yet settled (viewing one past its end closes it), every other page, and
 * prefetches.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { allPagesVersion, compoundPagesVersion, compoundsOfCompanies } from '@/db/dashboard/versions';
import { isSettledVote } from '@/db/voting/read';
import { companyIdsOf } from '@/lib/auth/permissions';
import { compoundVisibleTo } from '@/server/auth/visible';
import { cacheKey, isCacheableRequest, memoAt, viewerOf, viewerStamp } from './cache-viewer';
import { type CacheRule, PageCache, serveCached } from './page-cache';

type CompoundPage =
  | { kind: 'topics'; compoundId: string }
  | { kind: 'topic' | 'vote'; compoundId: string; id: number }
  | { kind: 'tasks' };

const TOPICS = /^\/c\/(\d{1,12})\/topics(?:\?|$)/;
const TOPIC = /^\/c\/(\d{1,12})\/topics\/(\d{1,12})(?:\?|$)/;
const VOTE = /^\/c\/(\d{1,12})\/votes\/(\d{1,12})(?:\?|$)/;
const TASKS = /^\/tasks(?:\?|$)/;

/** Which cached page an address is, if any. */
export function compoundPageOf(url: string): CompoundPage | null {
  let m = TOPICS.exec(url);
  if (m?.[1]) return { kind: 'topics', compoundId: m[1] };
  m = TOPIC.exec(url);
  if (m?.[1] && m[2]) return { kind: 'topic', compoundId: m[1], id: Number(m[2]) };
  m = VOTE.exec(url);
  if (m?.[1] && m[2]) return { kind: 'vote', compoundId: m[1], id: Number(m[2]) };
  return TASKS.test(url) ? { kind: 'tasks' } : null;
}

/** What a page may say relative to the time it was rendered ("2 hours ago", "closes in 3 days"). */
export const COMPOUND_PAGE_TTL_MS = 30_000;

/**
 * Per worker: pages are 30–400 KB; 24 MB in all keeps a few hundred sessions' last pages without
 * pushing the worker's memory far (bench/README.md, "Memory").
 */
export const compoundPageCache = new PageCache({
  maxEntries: 512,
  maxBytes: 1_000_000,
  maxTotalBytes: 24_000_000,
  ttlMs: COMPOUND_PAGE_TTL_MS,
});

/**
 * The compounds whose versions a company's task list carries: those it serves and those it has tasks
 * in. Finding them walks the company's tasks (0.7 ms for ~2,300, twice that in a district twice the
 * size), so they are found again only when any compound's counts have moved — a new service or a
 * new task moves them.
 */
const companiesCompounds = memoAt<string, number[]>(1_000);

export function isCompoundPage(req: IncomingMessage): boolean {
  return isCacheableRequest(req) && compoundPageOf(req.url ?? '') !== null;
}

/**
 * The cache rule of a request for one of these pages, or null when it must go to Next: nobody
 * signed in, a session ended, a compound this person may not see, no company to work for, or a vote
 * that is not settled.
 */
export async function compoundPageRule(req: IncomingMessage, now: number): Promise<CacheRule | null> {
  const page = compoundPageOf(req.url ?? '');
  if (!page) return null;
  const actor = await viewerOf(req, now);
  if (!actor) return null;
  const everything = allPagesVersion();
  let compounds: number[];
  if (page.kind === 'tasks') {
    const companies = companyIdsOf(actor);
    if (companies.length === 0) return null;
    compounds = companiesCompounds(companies.join(','), everything, () => compoundsOfCompanies(companies));
  } else {
    const compound = compoundVisibleTo(actor, page.compoundId);
    if (!compound) return null;
    if (page.kind === 'vote' && !isSettledVote(compound.id, page.id)) return null;
    compounds = [compound.id];
  }
  // A topic and a vote show live turnout; the lists do not change while owners vote.
  const version = compoundPagesVersion(compounds, page.kind === 'topic' || page.kind === 'vote');
  return { key: cacheKey(req), stamp: [page.kind, version, ...viewerStamp(actor, now, everything)].join('\n') };
}

/** Answers from the cache, or lets Next render the page (and keeps it when it may). */
export function serveCompoundPage(req: IncomingMessage, res: ServerResponse, render: () => void): Promise<void> {
  return serveCached(compoundPageCache, req, res, compoundPageRule, render);
}
