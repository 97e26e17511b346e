/**
 * What the benchmark scripts share (bench/run.ts, bench/scaling.ts): the generated district's
 * manifest, a fresh copy of its database per path, the app or the bare ceiling started on it and
 * stopped again, autocannon's load with exact percentiles, and the server's peak memory.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';

export const RUN = path.resolve('bench/data/run');
export const PORT = Number(process.env.BENCH_PORT ?? 3430);
export const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';
/** Worker processes of the app server (scripts/serve.mjs → server/http/serve.ts) and of the ceiling: one per core here. */
export const WORKERS = Number(process.env.WEB_CONCURRENCY ?? 2);
export const BASE = `http://127.0.0.1:${PORT}`;

export interface Manifest {
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

export function readManifest(dataDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as Manifest;
}

export async function cookieFor(s: { sid: string; personId: number }) {
  const token = await encode({ token: { sub: String(s.personId), sid: s.sid }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

/** A fresh copy of the generated database, with its benchmark sessions made current. */
export function freshCopy(dataDir: string, prepare?: (file: string) => void) {
  fs.rmSync(RUN, { recursive: true, force: true });
  fs.mkdirSync(RUN, { recursive: true });
  fs.copyFileSync(path.join(dataDir, 'yishi.db'), path.join(RUN, 'yishi.db'));
  prepare?.(path.join(RUN, 'yishi.db'));
  const db = new Database(path.join(RUN, 'yishi.db'));
  db.prepare("update sessions set created_at = ?, last_seen_at = ? where id like 'bench-%'").run(
    Date.now(),
    Date.now(),
  );
  db.close();
}

export type Server = ReturnType<typeof start>;

export function start(kind: 'next' | 'bare', countSql = false) {
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

/**
 * Until every worker answers. The app starts its other workers once the first has migrated; load
 * started before they listen would keep all its keep-alive connections on the first worker. Each
 * fetch is a new connection, which the cluster hands to the workers in turn.
 */
export async function waitForHealth(workers = WORKERS) {
  const seen = new Set<number>();
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${BASE}/api/health`, { headers: { connection: 'close' } });
      if (res.ok) {
        const body = (await res.json()) as { worker?: number };
        // The bare ceiling forks all its workers at once and does not say which answered.
        if (body.worker === undefined) return;
        seen.add(body.worker);
        if (seen.size >= workers) return;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

export async function stop(server: Server) {
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(-(server.pid ?? 0), 'SIGTERM');
  await exited;
  // Until nothing answers on the port any more (workers may outlive the primary by a moment).
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${BASE}/api/health`);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      return;
    }
  }
}

/** Peak resident memory of the server — all its processes together — sampled every 200 ms. */
export function watchMemory(pgid: number) {
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

export interface PathSpec {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  cookie: string;
  /** Concurrent connections, when not the run's default (dashboards: 10 viewers). */
  connections?: number;
  /** POST ballots: a different holder each request. */
  ballots?: { cookie: string; voterKey: string }[];
  /** GET as several people: each connection's requests take the next cookie in turn. */
  viewers?: string[];
}

export interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0) : 0;

export async function load(spec: PathSpec, seconds: number, connections: number): Promise<Measured> {
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  const expected = spec.method === 'POST' ? 201 : 200;
  const options: autocannon.Options = {
    url: `${BASE}${spec.url}`,
    connections: spec.connections ?? connections,
    duration: seconds,
    ...(spec.ballots ? { amount: spec.ballots.length } : {}),
    method: spec.method,
    headers: { cookie: spec.cookie, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          if (spec.viewers?.length) {
            return { ...req, headers: { ...req.headers, cookie: spec.viewers[next++ % spec.viewers.length] ?? '' } };
          }
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

export type Result = Measured & { peakRssMb: number };

/** Each path on a fresh copy of the data and a fresh server (so the ballot run always finds holders who have not voted). */
export async function measure(
  kind: 'next' | 'bare',
  dataDir: string,
  specs: PathSpec[],
  seconds: number,
  connections: number,
  prepare?: (file: string) => void,
): Promise<Record<string, Result>> {
  const out: Record<string, Result> = {};
  for (const spec of specs) {
    freshCopy(dataDir, prepare);
    const server = start(kind);
    try {
      await waitForHealth();
      // Warm up: compile paths, fill caches.
      for (let i = 0; i < 3; i++)
        await fetch(`${BASE}${spec.method === 'GET' ? spec.url : '/api/health'}`, { headers: { cookie: spec.cookie } });
      const memory = watchMemory(server.pid ?? 0);
      const m = await load(spec, seconds, connections);
      out[spec.name] = { ...m, peakRssMb: memory() };
      process.stdout.write(
        `${kind}\t${spec.name}\t${m.requestsPerSecond} req/s\tp95 ${m.p95} ms\terrors ${m.errors}\tpeak RSS ${out[spec.name]?.peakRssMb} MB\n`,
      );
    } finally {
      await stop(server);
    }
  }
  return out;
}
