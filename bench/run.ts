/**
 * npm run bench — the hot paths under load, against the app and against a bare ceiling.
 *
 * Needs `npm run bench:data` first. Copies the generated database, builds the app (unless
 * BENCH_NO_BUILD=1), and for each hot path runs autocannon with BENCH_CONNECTIONS (50) connections
 * for BENCH_SECONDS (10) as a realistic user: a resident's compound topic list, a topic page with
 * 200 comments, casting ballots into an open 10,000-holder owners' decision (a different holder each
 * request), the result page of the closed 10,000-holder decision, and the property company's task
 * list. Then the same against bench/bare.ts (node:http + better-sqlite3, same queries, plain HTML).
 * Also: SQL statements per page, closing and counting a 10,000-holder decision, and the counting
 * kernel on 1,000,000 units. Prints a table and writes bench/results/<date>.json and .md.
 *
 * BENCH_SMOKE=1: a few seconds per path, nothing written to bench/results (npm test runs it).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';
import { countOwnersDecision } from '../lib/voting/owners-decision';

const DATA = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/data/district');
const RUN = path.resolve('bench/data/run');
const SMOKE = process.env.BENCH_SMOKE === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3430);
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
/** Worker processes of the app server (scripts/serve.mjs → server/http/serve.ts): one per core on this machine. */
const WORKERS = Number(process.env.WEB_CONCURRENCY ?? 2);

interface Manifest {
  counts: Record<string, number>;
  scale: number;
  seed: number;
  compoundId: number;
  pageTopicId: number;
  hotTopicId: number;
  closedVoteId: number;
  openVoteId: number;
  districtId: number;
  streetId: number;
  voters: { sid: string; personId: number; voterKey: string }[];
  sessions: Record<'resident' | 'property' | 'secretary' | 'district' | 'street', { sid: string; personId: number }>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(DATA, 'manifest.json'), 'utf8')) as Manifest;

async function cookieFor(s: { sid: string; personId: number }) {
  const token = await encode({ token: { sub: String(s.personId), sid: s.sid }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

/** A fresh copy of the generated database, with its benchmark sessions made current. */
function freshCopy() {
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(RUN, { recursive: true });
  fs.copyFileSync(path.join(DATA, 'yishi.db'), path.join(RUN, 'yishi.db'));
  const db = new Database(path.join(RUN, 'yishi.db'));
  db.prepare("update sessions set created_at = ?, last_seen_at = ? where id like 'bench-%'").run(
    Date.now(),
    Date.now(),
  );
  db.close();
}

function start(kind: 'next' | 'bare', countSql = false) {
  const env = {
    ...process.env,
    DATA_DIR: RUN,
    DATABASE_PATH: path.join(RUN, 'yishi.db'),
    NEXTAUTH_SECRET: SECRET,
    SEED_DEMO: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    YISHI_COUNT_SQL: countSql ? '1' : '0',
    // One worker when counting statements: the count lives in the process that served the page.
    WEB_CONCURRENCY: String(countSql ? 1 : WORKERS),
  };
  const args =
    kind === 'next'
      ? ['scripts/serve.mjs', String(PORT), '127.0.0.1']
      : ['--conditions=react-server', '--import', 'tsx', 'bench/bare.ts', String(PORT)];
  return spawn('node', args, { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}

async function waitForHealth() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

async function stop(server: ReturnType<typeof start>) {
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(-(server.pid ?? 0), 'SIGTERM');
  await exited;
  // Until nothing answers on the port any more (workers may outlive the primary by a moment).
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${PORT}/api/health`);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      return;
    }
  }
}

/** Peak resident memory of the server — all its processes together — sampled every 200 ms. */
function watchMemory(pgid: number) {
  let peakKb = 0;
  const timer = setInterval(() => {
    let sum = 0;
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== pgid) continue;
        sum += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {}
    }
    peakKb = Math.max(peakKb, sum);
  }, 200);
  return () => {
    clearInterval(timer);
    return Math.round(peakKb / 1024);
  };
}

interface PathSpec {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  cookie: string;
  /** Concurrent connections, when not BENCH_CONNECTIONS (dashboards: 10 viewers). */
  connections?: number;
  /** POST ballots: a different holder each request. */
  ballots?: { cookie: string; voterKey: string }[];
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

async function load(spec: PathSpec): Promise<Measured> {
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  const expected = spec.method === 'POST' ? 201 : 200;
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${PORT}${spec.url}`,
    connections: spec.connections ?? CONNECTIONS,
    duration: SECONDS,
    ...(spec.ballots ? { amount: spec.ballots.length } : {}),
    method: spec.method,
    headers: { cookie: spec.cookie, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          if (!spec.ballots) return req;
          const v = spec.ballots[next++ % spec.ballots.length];
          return {
            ...req,
            headers: { ...req.headers, cookie: v?.cookie ?? '' },
            body: JSON.stringify({ voterKey: v?.voterKey, choice: [next % 5 === 0 ? 'disagree' : 'agree'] }),
          };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status !== expected) errors++;
    });
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(times.length / Math.max(0.001, result.duration)),
    p50: Math.round(percentile(times, 50) * 10) / 10,
    p95: Math.round(percentile(times, 95) * 10) / 10,
    p99: Math.round(percentile(times, 99) * 10) / 10,
    requests: times.length,
    errors: errors + result.errors + result.timeouts,
  };
}

async function paths(): Promise<PathSpec[]> {
  const c = manifest.compoundId;
  const resident = await cookieFor(manifest.sessions.resident);
  const property = await cookieFor(manifest.sessions.property);
  const district = await cookieFor(manifest.sessions.district);
  const voters = await Promise.all(
    manifest.voters.map(async (v) => ({ cookie: await cookieFor(v), voterKey: v.voterKey })),
  );
  return [
    { name: 'topic list (compound)', method: 'GET', url: `/c/${c}/topics`, cookie: resident },
    {
      name: 'topic page (200 comments)',
      method: 'GET',
      url: `/c/${c}/topics/${manifest.pageTopicId}`,
      cookie: resident,
    },
    {
      name: "cast ballot (owners' decision)",
      method: 'POST',
      url: `/api/compounds/${c}/votes/${manifest.openVoteId}/ballots`,
      cookie: '',
      ballots: voters,
    },
    {
      name: 'result page (10,000 holders)',
      method: 'GET',
      url: `/c/${c}/votes/${manifest.closedVoteId}`,
      cookie: resident,
    },
    { name: 'property task list', method: 'GET', url: '/tasks', cookie: property },
    {
      name: 'district dashboard (10 viewers)',
      method: 'GET',
      url: `/d/district/${manifest.districtId}`,
      cookie: district,
      connections: 10,
    },
    {
      name: 'big screen, district (10 viewers)',
      method: 'GET',
      url: `/d/district/${manifest.districtId}/screen`,
      cookie: district,
      connections: 10,
    },
  ];
}

async function sqlCounts(specs: PathSpec[]) {
  freshCopy();
  const server = start('next', true);
  try {
    await waitForHealth();
    const counter = async () =>
      ((await (await fetch(`http://127.0.0.1:${PORT}/api/debug/sql-count`)).json()) as { count: number }).count;
    const out: Record<string, number> = {};
    for (const s of specs.filter((x) => x.method === 'GET')) {
      await fetch(`http://127.0.0.1:${PORT}${s.url}`, { headers: { cookie: s.cookie } });
      const before = await counter();
      const res = await fetch(`http://127.0.0.1:${PORT}${s.url}`, { headers: { cookie: s.cookie } });
      if (res.status !== 200) throw new Error(`${s.url} answered ${res.status}`);
      await res.text();
      out[s.name] = (await counter()) - before;
    }
    return out;
  } finally {
    await stop(server);
  }
}

async function measure(kind: 'next' | 'bare', specs: PathSpec[]) {
  const out: Record<string, Measured & { peakRssMb: number }> = {};
  for (const spec of specs) {
    // Every path on a fresh copy, so the ballot run always finds 10,000 holders who have not voted.
    freshCopy();
    const server = start(kind);
    try {
      await waitForHealth();
      // Warm up: compile paths, fill caches.
      for (let i = 0; i < 3; i++)
        await fetch(`http://127.0.0.1:${PORT}${spec.method === 'GET' ? spec.url : '/api/health'}`, {
          headers: { cookie: spec.cookie },
        });
      const memory = watchMemory(server.pid ?? 0);
      const m = await load(spec);
      out[spec.name] = { ...m, peakRssMb: memory() };
      process.stdout.write(
        `${kind}\t${spec.name}\t${m.requestsPerSecond} req/s\tp95 ${m.p95} ms\terrors ${m.errors}\n`,
      );
    } finally {
      await stop(server);
    }
  }
  return out;
}

/** Closing and counting the 10,000-holder decision (after the ballot run), and the kernel at 1,000,000 units. */
async function counting() {
  freshCopy();
  process.env.DATABASE_PATH = path.join(RUN, 'yishi.db');
  const { getDb } = await import('../db/client');
  const { closeVote } = await import('../db/voting/close');
  const db = getDb();
  const voters = db.$client
    .prepare('select voter_key as k, person_id as p from vote_voters where vote_id = ? order by voter_key')
    .all(manifest.openVoteId) as { k: string; p: number }[];
  const insert =
    db.$client.prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
    values (?, ?, ?, 'online', ?, ?, ?, ?)`);
  db.$client.transaction(() => {
    voters.forEach((v, i) => {
      if (i % 10 < 7)
        insert.run(
          manifest.openVoteId,
          v.k,
          JSON.stringify([i % 4 ? 'agree' : 'disagree']),
          v.p,
          `R${i}`,
          Date.now(),
          Date.now(),
        );
    });
  })();
  const t0 = performance.now();
  closeVote(manifest.compoundId, manifest.openVoteId, null, Date.now());
  const closeMs = performance.now() - t0;

  // The district dashboard computed without its per-version memo: what each view would cost if the
  // database changed between every two views (median of five).
  const { computeDashboard } = await import('../db/dashboard/load');
  const { findScope } = await import('../db/dashboard/scope');
  const { parsePeriod } = await import('../lib/dashboard/period');
  const district = findScope('district', manifest.districtId);
  const dashboardRuns: number[] = [];
  for (let i = 0; i < 5 && district; i++) {
    const d0 = performance.now();
    computeDashboard(district, 'full', parsePeriod({}, Date.now()), 'onTime');
    dashboardRuns.push(performance.now() - d0);
  }
  dashboardRuns.sort((a, b) => a - b);
  db.$client.close();

  const UNITS = SMOKE ? 10_000 : 1_000_000;
  const units = Array.from({ length: UNITS }, (_, i) => ({
    unitId: `u${i}`,
    holderId: `h${i % Math.floor(UNITS * 0.9)}`,
    area: `${60 + (i % 90)}.${String(i % 100).padStart(2, '0')}`,
  }));
  const holders = Math.floor(UNITS * 0.9);
  const ballots = Array.from({ length: Math.floor(holders * 0.8) }, (_, i) => ({
    holderId: `h${i}`,
    choice: (i % 3 === 0 ? 'disagree' : 'agree') as 'agree' | 'disagree',
  }));
  const k0 = performance.now();
  countOwnersDecision({ matter: 'special', units, ballots });
  const kernelMs = performance.now() - k0;
  return {
    closeAndCount10kMs: Math.round(closeMs * 10) / 10,
    kernelUnits: UNITS,
    kernelMs: Math.round(kernelMs),
    districtDashboardUncachedMs: Math.round(dashboardRuns[2] ?? 0),
  };
}

function table(
  specs: PathSpec[],
  app: Record<string, Measured & { peakRssMb: number }>,
  bare: Record<string, Measured & { peakRssMb: number }>,
  sql: Record<string, number>,
) {
  const lines = [
    '| path | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB | SQL/page | ceiling req/s | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of specs) {
    const a = app[s.name];
    const b = bare[s.name];
    if (!a || !b) continue;
    lines.push(
      `| ${s.name} | ${a.requestsPerSecond} | ${a.p50} | ${a.p95} | ${a.p99} | ${a.errors} | ${a.peakRssMb} | ${sql[s.name] ?? '—'} | ${b.requestsPerSecond} | ${(a.requestsPerSecond / Math.max(1, b.requestsPerSecond)).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!SMOKE && process.env.BENCH_NO_BUILD !== '1') {
    execFileSync('npm', ['run', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
  } else if (!fs.existsSync('.next/BUILD_ID') || !fs.existsSync('.next/yishi/serve.mjs')) {
    throw new Error('no build: run npm run build first');
  }
  // BENCH_ONLY=dashboard: just the paths whose name contains it (results are not written then).
  const only = process.env.BENCH_ONLY;
  const specs = (await paths()).filter((s) => !only || s.name.includes(only));
  const sql = await sqlCounts(specs);
  const app = await measure('next', specs);
  const bare = await measure('bare', specs);
  const counts = await counting();
  const md = table(specs, app, bare, sql);
  console.log(`\n${md}\n`);
  console.log(
    `close and count a 10,000-holder decision: ${counts.closeAndCount10kMs} ms; counting kernel, ${counts.kernelUnits.toLocaleString('en')} units: ${counts.kernelMs} ms; district dashboard uncached: ${counts.districtDashboardUncachedMs} ms`,
  );
  const errors = Object.values(app).reduce((n, m) => n + m.errors, 0);
  if (SMOKE || only) {
    if (errors > 0) throw new Error(`${errors} errors in the run`);
    console.log(SMOKE ? 'bench smoke: ok' : 'partial run: results not written');
    return;
  }
  const date = new Date().toISOString().slice(0, 10);
  fs.mkdirSync('bench/results', { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    data: { seed: manifest.seed, scale: manifest.scale, counts: manifest.counts },
    connections: CONNECTIONS,
    secondsPerPath: SECONDS,
    appWorkers: WORKERS,
    app,
    ceiling: bare,
    sqlStatementsPerPage: sql,
    counting: counts,
  };
  fs.writeFileSync(`bench/results/${date}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(
    `bench/results/${date}.md`,
    `# Benchmark ${date}\n\n${CONNECTIONS} connections, ${SECONDS} s per path, app on ${WORKERS} worker(s), ${report.machine.cpus} cores, Node ${process.version}; data seed ${manifest.seed}, scale ${manifest.scale}.\n\nDashboards are measured with 10 connections (10 viewers), as their target says.\n\n${md}\n\nClose and count a 10,000-holder owners' decision: ${counts.closeAndCount10kMs} ms. Counting kernel on ${counts.kernelUnits.toLocaleString('en')} units: ${counts.kernelMs} ms. District dashboard computed without its memo: ${counts.districtDashboardUncachedMs} ms (median of five).\n`,
  );
  console.log(`written bench/results/${date}.json and .md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
