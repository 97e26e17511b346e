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
  // A bad TRUSTED_PROXIES stops the server here, rather than killing each worker as it starts.
  await clientAddressRule();
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
  const pinClientAddress = await clientAddressRule();
  const fast = await fastPath();
  const guard = await bundled('http-guard');
  if (!guard)
    console.warn(
      '[yishi] .next/yishi/http-guard.mjs is missing (npm run build makes it); malformed requests are not screened',
    );
  const server = http
    .createServer((req, res) => {
      // Before anything reads it: the one address the client really has (docs/decisions/0014).
      pinClientAddress(req);
      // Malformed requests are answered here: Next would make 500s of them (docs/decisions/0015).
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

/** A module bundled by `npm run build` (scripts/build-endpoints.mjs) into .next/yishi/, or null. */
async function bundled(name) {
  try {
    return await import(new URL(`../.next/yishi/${name}.mjs`, import.meta.url).href);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return null;
  }
}

/** The ballot endpoint; without its bundle Next answers everything. */
async function fastPath() {
  const fast = await bundled('fast-path');
  if (!fast)
    console.warn('[yishi] .next/yishi/fast-path.mjs is missing (npm run build makes it); ballots go through Next');
  return fast;
}

/**
 * Sets X-Forwarded-For to the client's one address, whatever the client sent: the socket's peer,
 * or behind TRUSTED_PROXIES the right-most hop that is not one of them (lib/auth/client-address.ts).
 * Without the bundle that rule cannot be read, so with proxies configured the server refuses to
 * start; without them the answer is the peer, which needs no rule.
 */
async function clientAddressRule() {
  const rule = await bundled('client-address');
  try {
    if (rule) {
      rule.checkClientAddressSettings();
      return rule.pinClientAddress;
    }
    if (process.env.TRUSTED_PROXIES?.trim()) {
      throw new Error('TRUSTED_PROXIES needs .next/yishi/client-address.mjs: run npm run build');
    }
  } catch (error) {
    console.error(`[yishi] cannot start: ${error.message}`);
    process.exit(1);
  }
  console.warn(
    '[yishi] .next/yishi/client-address.mjs is missing (npm run build makes it); clients are their socket peers',
  );
  return (req) => {
    const peer = req.socket.remoteAddress ?? 'unknown';
    const address = peer.startsWith('::ffff:') && peer.includes('.') ? peer.slice(7) : peer;
    req.headers['x-forwarded-for'] = address;
    req.headersDistinct['x-forwarded-for'] = [address];
  };
}
