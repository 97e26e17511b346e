/**
 * npm run fuzz:http — hostile requests over raw HTTP against the production server.
 *
 * Starts the built app the way it runs in production (scripts/serve.mjs, one worker) on the demo
 * district in a data directory of its own, signs in three people through the real login endpoint,
 * then sends the fixed regression cases and HTTP_FUZZ_REQUESTS generated requests (seeded) over bare
 * sockets: every route family, malformed encodings, control characters, overlong targets and
 * headers, odd methods, wrong bodies, forged server actions from foreign origins. Expected: never a
 * 5xx, never a dropped connection or a hang, every refusal with a message, the server up at the end,
 * and nothing in its log but the refusals it explains. Exit code 0 only if all hold.
 *
 * Options (environment): HTTP_FUZZ_REQUESTS (20000), HTTP_FUZZ_SEED (20261201),
 * HTTP_FUZZ_CONCURRENCY (4), HTTP_FUZZ_PORT (3420). `npm test` runs 2,000.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../lib/random';
import { waitForHealth } from './ballot-fixture';
import { FIXED } from './http-fuzz/fixed-cases';
import { prepareData, readActions, readIds, readStatics } from './http-fuzz/fixture';
import { type Outcome, judge, unexplainedLogLines } from './http-fuzz/judge';
import { type RawRequest, send } from './http-fuzz/raw-http';
import { FAMILIES, type Family, generate } from './http-fuzz/requests';
import type { FuzzContext } from './http-fuzz/vocabulary';
import { login } from './http-login';

const REQUESTS = Number(process.env.HTTP_FUZZ_REQUESTS ?? 20_000);
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 20261201);
const CONCURRENCY = Number(process.env.HTTP_FUZZ_CONCURRENCY ?? 4);
const PORT = Number(process.env.HTTP_FUZZ_PORT ?? 3420);
const TIMEOUT_MS = 30_000;
const dir = path.resolve(process.env.HTTP_FUZZ_DATA_DIR ?? 'bench/data/http-fuzz');
process.env.DATA_DIR = dir;

function startServer(log: string[]): ChildProcess {
  const server = spawn('node', ['scripts/serve.mjs', String(PORT), '127.0.0.1'], {
    env: { ...process.env, DATA_DIR: dir, SEED_DEMO: '1', WEB_CONCURRENCY: '1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [server.stdout, server.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      log.push(...lines);
    });
  }
  return server;
}

function summary(r: RawRequest): string {
  const target = JSON.stringify(r.target.toString()).slice(0, 160);
  const headers = r.headers.map(([n, v]) => `${n}: ${JSON.stringify(v.toString()).slice(0, 60)}`).join(' | ');
  const body = r.body ? ` body(${r.body.length}): ${JSON.stringify(r.body.subarray(0, 80).toString())}` : '';
  return `${r.method} ${target} [${headers.slice(0, 400)}]${body}`;
}

type Case = { family: Family | 'fixed'; request: RawRequest; expect?: readonly number[] };

/** Sends every case, CONCURRENCY at a time; stops early if the server dies. */
async function run(cases: readonly Case[], alive: () => boolean) {
  const counts = new Map<string, Map<string, number>>();
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length && alive()) {
      const index = next++;
      const c = cases[index];
      if (!c) break;
      let outcome: Outcome;
      try {
        outcome = judge(c.request, await send(PORT, c.request, TIMEOUT_MS), c.expect);
      } catch (error) {
        outcome = { ok: false, status: 'none', why: (error as Error).message };
      }
      const byStatus = counts.get(c.family) ?? new Map<string, number>();
      byStatus.set(String(outcome.status), (byStatus.get(String(outcome.status)) ?? 0) + 1);
      counts.set(c.family, byStatus);
      if (!outcome.ok) failures.push(`#${index} ${c.family}: ${outcome.why} — ${summary(c.request)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { counts, failures };
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  prepareData(dir);
  const log: string[] = [];
  const server = startServer(log);
  let exited = false;
  server.once('exit', () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(base);
    const people = ['13800000004', '13800000001', '13800000013']; // an owner, the secretary, the district admin
    const cookies = ['', ...(await Promise.all(people.map((m) => login(base, m, 'yishi2026'))))];
    const ctx: FuzzContext = {
      host: `127.0.0.1:${PORT}`,
      ...readIds(),
      actions: readActions(),
      statics: readStatics(),
      cookies,
    };
    const r = createRandom(SEED);
    const fixed = FIXED(ctx);
    const cases: Case[] = [
      ...fixed.map((c) => ({ family: 'fixed' as const, ...c })),
      ...Array.from({ length: REQUESTS }, (_, i) => {
        const family = FAMILIES[i % FAMILIES.length] ?? 'pages';
        return { family, request: generate(r, ctx, family) };
      }),
    ];
    const started = Date.now();
    const { counts, failures } = await run(cases, () => !exited);
    const seconds = (Date.now() - started) / 1000;
    const healthy =
      !exited &&
      (await fetch(`${base}/api/health`).then(
        (res) => res.ok,
        () => false,
      ));

    console.log(
      `\nHTTP fuzz: seed ${SEED}, ${cases.length} requests (${fixed.length} fixed), ${seconds.toFixed(1)} s, ${Math.round(cases.length / seconds)}/s`,
    );
    for (const [family, byStatus] of counts) {
      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      const statuses = [...byStatus].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}×${n}`);
      console.log(`  ${family.padEnd(9)} ${String(total).padStart(6)}  ${statuses.join(' ')}`);
    }
    const unexplained = unexplainedLogLines(log);
    // Everything, for reading at leisure: the console shows the first few.
    const file = path.join(dir, 'failures.log');
    fs.writeFileSync(file, [...failures, '', '── server log', ...log].join('\n'));
    for (const f of failures.slice(0, 40)) console.log(`FAIL ${f}`);
    for (const line of unexplained.slice(0, 40)) console.log(`SERVER LOG ${line}`);
    console.log(
      `server up at the end: ${healthy ? 'yes' : 'NO'}; failures: ${failures.length}; unexplained log entries: ${unexplained.length} (all in ${file})`,
    );
    if (failures.length > 0 || !healthy || unexplained.length > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
