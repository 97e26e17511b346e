/**
 * npm run bench:explain — every statement the hot pages and lists run, on the generated district:
 * its time (median of BENCH_EXPLAIN_RUNS runs, 20) and SQLite's query plan, flagged when the plan
 * sorts (`USE TEMP B-TREE`) or scans a whole table. Needs `npm run bench:data` first; reads a copy.
 *
 * It calls the same query functions the pages call, with a statement wrapper that records each
 * statement's SQL, parameters and time (the same idea as YISHI_COUNT_SQL), then asks for
 * `EXPLAIN QUERY PLAN` with the very parameters the page used.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

const DATA = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/data/district');
const COPY = path.resolve('bench/data/explain');
const RUNS = Number(process.env.BENCH_EXPLAIN_RUNS ?? 20);

interface Manifest {
  compoundId: number;
  pageTopicId: number;
  closedVoteId: number;
  openVoteId: number;
  districtId: number;
  streetId: number;
  sessions: Record<'resident' | 'property' | 'secretary' | 'district' | 'street', { sid: string; personId: number }>;
}

interface Seen {
  sql: string;
  params: unknown[];
  times: number[];
}

fs.rmSync(COPY, { recursive: true, force: true });
fs.mkdirSync(COPY, { recursive: true });
fs.copyFileSync(path.join(DATA, 'yishi.db'), path.join(COPY, 'yishi.db'));
process.env.DATABASE_PATH = path.join(COPY, 'yishi.db');
const manifest = JSON.parse(fs.readFileSync(path.join(DATA, 'manifest.json'), 'utf8')) as Manifest;

/** Records every statement run while `fn` runs, per distinct SQL text. */
function recorder(raw: Database.Database) {
  let current: Map<string, Seen> | null = null;
  const proto = Object.getPrototypeOf(raw.prepare('select 1')) as Record<string, unknown>;
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      const t0 = performance.now();
      const out = original.apply(this, args);
      const ms = performance.now() - t0;
      if (current) {
        const seen = current.get(this.source) ?? { sql: this.source, params: args, times: [] };
        seen.times.push(ms);
        current.set(this.source, seen);
      }
      return out;
    };
  }
  return (fn: () => unknown) => {
    current = new Map();
    for (let i = 0; i < RUNS; i++) fn();
    const out = current;
    current = null;
    return [...out.values()];
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const { getDb } = await import('../db/client');
  const { listTopics, getTopic, topicSideData, topicTimeline, rolesOfPeople } = await import('../db/topics/read');
  const { listBuildings, findCompoundPlace, listVisibleCompounds } = await import('../db/places/places');
  const { listCommentPage } = await import('../db/discussion/discussion');
  const { getFollowThrough } = await import('../db/followthrough/read');
  const { unreadCount, listNotifications } = await import('../db/notifications/notifications');
  const { companyTasks, countCompanyTasks, escalationQueue } = await import('../db/followthrough/worklists');
  const { getVote, myVoterRows, voteTurnout } = await import('../db/voting/read');
  const { countReceipts } = await import('../db/voting/receipts');
  const { noticeBoard } = await import('../db/dashboard/board');
  const { figureTopics } = await import('../db/dashboard/lists');
  const { computeDashboard } = await import('../db/dashboard/load');
  const { findScope } = await import('../db/dashboard/scope');
  const { loadSessionActor } = await import('../db/auth/sessions');
  const { companyIdsOf } = await import('../lib/auth/permissions');
  const { parsePeriod } = await import('../lib/dashboard/period');

  const { migrateDatabase } = await import('../db/migrate');
  const db = getDb();
  // As the server does at start: a district generated before the newest migration gets its indexes.
  migrateDatabase(db);
  const record = recorder(db.$client);
  const c = manifest.compoundId;
  const resident = manifest.sessions.resident.personId;
  const place = findCompoundPlace(c);
  const property = loadSessionActor(manifest.sessions.property.sid)?.actor;
  const districtActor = loadSessionActor(manifest.sessions.district.sid)?.actor;
  if (!place || !property || !districtActor) throw new Error('the generated district lacks its benchmark people');
  const now = Date.now();
  const period = parsePeriod({}, now);
  const district = findScope('district', manifest.districtId);
  const compound = findScope('compound', c);
  if (!district || !compound) throw new Error('no district or compound');
  const building = listBuildings(c)[0]?.id;

  const pages: [string, () => unknown][] = [
    ['session', () => loadSessionActor(manifest.sessions.resident.sid)],
    ['header: unread count', () => unreadCount(resident)],
    ['topic list: newest', () => listTopics(c, { sort: 'new', page: 1 })],
    ['topic list: newest, page 20', () => listTopics(c, { sort: 'new', page: 20 })],
    ['topic list: most co-signed', () => listTopics(c, { sort: 'cosigns', page: 1 })],
    ['topic list: recently active', () => listTopics(c, { sort: 'active', page: 1 })],
    ['topic list: status filter', () => listTopics(c, { sort: 'new', page: 1, status: 'deliberating' })],
    ['topic list: category filter', () => listTopics(c, { sort: 'new', page: 1, category: 'repairs' })],
    ['topic list: building filter', () => listTopics(c, { sort: 'new', page: 1, building })],
    ['topic list: search (3+ characters)', () => listTopics(c, { sort: 'new', page: 1, q: '下水管' })],
    ['topic list: buildings', () => listBuildings(c)],
    [
      'topic page',
      () => {
        const t = getTopic(c, manifest.pageTopicId, resident);
        if (!t) throw new Error('no topic');
        const comments = listCommentPage(t.id, resident, null).comments;
        rolesOfPeople(place, [...new Set([t.authorId, ...comments.map((x) => x.authorId)])]);
        topicSideData(t.id);
        topicTimeline(t.id);
        getFollowThrough(t.id, resident);
      },
    ],
    [
      'result page (closed vote)',
      () => {
        const v = getVote(c, manifest.closedVoteId);
        if (!v) throw new Error('no vote');
        voteTurnout(v.id);
        myVoterRows(v.id, resident);
        countReceipts(v.id);
      },
    ],
    ['task list', () => [companyTasks(companyIdsOf(property), now), countCompanyTasks(companyIdsOf(property), now)]],
    ['task list, page 10', () => companyTasks(companyIdsOf(property), now, 10)],
    ['notifications', () => listNotifications(resident)],
    ['home: compounds', () => listVisibleCompounds(districtActor)],
    ['escalation queue (a street)', () => escalationQueue([], [manifest.streetId])],
    ['notice board', () => noticeBoard(c)],
    ['dashboard: district (uncached)', () => computeDashboard(district, 'full', period, 'onTime')],
    ['dashboard: compound (uncached)', () => computeDashboard(compound, 'full', period, 'onTime')],
    ['dashboard list: raised in the district', () => figureTopics(district, 'raised', period, {}, 1)],
  ];

  const flagged: string[] = [];
  for (const [name, fn] of pages) {
    fn(); // warm the page cache once
    const statements = record(fn);
    const total = statements.reduce((n, s) => n + median(s.times) * (s.times.length / RUNS), 0);
    console.log(`\n## ${name}: ${total.toFixed(2)} ms in SQL (median per run)`);
    for (const s of statements.sort((a, b) => median(b.times) - median(a.times))) {
      const plan = db.$client.prepare(`explain query plan ${s.sql}`).all(...(s.params as unknown[])) as {
        detail: string;
      }[];
      // A sort for ORDER BY reads every matching row before the first is returned; a bare SCAN reads a table.
      const sorts = plan.some((p) => /TEMP B-TREE FOR (LAST TERM OF )?ORDER BY/.test(p.detail));
      const scans = plan.some(
        (p) => /^SCAN \w+$/.test(p.detail) && !['page', 'd', 'r', 'st'].includes(p.detail.slice(5)),
      );
      const mark = sorts ? ' ⚠ sorts' : scans ? ' ⚠ scans' : '';
      console.log(`  ${median(s.times).toFixed(3)} ms${mark}  ${s.sql.replace(/\s+/g, ' ').trim().slice(0, 150)}`);
      for (const p of plan) console.log(`      ${p.detail}`);
      if (mark) flagged.push(`${name}: ${median(s.times).toFixed(3)} ms  ${plan.map((p) => p.detail).join(' | ')}`);
    }
  }
  console.log('\n## Plans that sort for ORDER BY or scan a table\n');
  for (const f of flagged) console.log(`- ${f}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
