/**
 * npm run bench — the hot paths under load, against the app and against a bare ceiling.
 *
 * Needs `npm run bench:data` first. Builds the app (unless BENCH_NO_BUILD=1), and for each hot path
 * (bench/paths.ts) runs autocannon with BENCH_CONNECTIONS (50) connections for BENCH_SECONDS (10)
 * as a realistic user, on a fresh copy of the generated district: a resident's compound topic list,
 * a topic page with 200 comments, ballots cast into an open 10,000-holder owners' decision, the
 * result page of the closed one, the property company's task list, the district dashboard and big
 * screen watched by ten district staff; the four pages again at 10 connections. Then the same
 * against bench/bare.ts (node:http + better-sqlite3, the same queries, plain HTML, as many workers).
 * Also: SQL statements per page, whether a write is seen on the next dashboard view
 * (bench/freshness.ts), closing and counting a 10,000-holder decision, and the counting kernel on
 * 1,000,000 units. Prints a table and writes bench/results/<date>.json and .md.
 *
 * BENCH_SMOKE=1: a few seconds per path, nothing written to bench/results (npm test runs it).
 * BENCH_ONLY=text: only the paths whose name contains it (results are not written then).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { countOwnersDecision } from '../lib/voting/owners-decision';
import { freshness } from './freshness';
import {
  BASE,
  freshCopy,
  measure,
  type PathSpec,
  RUN,
  type Result,
  readManifest,
  start,
  stop,
  WORKERS,
  waitForHealth,
} from './harness';
import { addViewers, paths } from './paths';

const DATA = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/data/district');
const SMOKE = process.env.BENCH_SMOKE === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (SMOKE ? 1 : 10));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const manifest = readManifest(DATA);

async function sqlCounts(specs: PathSpec[], prepare: (file: string) => void) {
  freshCopy(DATA, prepare);
  const server = start('next', true);
  try {
    await waitForHealth(1);
    const counter = async () =>
      ((await (await fetch(`${BASE}/api/debug/sql-count`)).json()) as { count: number }).count;
    const statements = async (url: string, cookie: string) => {
      const before = await counter();
      const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      await res.text();
      return (await counter()) - before;
    };
    const out: Record<string, number | string> = {};
    for (const s of specs.filter((x) => x.method === 'GET' && !x.name.endsWith('10 connections'))) {
      await statements(s.url, s.cookie); // warm up (session touch, caches)
      if (s.url.startsWith('/d/')) {
        // A dashboard view rendered (an address the page cache has not seen; figures memoised), and one from the page cache.
        const rendered = await statements(`${s.url}?view=sql-count`, s.cookie);
        out[s.name] = `${rendered} / ${await statements(s.url, s.cookie)}`;
      } else {
        out[s.name] = await statements(s.url, s.cookie);
      }
    }
    return out;
  } finally {
    await stop(server);
  }
}

/** Closing and counting the 10,000-holder decision (after the ballot run), and the kernel at 1,000,000 units. */
async function counting() {
  freshCopy(DATA);
  process.env.DATABASE_PATH = path.join(RUN, 'yishi.db');
  const { getDb } = await import('../db/client');
  const { migrateDatabase } = await import('../db/migrate');
  const { closeVote } = await import('../db/voting/close');
  const db = getDb();
  // As the server does at start: the schema of the newest migration.
  migrateDatabase(db);
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
  app: Record<string, Result>,
  bare: Record<string, Result>,
  sql: Record<string, number | string>,
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
  // Ten district staff watch the dashboards: the nine besides the manifest's are added to each copy.
  let viewers: { sid: string; personId: number }[] = [];
  const prepare = (file: string) => {
    viewers = addViewers(file, manifest);
  };
  freshCopy(DATA, prepare);
  const specs = (await paths(manifest, viewers)).filter((s) => !only || s.name.includes(only));
  const sql = await sqlCounts(specs, prepare);
  const app = await measure('next', DATA, specs, SECONDS, CONNECTIONS, prepare);
  const bare = await measure('bare', DATA, specs, SECONDS, CONNECTIONS, prepare);
  const fresh = only ? null : await freshness(DATA, manifest);
  const counts = await counting();
  const md = table(specs, app, bare, sql);
  console.log(`\n${md}\n`);
  console.log(
    `close and count a 10,000-holder decision: ${counts.closeAndCount10kMs} ms; counting kernel, ${counts.kernelUnits.toLocaleString('en')} units: ${counts.kernelMs} ms; district dashboard uncached: ${counts.districtDashboardUncachedMs} ms`,
  );
  const freshLine = fresh
    ? `A write seen on the next dashboard view: a ballot, then the compound's dashboard ${fresh.ballotThenCompoundDashboard.seen}/${fresh.ballotThenCompoundDashboard.of} (that view ${fresh.ballotThenCompoundDashboard.ms.join(', ')} ms); a topic raised by another process, then the district dashboard ${fresh.topicThenDistrictDashboard.seen}/${fresh.topicThenDistrictDashboard.of} (${fresh.topicThenDistrictDashboard.ms.join(', ')} ms).`
    : '';
  if (fresh) console.log(freshLine);
  const unseen = fresh
    ? fresh.ballotThenCompoundDashboard.of -
      fresh.ballotThenCompoundDashboard.seen +
      fresh.topicThenDistrictDashboard.of -
      fresh.topicThenDistrictDashboard.seen
    : 0;
  if (unseen > 0) throw new Error(`${unseen} writes were not seen on the next dashboard view`);
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
    freshness: fresh,
    counting: counts,
  };
  fs.writeFileSync(`bench/results/${date}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(
    `bench/results/${date}.md`,
    `# Benchmark ${date}\n\n${CONNECTIONS} connections, ${SECONDS} s per path, app on ${WORKERS} worker(s), ${report.machine.cpus} cores, Node ${process.version}; data seed ${manifest.seed}, scale ${manifest.scale}.\n\nDashboards are measured with 10 connections (10 district staff, each with a session of their own), as their target says; the four pages marked so also at 10 connections. The ceiling runs ${WORKERS} worker(s) too.\n\n${md}\n\n${freshLine}\n\nClose and count a 10,000-holder owners' decision: ${counts.closeAndCount10kMs} ms. Counting kernel on ${counts.kernelUnits.toLocaleString('en')} units: ${counts.kernelMs} ms. District dashboard computed without its memo: ${counts.districtDashboardUncachedMs} ms (median of five).\n`,
  );
  console.log(`written bench/results/${date}.json and .md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
