/**
 * npm run bench:ballots — casting ballots through the real server path.
 *
 * Builds a compound of 10,000 holders (each with a login session) in its own database file, opens
 * an owners' decision, starts the production server on it, and lets 50 connections cast one ballot
 * for every holder (or BENCH_SECONDS × 2000 at most), a different holder for every request. Then checks that every acknowledged ballot is in
 * the database, and times closing and counting the 10,000-holder vote.
 *
 * Options (environment): BENCH_HOLDERS (10000), BENCH_SECONDS (20), BENCH_CONNECTIONS (50), BENCH_PORT (3400).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { closeVote, countInputOf } from '../db/voting/close';
import * as s from '../db/schema';
import { countVote } from '../lib/voting/count';
import { SECRET, setupBallots, waitForHealth } from './ballot-fixture';

const HOLDERS = Number(process.env.BENCH_HOLDERS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const dir = path.resolve('bench/data/ballots');
// The query functions use the process-wide connection: point it at the bench database.
process.env.DATABASE_PATH = path.join(dir, 'yishi.db');

function peakRss(pid: number, peak: { kb: number }) {
  const timer = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak.kb = Math.max(peak.kb, kb);
    } catch {}
  }, 250);
  return () => clearInterval(timer);
}

async function main() {
  const t0 = performance.now();
  const ctx = await setupBallots(dir, HOLDERS);
  console.log(`setup: ${HOLDERS} holders, vote ${ctx.voteId} open (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (!fs.existsSync('.next/yishi/serve.mjs')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  // BENCH_PROFILE=1 writes a CPU profile of the server to bench/data/prof when it exits.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('bench/data/prof')}`] : [];
  const server = spawn('node', [...profile, 'scripts/serve.mjs', String(PORT), '127.0.0.1'], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      NEXTAUTH_SECRET: SECRET,
      SEED_DEMO: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '2',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  const peak = { kb: 0 };
  try {
    await waitForHealth(base);
    // serve.mjs forks its workers; sample the whole process group's largest member.
    const stop = peakRss(server.pid ?? 0, peak);
    const childPids = () => {
      try {
        return execFileSync('pgrep', ['-P', String(server.pid)])
          .toString()
          .trim()
          .split('\n')
          .filter(Boolean)
          .map(Number);
      } catch {
        return []; // one process serves
      }
    };
    const stops = [stop, ...childPids().map((pid) => peakRss(pid, peak))];
    let next = 0;
    let acknowledged = 0;
    const result = await autocannon({
      url: `${base}/api/compounds/${ctx.compoundId}/votes/${ctx.voteId}/ballots`,
      connections: CONNECTIONS,
      // One request per holder: every ballot is a first ballot (a repeat would rightly be refused).
      amount: Math.min(ctx.cookies.length, Math.round(SECONDS * 2000)),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            const v = ctx.cookies[next++ % ctx.cookies.length];
            if (!v) return req;
            const choice = next % 5 === 0 ? 'disagree' : 'agree';
            return {
              ...req,
              headers: { ...req.headers, cookie: v.cookie },
              body: JSON.stringify({ voterKey: v.voterKey, choice: [choice] }),
            };
          },
          onResponse: (status) => {
            if (status === 201) acknowledged++;
          },
        },
      ],
    });
    for (const s of stops) s();
    const db = getDb();
    const stored = db.$client.prepare('select count(*) as n from ballots where vote_id = ?').get(ctx.voteId) as {
      n: number;
    };
    const vote = db.select().from(s.votes).where(eq(s.votes.id, ctx.voteId)).get();
    if (!vote) throw new Error('vote vanished');
    const input = countInputOf(db, vote);
    const c0 = performance.now();
    countVote(input);
    const countMs = performance.now() - c0;
    const k0 = performance.now();
    closeVote(ctx.compoundId, ctx.voteId, ctx.chairId, Date.now());
    const closeMs = performance.now() - k0;
    const report = {
      path: `POST ballot (owners' decision, ${HOLDERS} holders)`,
      requests: result.requests.total,
      seconds: result.duration,
      requestsPerSecond: result.requests.average,
      // autocannon reports p97.5, not p95: the stricter figure is shown against the p95 target.
      latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      acknowledged,
      storedBallots: stored.n,
      durable: stored.n >= acknowledged,
      peakServerRssMb: Math.round(peak.kb / 1024),
      countMs: Number(countMs.toFixed(1)),
      closeAndCountMs: Number(closeMs.toFixed(1)),
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
