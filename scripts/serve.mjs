/**
 * Production server: Next's request handler on node:http, in WEB_CONCURRENCY worker processes
 * (default 1) sharing one port, so a multi-core machine renders pages on every core. SQLite in WAL
 * mode takes readers in parallel and serialises writers (every write is BEGIN IMMEDIATE with a busy
 * timeout). The first worker starts alone and applies migrations (and the demo seed) before the
 * others start; only it runs the clock.
 *
 *   node scripts/serve.mjs [port] [host]      (PORT, HOST, WEB_CONCURRENCY from the environment too)
 */
import cluster from 'node:cluster';
import http from 'node:http';
import next from 'next';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] ?? process.env.HOST ?? '0.0.0.0';
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1));

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  const fork = (index) => {
    const worker = cluster.fork({ YISHI_WORKER: String(index) });
    worker.on('exit', (code, signal) => {
      if (!stopping && signal !== 'SIGTERM' && code !== 0) {
        console.error(`[yishi] worker ${index} died (${signal ?? code}); restarting`);
        fork(index);
      }
    });
    return worker;
  };
  // The first worker migrates and seeds; the rest start once it is listening.
  fork(1).once('listening', () => {
    for (let i = 2; i <= workers; i++) fork(i);
  });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      stopping = true;
      const live = Object.values(cluster.workers ?? {}).filter(Boolean);
      // Leave only once every worker has closed the port.
      let left = live.length;
      if (left === 0) process.exit(0);
      for (const w of live) {
        w.once('exit', () => {
          if (--left === 0) process.exit(0);
        });
        w.kill('SIGTERM');
      }
    });
  }
} else {
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const fast = await bundled('fast-path.mjs', 'ballots go through Next');
  const guard = await bundled('http-guard.mjs', 'malformed requests are not screened');
  const server = http
    .createServer((req, res) => {
      // Malformed requests are answered here: Next would make 500s of them (docs/decisions/0012).
      if (guard?.screenRequest(req, res)) return;
      // Casting a ballot is answered here, by the same code as its route, without Next's pipeline.
      if (fast?.isBallotPost(req.method, req.url)) {
        fast.serveBallot(req, res);
        return;
      }
      handle(req, res);
    })
    .listen(port, hostname, () => {
      if (!cluster.isWorker || process.env.YISHI_WORKER === '1') {
        console.log(`[yishi] ready on http://${hostname}:${port} (${workers} worker${workers > 1 ? 's' : ''})`);
      }
    });
  guard?.guardServer(server);
  // Stop taking requests, let those in flight be answered (their writes committed), then leave; at most 5 s.
  for (const signal of cluster.isWorker ? ['SIGTERM'] : ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}

/** A module bundled by `npm run build` (scripts/build-endpoints.mjs); without it Next answers everything. */
async function bundled(file, withoutIt) {
  try {
    return await import(new URL(`../.next/yishi/${file}`, import.meta.url).href);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    console.warn(`[yishi] .next/yishi/${file} is missing (npm run build makes it); ${withoutIt}`);
    return null;
  }
}
