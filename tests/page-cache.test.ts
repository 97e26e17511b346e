/**
 * Dashboards served again from the production server's page cache (server/http/dashboard-cache.ts),
 * over real HTTP with the cookies a browser sends, on the seeded district. Next is stood in for by
 * a renderer that answers as the dashboard pages do — 404 for anyone without a view of the place,
 * else a page naming the viewer, the view and a figure, with a nonce in its scripts and policy — and
 * counts how often it is asked. What is checked is what the cache adds: the same session is answered
 * from it, nobody else ever is, a write in the place is seen on the next request, every answer has
 * its own nonce.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, resolveDatabasePath } from '../db/client';
import { revokeSession } from '../db/auth/sessions';
import { loadDashboard } from '../db/dashboard/load';
import { parsePeriod } from '../lib/dashboard/period';
import { personId, setupDatabase, teardownDatabase } from './harness';
import { listen, nonceHead, sessionCookie, viewerOfRequest } from './page-cache-stand-in';

const SECRET = 'page-cache-test-secret-page-cache-test-secret-0123';
process.env.NEXTAUTH_SECRET = SECRET;

const { dashboardCache, isDashboardPage, serveDashboard } = await import('@/server/http/dashboard-cache');
const { PageCache } = await import('@/server/http/page-cache');
const { dashboardScope } = await import('@/server/dashboard-scope');
const { sessionIdFromToken } = await import('@/lib/auth/jwe');

let server: Awaited<ReturnType<typeof listen>>;
let base = '';
let other: Db;
let renders = 0;
let districtId = 0;
let compoundId = 0;

/** Stands in for Next: answers as the dashboard pages do, with a fresh nonce each time. */
async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  const actor = await viewerOfRequest(req, SECRET);
  const m = /^\/d\/([a-z]+)\/(\d+)/.exec(req.url ?? '');
  const found = actor && m?.[1] && m[2] ? dashboardScope(actor, m[1], m[2]) : null;
  if (!actor || !found) {
    res.writeHead(actor ? 404 : 307, { 'content-type': 'text/html' }).end('not found');
    return;
  }
  const raised = loadDashboard(found.node, found.view, parsePeriod({}, Date.now()), 'onTime').totals.raised;
  const nonce = nonceHead(res);
  const rsc = req.headers.rsc === '1' ? 'flight' : 'html';
  // Written in pieces, as Next streams a page.
  res.write(`<html><script nonce="${nonce}">boot()</script><main data-person="${actor.personId}" `);
  res.write(`data-view="${found.view}" data-raised="${raised}" data-kind="${rsc}">${'看板'.repeat(2000)}</main>`);
  res.end(`<script nonce="${nonce}">hydrate()</script></html>`);
}

const cookieOf = async (mobile: string) => `${await sessionCookie(personId(mobile), SECRET)}; locale=zh-CN`;

async function get(url: string, cookie: string, headers: Record<string, string> = {}) {
  const before = renders;
  const res = await fetch(base + url, { headers: { cookie, ...headers }, redirect: 'manual' });
  const body = await res.text();
  return {
    status: res.status,
    body,
    rendered: renders > before,
    person: /data-person="(\d+)"/.exec(body)?.[1],
    raised: Number(/data-raised="(\d+)"/.exec(body)?.[1]),
    policy: res.headers.get('content-security-policy') ?? '',
    nonces: [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((x) => x[1]))],
  };
}

beforeAll(async () => {
  const db = setupDatabase();
  other = openDatabase(path.resolve(resolveDatabasePath()));
  const c = db.$client
    .prepare(`select c.id, s.district_id as districtId from compounds c join communities m on m.id = c.community_id
              join streets s on s.id = m.street_id where c.name = '合和大院'`)
    .get() as { id: number; districtId: number };
  compoundId = c.id;
  districtId = c.districtId;
  server = await listen((req, res) => {
    if (isDashboardPage(req)) return void serveDashboard(req, res, () => void render(req, res));
    void render(req, res);
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  other.$client.close();
  teardownDatabase();
});

describe('the page cache for dashboards', () => {
  it('serves the same session again without rendering, each answer with a nonce of its own', async () => {
    const cookie = await cookieOf('13800000013'); // district admin
    const first = await get(`/d/district/${districtId}`, cookie);
    const second = await get(`/d/district/${districtId}`, cookie);
    expect(first.status).toBe(200);
    expect(first.rendered).toBe(true);
    expect(second.rendered).toBe(false);
    expect(second.body.replaceAll(second.nonces[0] ?? '', 'N')).toBe(first.body.replaceAll(first.nonces[0] ?? '', 'N'));
    expect(second.nonces).toHaveLength(1);
    expect(second.nonces[0]).not.toBe(first.nonces[0]);
    expect(second.policy).toContain(`'nonce-${second.nonces[0]}'`);
  });

  it('never serves one viewer’s page to another: each gets their own, or what Next answers them', async () => {
    const url = `/d/compound/${compoundId}`;
    const secretary = await cookieOf('13800000001');
    await get(url, secretary);
    expect((await get(url, secretary)).rendered).toBe(false);
    for (const mobile of ['13800000004', '13800000007', '13800000009', '13800000016', '13800000017', '13800000018']) {
      const cookie = await cookieOf(mobile);
      const page = await get(url, cookie);
      expect(page.rendered).toBe(true);
      if (page.status === 200) expect(page.person).toBe(String(personId(mobile)));
      else expect(page.body).toBe('not found');
    }
    // Nobody signed in, and a forged cookie: Next answers (the login page), never the cache.
    expect((await get(url, '')).rendered).toBe(true);
    expect((await get(url, 'next-auth.session-token=forged')).rendered).toBe(true);
  });

  it('shows a write in the place on the very next request, whoever wrote it', async () => {
    const cookie = await cookieOf('13800000013');
    const url = `/d/district/${districtId}?from=2020-01-01&to=2030-12-31`;
    const before = await get(url, cookie);
    expect((await get(url, cookie)).rendered).toBe(false);
    const author = personId('13800000004');
    other.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '路灯不亮', '', 'repairs', 'raised', ?, ?)`)
      .run(compoundId, author, Date.now(), Date.now());
    const after = await get(url, cookie);
    expect(after.rendered).toBe(true);
    expect(after.raised).toBe(before.raised + 1);
  });

  it('a new notification, a changed role or a language switch renders again', async () => {
    const cookie = await cookieOf('13800000013');
    const url = `/d/district/${districtId}/screen`;
    await get(url, cookie);
    expect((await get(url, cookie)).rendered).toBe(false);
    other.$client
      .prepare(
        `insert into notifications (person_id, compound_id, kind, created_at) values (?, 0, 'login_failures', ?)`,
      )
      .run(personId('13800000013'), Date.now());
    expect((await get(url, cookie)).rendered).toBe(true);
    expect((await get(url, cookie.replace('locale=zh-CN', 'locale=en'))).rendered).toBe(true);
  });

  it('a session that ended is not served from the cache', async () => {
    const cookie = await cookieOf('13800000012'); // street staff
    const street = (
      other.$client
        .prepare(`select m.street_id as id from compounds c join communities m on m.id = c.community_id where c.id = ?`)
        .get(compoundId) as { id: number }
    ).id;
    const url = `/d/street/${street}`;
    await get(url, cookie);
    expect((await get(url, cookie)).rendered).toBe(false);
    const token = cookie.split('; ')[0]?.split('=')[1] ?? '';
    revokeSession((await sessionIdFromToken(token, SECRET)) ?? '', Date.now());
    const ended = await get(url, cookie);
    expect(ended.rendered).toBe(true);
    expect(ended.status).toBe(307);
  });

  it('keeps the page and the client router’s payload apart', async () => {
    const cookie = await cookieOf('13800000013');
    const url = `/d/district/${districtId}/screen?_rsc=abc`;
    const html = await get(url, cookie);
    const flight = await get(url, cookie, { rsc: '1' });
    expect(html.body).toContain('data-kind="html"');
    expect(flight.body).toContain('data-kind="flight"');
    expect((await get(url, cookie, { rsc: '1' })).body).toContain('data-kind="flight"');
  });

  it('gzips for clients that take it, with the new nonce inside', async () => {
    const cookie = await cookieOf('13800000013');
    const url = `/d/district/${districtId}?sort=overdue`;
    await get(url, cookie);
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(base + url, { headers: { cookie, 'accept-encoding': 'gzip' } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = gunzipSync(Buffer.concat(chunks)).toString('utf8');
    const nonce = /nonce="([^"]+)"/.exec(body)?.[1] ?? 'none';
    expect(res.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    expect(dashboardCache.counts.hits).toBeGreaterThan(0);
  });

  it('prefetches and other addresses are left to Next', () => {
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      ({ url, method, headers }) as unknown as http.IncomingMessage;
    expect(isDashboardPage(req('/d/district/1'))).toBe(true);
    expect(isDashboardPage(req('/d/street/2/screen?x=1'))).toBe(true);
    expect(isDashboardPage(req('/d/district/1/topics?fig=raised'))).toBe(false);
    expect(isDashboardPage(req('/d/district/1', { 'next-router-prefetch': '1' }))).toBe(false);
    expect(isDashboardPage(req('/d/district/1', {}, 'POST'))).toBe(false);
    expect(isDashboardPage(req('/c/1/topics'))).toBe(false);
  });
});

describe('PageCache', () => {
  const fakeRender = (status: number, headers: Record<string, string>) => (res: http.ServerResponse) => () => {
    res.writeHead(status, headers);
    res.end('<p>page</p>');
  };

  async function through(cache: InstanceType<typeof PageCache>, status: number, headers: Record<string, string>) {
    const s = http.createServer((req, res) =>
      cache.serve(req, res, { key: 'k', stamp: 's' }, fakeRender(status, headers)(res)),
    );
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
    const statuses = [(await fetch(url)).status, (await fetch(url)).status];
    await new Promise((resolve) => s.close(resolve));
    return statuses;
  }

  it('keeps only 200s without a cookie being set', async () => {
    const ok = new PageCache({ maxEntries: 4, maxBytes: 1000, ttlMs: 60_000 });
    await through(ok, 200, { 'content-type': 'text/html' });
    expect(ok.counts).toEqual({ hits: 1, misses: 1 });
    const notFound = new PageCache({ maxEntries: 4, maxBytes: 1000, ttlMs: 60_000 });
    expect(await through(notFound, 404, { 'content-type': 'text/html' })).toEqual([404, 404]);
    expect(notFound.counts.hits).toBe(0);
    const cookie = new PageCache({ maxEntries: 4, maxBytes: 1000, ttlMs: 60_000 });
    await through(cookie, 200, { 'set-cookie': 'a=b' });
    expect(cookie.counts.hits).toBe(0);
  });

  it('renders again once the time to live has passed', async () => {
    let now = 0;
    const cache = new PageCache({ maxEntries: 4, maxBytes: 1000, ttlMs: 30_000, now: () => now });
    const s = http.createServer((req, res) =>
      cache.serve(req, res, { key: 'k', stamp: 's' }, fakeRender(200, {})(res)),
    );
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/`;
    await fetch(url);
    now = 29_999;
    await fetch(url);
    now = 30_000;
    await fetch(url);
    await new Promise((resolve) => s.close(resolve));
    expect(cache.counts).toEqual({ hits: 1, misses: 2 });
  });
});
