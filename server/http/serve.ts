/**
 * The production server (docs/decisions/0009): Next's request handler on node:http, in
 * WEB_CONCURRENCY worker processes (default 1) sharing one port, so a multi-core machine renders
 * pages on every core. SQLite in WAL mode takes readers in parallel and serialises writers (every
 * write is BEGIN IMMEDIATE with a busy timeout).
 *
 * `npm run build` bundles this file, with everything it runs before Next's router (the client
 * address, the guard, the ballot fast path), into .next/yishi/serve.mjs (scripts/build-server.mjs);
 * scripts/serve.mjs starts that bundle:
 *
 *   node scripts/serve.mjs [port] [host]      (PORT, HOST, WEB_CONCURRENCY from the environment too)
 */
import cluster from 'node:cluster';
import { startPrimary } from './primary';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] ?? process.env.HOST ?? '0.0.0.0';
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));

// The primary of several workers only forks and watches them: it never loads Next, the database or
// the request code (a chunk of its own in the bundle), which would hold ~30 MB for nothing.
if (cluster.isPrimary && workers > 1) startPrimary(workers);
else await (await import('./worker')).startWorker({ port, hostname, workers });
