/**
 * A compound's topic list, topics and settled votes, and a company's task list, served again from the
 * production server's page cache (server/http/compound-page-cache.ts), over real HTTP with the cookies
 * a browser sends, on the seeded district. Next is stood in for by a renderer that decides who may see
 * the page as the pages do (compoundVisibleTo, companyIdsOf) and shows what they show of the
 * compound's data, and counts how often it is asked. Checked: the same session is answered from the
 * cache; nobody else ever is; any write the pages show (also by another process) is seen on the next
 * request; and every table is either counted by the triggers or named here as shown on none of them.
 */
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, resolveDatabasePath } from '../db/client';
import { actAs, personId, setupDatabase, teardownDatabase } from './harness';
import { listen, nonceHead, sessionCookie, viewerOfRequest } from './page-cache-stand-in';

const SECRET = 'compound-page-cache-test-secret-0123456789-abcdefgh';
process.env.NEXTAUTH_SECRET = SECRET;

const { compoundPageCache, compoundPageOf, compoundPageRule, isCompoundPage, serveCompoundPage } = await import(
  '@/server/http/compound-page-cache'
);
const { compoundVisibleTo } = await import('@/server/auth/visible');
const { companyIdsOf } = await import('@/lib/auth/permissions');

let server: Awaited<ReturnType<typeof listen>>;
let base = '';
let db: Db;
let other: Db;
let renders = 0;
let compoundId = 0;
let otherCompoundId = 0;
let topicId = 0;

/** What the pages show of a compound, as one figure: a write to any of it changes the answer. */
function shown(compound: number): string {
  const row = other.$client
    .prepare(
      `select (select count(*) from comments c join topics t on t.id = c.topic_id where t.compound_id = ?) as comments,
              (select count(*) from topic_cosigns s join topics t on t.id = s.topic_id where t.compound_id = ?) as cosigns,
              (select group_concat(title) from topics where compound_id = ?) as titles`,
    )
    .get(compound, compound, compound) as Record<string, unknown>;
  return JSON.stringify(row);
}

/** Stands in for Next: answers as the pages do, with a fresh nonce each time. */
async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  const actor = await viewerOfRequest(req, SECRET);
  if (!actor) {
    res.writeHead(307, { location: '/login' }).end();
    return;
  }
  const page = compoundPageOf(req.url ?? '');
  let figure = '';
  if (page?.kind === 'tasks') {
    if (companyIdsOf(actor).length === 0) return void res.writeHead(404).end('not found');
    figure = String(other.$client.prepare('select count(*) as n from tasks').pluck().get());
  } else if (page) {
    const compound = compoundVisibleTo(actor, page.compoundId);
    if (!compound) return void res.writeHead(404).end('not found');
    figure = shown(compound.id);
  }
  const nonce = nonceHead(res);
  res.write(`<html><script nonce="${nonce}">boot()</script><main data-person="${actor.personId}">`);
  res.end(`<pre>${figure.replaceAll('"', "'")}</pre></main></html>`);
}

const cookieOf = async (mobile: string) => `${await sessionCookie(personId(mobile), SECRET)}; locale=zh-CN`;

async function get(url: string, cookie: string) {
  const before = renders;
  const res = await fetch(base + url, { headers: { cookie }, redirect: 'manual' });
  const body = await res.text();
  return { status: res.status, body, rendered: renders > before, person: /data-person="(\d+)"/.exec(body)?.[1] };
}

const compoundOf = (name: string) =>
  other.$client.prepare('select id from compounds where name = ?').pluck().get(name) as number;

beforeAll(async () => {
  db = setupDatabase();
  other = openDatabase(path.resolve(resolveDatabasePath()));
  compoundId = compoundOf('合和大院');
  otherCompoundId = compoundOf('亿泰庄园');
  const now = Date.now();
  topicId = Number(
    other.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '电梯异响', '', 'repairs', 'deliberating', ?, ?)`)
      .run(compoundId, personId('13800000004'), now, now).lastInsertRowid,
  );
  server = await listen((req, res) => {
    if (isCompoundPage(req)) return void serveCompoundPage(req, res, () => void render(req, res));
    void render(req, res);
  });
  base = server.base;
});

afterAll(async () => {
  await server.close();
  other.$client.close();
  teardownDatabase();
});

describe('the page cache for compound pages', () => {
  it('serves the same session again without rendering, on the list, a topic and the task list', async () => {
    const resident = await cookieOf('13800000004');
    for (const url of [
      `/c/${compoundId}/topics`,
      `/c/${compoundId}/topics?status=raised&page=2`,
      `/c/${compoundId}/topics/${topicId}`,
    ]) {
      const first = await get(url, resident);
      expect(first.status).toBe(200);
      expect(first.rendered).toBe(true);
      const again = await get(url, resident);
      expect(again.rendered).toBe(false);
      expect(again.person).toBe(String(personId('13800000004')));
    }
    const staff = await cookieOf('13800000009');
    await get('/tasks', staff);
    expect((await get('/tasks', staff)).rendered).toBe(false);
    expect(compoundPageCache.counts.hits).toBeGreaterThanOrEqual(4);
  });

  it('never serves one viewer’s page to another: each gets their own, or what Next answers them', async () => {
    const url = `/c/${compoundId}/topics/${topicId}`;
    const secretary = await cookieOf('13800000001');
    await get(url, secretary);
    expect((await get(url, secretary)).rendered).toBe(false);
    // Residents and staff of this compound, of another one, and staff above it.
    for (const mobile of ['13800000004', '13800000007', '13800000009', '13800000016', '13800000017', '13800000018']) {
      const page = await get(url, await cookieOf(mobile));
      expect(page.rendered).toBe(true);
      if (page.status === 200) expect(page.person).toBe(String(personId(mobile)));
      else expect(page.body).toBe('not found');
    }
    expect((await get(url, '')).rendered).toBe(true);
    expect((await get(url, 'next-auth.session-token=forged')).rendered).toBe(true);
    // Someone who is not of the compound never reaches the cache at all.
    const outsider = await cookieOf('13800000018');
    expect((await get(url, outsider)).status).toBe(404);
    expect((await get(url, outsider)).rendered).toBe(true);
  });

  it('a resident with no company has no task list, and the cache never answers them', async () => {
    const resident = await cookieOf('13800000004');
    expect((await get('/tasks', resident)).status).toBe(404);
    expect((await get('/tasks', resident)).rendered).toBe(true);
  });

  it('shows a comment, a co-sign or a rename on the very next request, whoever wrote it', async () => {
    const resident = await cookieOf('13800000004');
    const url = `/c/${compoundId}/topics`;
    await get(url, resident);
    expect((await get(url, resident)).rendered).toBe(false);
    const author = personId('13800000020');
    const writes = [
      () =>
        other.$client
          .prepare('insert into comments (topic_id, author_id, body, created_at) values (?, ?, ?, ?)')
          .run(topicId, author, '同意', Date.now()),
      () =>
        other.$client
          .prepare('insert or ignore into topic_cosigns (topic_id, person_id, created_at) values (?, ?, ?)')
          .run(topicId, personId('13800000021'), Date.now()),
      () => other.$client.prepare(`update topics set title = title || '！' where id = ?`).run(topicId),
      () => other.$client.prepare(`update people set name = name where id = ?`).run(author),
    ];
    for (const write of writes) {
      write();
      const after = await get(url, resident);
      expect(after.rendered).toBe(true);
      expect((await get(url, resident)).rendered).toBe(false);
    }
  });

  it('a task for the company in a compound it does not serve shows on its task list at once', async () => {
    const staff = await cookieOf('13800000009'); // 安居物业
    await get('/tasks', staff);
    expect((await get('/tasks', staff)).rendered).toBe(false);
    const company = other.$client
      .prepare(`select id from property_companies where name = '安居物业服务有限公司'`)
      .pluck()
      .get();
    const served = other.$client
      .prepare('select compound_id from compound_services where company_id = ?')
      .pluck()
      .all(company);
    const elsewhere = other.$client
      .prepare(`select id from compounds where id not in (${served.map(() => '?').join(',') || 'null'}) limit 1`)
      .pluck()
      .get(...served) as number;
    const now = Date.now();
    const topic = other.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '消防通道', '', 'repairs', 'in_progress', ?, ?)`)
      .run(elsewhere, personId('13800000018'), now, now).lastInsertRowid;
    other.$client
      .prepare(`insert into tasks (compound_id, topic_id, party, company_id, deadline_at, created_at)
                values (?, ?, 'property', ?, ?, ?)`)
      .run(elsewhere, topic, company, now + 86_400_000, now);
    const after = await get('/tasks', staff);
    expect(after.rendered).toBe(true);
    expect((await get('/tasks', staff)).rendered).toBe(false);
  });

  it('a write in another compound leaves this one’s pages as they are', async () => {
    const resident = await cookieOf('13800000004');
    const url = `/c/${compoundId}/topics`;
    await get(url, resident);
    const elsewhere = other.$client
      .prepare('select id from topics where compound_id = ? limit 1')
      .pluck()
      .get(otherCompoundId);
    other.$client
      .prepare('insert into comments (topic_id, author_id, body, created_at) values (?, ?, ?, ?)')
      .run(elsewhere, personId('13800000018'), '好的', Date.now());
    expect((await get(url, resident)).rendered).toBe(false);
  });

  it('a vote is served again only once it and its assembly are settled; until then it goes to Next', async () => {
    const secretary = await cookieOf('13800000018'); // 亿泰庄园
    const vote = other.$client
      .prepare('select id, assembly_id as assemblyId from votes where compound_id = ? limit 1')
      .get(otherCompoundId) as { id: number; assemblyId: number };
    const url = `/c/${otherCompoundId}/votes/${vote.id}`;
    const rule = (address: string) =>
      compoundPageRule(
        { url: address, method: 'GET', headers: { cookie: secretary } } as unknown as http.IncomingMessage,
        Date.now(),
      );
    expect(await rule(url)).toBeNull();
    other.$client.prepare(`update votes set status = 'closed' where id = ?`).run(vote.id);
    // The vote is closed but its assembly is not: viewing it may still have a move to make.
    expect(await rule(url)).toBeNull();
    other.$client.prepare(`update assemblies set status = 'closed' where id = ?`).run(vote.assemblyId);
    expect(await rule(url)).not.toBeNull();
    expect(await rule(`/c/${otherCompoundId}/votes/999999`)).toBeNull();
    // Someone of another compound: no rule, whatever the vote.
    actAs(personId('13800000004'));
    expect(
      await compoundPageRule(
        { url, method: 'GET', headers: { cookie: await cookieOf('13800000004') } } as unknown as http.IncomingMessage,
        Date.now(),
      ),
    ).toBeNull();
  });

  it('addresses: only the four pages, with numeric ids; prefetches and writes are left to Next', () => {
    const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
      ({ url, method, headers }) as unknown as http.IncomingMessage;
    expect(isCompoundPage(req('/c/1/topics'))).toBe(true);
    expect(isCompoundPage(req('/c/1/topics?status=raised'))).toBe(true);
    expect(isCompoundPage(req('/c/1/topics/22?cpage=2'))).toBe(true);
    expect(isCompoundPage(req('/c/1/votes/3'))).toBe(true);
    expect(isCompoundPage(req('/tasks?page=2'))).toBe(true);
    expect(isCompoundPage(req('/c/1/topics/new'))).toBe(false);
    expect(isCompoundPage(req('/c/1/topics/22/notice'))).toBe(false);
    expect(isCompoundPage(req('/c/1/votes/new'))).toBe(false);
    expect(isCompoundPage(req('/c/x/topics'))).toBe(false);
    expect(isCompoundPage(req('/c/1'))).toBe(false);
    expect(isCompoundPage(req('/tasks/5'))).toBe(false);
    expect(isCompoundPage(req('/c/1/topics', { 'next-router-prefetch': '1' }))).toBe(false);
    expect(isCompoundPage(req('/c/1/topics', {}, 'POST'))).toBe(false);
  });
});

/**
 * Tables whose rows no cached page shows, or shows through the viewer's stamp (notifications), so a
 * write to them need not move a version. Every other table must be counted by a trigger: a new table
 * fails here until it is counted or named with its reason.
 */
const NOT_ON_PAGES: Record<string, string> = {
  compound_versions: 'the versions themselves',
  sessions: 'the viewer is read from the session on every request',
  login_failures: 'login limits',
  audit_anchors: 'shown on the notice board only, which is not cached',
  notifications: 'the unread count is in every stamp',
  push_subscriptions: 'devices',
  notification_settings: 'a person’s own settings page, not cached',
  push_outbox: 'delivery queue',
  activation_failures: 'activation limits',
  sms_codes: 'login codes',
  person_views: 'who looked at whose record: the people pages, not cached',
  ballots: 'counted apart (`ballots`, migration 0011) and stamped on the topic and vote pages',
  __drizzle_migrations: 'migrations',
};

describe('what moves a compound page’s version', () => {
  it('every table is counted by the triggers of migrations 0011 and 0013, or named as on no cached page', () => {
    const tables = db.$client
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%'`,
      )
      .pluck()
      .all() as string[];
    const triggers = db.$client
      .prepare(`select tbl_name from sqlite_master where type = 'trigger'`)
      .pluck()
      .all() as string[];
    const counted = new Set(triggers);
    const missing = tables.filter((t) => !counted.has(t) && !(t in NOT_ON_PAGES));
    expect(missing).toEqual([]);
  });
});
