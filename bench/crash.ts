/**
 * npm run bench:crash — nothing acknowledged is ever lost.
 *
 * Starts the production server on a database with an open owners' decision, has CRASH_CLIENTS
 * concurrent clients cast ballots (a different holder each time), and kills the server with
 * SIGKILL at a random moment CRASH_KILLS times (default 20), restarting it each time. Then it checks
 * that every ballot whose request was acknowledged (201 with a receipt code) is in the database with
 * that receipt code, that no holder has two ballots, that PRAGMA integrity_check is ok, and that the
 * audit trail's hash chain is unbroken. Exit code 0 only if all hold.
 *
 * Each holder votes once, so the holders are shared out over the rounds, and a round's kill comes at
 * a random moment in its time (0.2–1.5 s) or once a random number of its share's ballots have been
 * answered, whichever is first: a fast machine casts its share sooner and is killed sooner, never
 * running out of holders, and the kill still finds a ballot in flight. With fewer holders than kills
 * some rounds have none to cast: they still kill and restart the server, and the report counts them.
 *
 * Options (environment): CRASH_KILLS (20), CRASH_HOLDERS (200 per kill), CRASH_CLIENTS (16),
 * CRASH_PORT (3410).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { auditLog } from '../db/schema';
import { findBrokenLink } from '../lib/audit/hash';
import { SECRET, setupBallots, waitForHealth } from './ballot-fixture';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const HOLDERS = Number(process.env.CRASH_HOLDERS ?? 200 * KILLS);
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 16);
const PORT = Number(process.env.CRASH_PORT ?? 3410);
const dir = path.resolve('bench/data/crash');
process.env.DATABASE_PATH = path.join(dir, 'yishi.db');

function startServer() {
  // Its own process group, so SIGKILL takes the whole server down at once, mid-write if so be it.
  return spawn('node', ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, DATA_DIR: dir, NEXTAUTH_SECRET: SECRET, SEED_DEMO: '0', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

async function main() {
  const ctx = await setupBallots(dir, HOLDERS);
  if (!fs.existsSync('.next/BUILD_ID')) execFileSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
  const base = `http://127.0.0.1:${PORT}`;
  const url = `${base}/api/compounds/${ctx.compoundId}/votes/${ctx.voteId}/ballots`;
  const acknowledged = new Map<string, string>(); // voterKey → receipt code
  let next = 0;
  let sent = 0;
  let failed = 0;
  let killsDone = 0;
  let roundsWithoutBallots = 0;

  for (let round = 0; round < KILLS; round++) {
    // This round's share of the holders not yet used, and after how many of its ballots are answered
    // the kill comes: at least one answered (so something may be acknowledged) and one still in flight.
    const share = Math.floor((ctx.cookies.length - next) / (KILLS - round));
    const roundEnd = next + share;
    const killAfter = share >= 2 ? 1 + Math.floor(Math.random() * (share - 1)) : 0;
    let answered = 0;
    if (share === 0) roundsWithoutBallots++;
    let ballotsFlowing: () => void = () => {};
    const killTime = new Promise<void>((r) => {
      ballotsFlowing = r;
    });
    const server = startServer();
    const exited = new Promise((r) => server.once('exit', r));
    await waitForHealth(base);
    let alive = true;
    const client = async () => {
      while (alive && next < roundEnd) {
        const v = ctx.cookies[next++];
        if (!v) break;
        sent++;
        if (answered >= killAfter) ballotsFlowing(); // a share of one: killed with its ballot in flight
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: v.cookie },
            body: JSON.stringify({ voterKey: v.voterKey, choice: ['agree'] }),
          });
          const body = (await res.json()) as { receiptCode?: string; data?: { receiptCode?: string } };
          const code = body.receiptCode ?? body.data?.receiptCode;
          if (res.status === 201 && code) acknowledged.set(v.voterKey, code);
          else failed++;
        } catch {
          failed++; // the connection died with the server: not acknowledged, so nothing is promised
        }
        if (++answered >= killAfter) ballotsFlowing();
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    // A random moment while ballots are flowing (on a slow machine the time comes first).
    await Promise.race([new Promise((r) => setTimeout(r, 200 + Math.random() * 1300)), killTime]);
    process.kill(-(server.pid ?? 0), 'SIGKILL');
    killsDone++;
    alive = false;
    await exited;
    await Promise.all(clients);
    process.stdout.write(`kill ${killsDone}/${KILLS}: ${sent} sent, ${acknowledged.size} acknowledged so far\n`);
  }

  const db = new Database(path.join(dir, 'yishi.db'));
  const integrity = db.pragma('integrity_check', { simple: true });
  const rows = db
    .prepare('select voter_key as k, receipt_code as r from ballots where vote_id = ?')
    .all(ctx.voteId) as {
    k: string;
    r: string;
  }[];
  const stored = new Map(rows.map((r) => [r.k, r.r]));
  const missing = [...acknowledged].filter(([k, code]) => stored.get(k) !== code);
  const duplicates = (
    db
      .prepare(
        'select count(*) as n from (select voter_key from ballots group by vote_id, voter_key having count(*) > 1)',
      )
      .get() as { n: number }
  ).n;
  db.close();
  const audit = openDatabase(path.join(dir, 'yishi.db'))
    .select()
    .from(auditLog)
    .where(eq(auditLog.compoundId, ctx.compoundId))
    .orderBy(asc(auditLog.id))
    .all();
  const brokenAt = findBrokenLink(audit);
  const report = {
    kills: killsDone,
    holders: ctx.cookies.length,
    roundsWithoutBallots,
    requestsSent: sent,
    acknowledged: acknowledged.size,
    notAcknowledged: failed,
    storedBallots: stored.size,
    acknowledgedButMissing: missing.length,
    duplicateBallots: duplicates,
    integrityCheck: integrity,
    auditEntries: audit.length,
    auditChainIntact: brokenAt === null,
  };
  console.log(JSON.stringify(report, null, 2));
  const ok = missing.length === 0 && duplicates === 0 && integrity === 'ok' && brokenAt === null && killsDone === KILLS;
  console.log(ok ? 'PASS: every acknowledged ballot survived' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
