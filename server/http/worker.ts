import cluster from 'node:cluster';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { isBallotPost, serveBallot } from '../voting/cast-ballot/fast-path';
import { allowBackForwardCache, isRestorablePage } from './cache-control';
import { isCompoundPage, serveCompoundPage } from './compound-page-cache';
import { isDashboardPage, serveDashboard } from './dashboard-cache';
import { isRender, renderQueue } from './render-queue';
import { serveBrotli } from './static-brotli';
import { guardServer, screenRequest } from './guard';
import { pinClientAddress } from './pin-client-address';
import { checkSettingsOrExit } from './start-checks';

/** How many pages one worker renders at once (server/http/render-queue.ts); RENDER_CONCURRENCY sets it. */
const RENDERS_AT_ONCE = Math.max(1, Math.min(64, Number(process.env.RENDER_CONCURRENCY) || 4));

/**
 * One process that answers requests: Next's handler, with what runs before it on every request —
 * the client's address pinned, malformed requests refused, ballots cast without Next's pipeline,
 * dashboards, topic lists, topics, settled votes and task lists served again from the page cache
 * (server/http/dashboard-cache.ts, compound-page-cache.ts).
 * The only worker when WEB_CONCURRENCY is 1 (then it also handles SIGINT).
 */
export async function startWorker({ port, hostname, workers }: { port: number; hostname: string; workers: number }) {
  const app = next({ dev: false, hostname, port });
  const nextHandler = app.getRequestHandler();
  // Pages rendered at once per worker: enough to keep a core busy, few enough to bound memory.
  const queue = renderQueue(RENDERS_AT_ONCE);
  // PAGE_CACHE=off: Next renders every page (README, configuration).
  const pageCache = process.env.PAGE_CACHE !== 'off';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (isRender(req)) queue.serve(res, () => void nextHandler(req, res));
    else void nextHandler(req, res);
  };
  await app.prepare();
  checkSettingsOrExit();
  const server = http
    .createServer((req, res) => {
      // Before anything reads it: the one address the client really has (docs/decisions/0014).
      pinClientAddress(req);
      // Malformed requests are answered here: Next would make 500s of them (docs/decisions/0015).
      if (screenRequest(req, res)) return;
      // Casting a ballot is answered here, by the same use case as its route, without Next's pipeline.
      if (isBallotPost(req.method, req.url)) {
        void serveBallot(req, res);
        return;
      }
      // Next's scripts and styles, brotli-compressed at build time, for browsers that take it.
      if (serveBrotli(req, res)) return;
      // The pages residents move between may be restored on back and forward (never share-cached).
      if (isRestorablePage(req)) allowBackForwardCache(res);
      // Dashboards and the big screen are served again from a cache while nothing they show has changed.
      if (pageCache && isDashboardPage(req)) {
        void serveDashboard(req, res, () => handle(req, res));
        return;
      }
      // So are a compound's topic list, topics and settled votes, and a company's task list.
      if (pageCache && isCompoundPage(req)) {
        void serveCompoundPage(req, res, () => handle(req, res));
        return;
      }
      handle(req, res);
    })
    .listen(port, hostname, () => {
      if (!cluster.isWorker || process.env.YISHI_WORKER === '1') {
        console.log(`[yishi] ready on http://${hostname}:${port} (${workers} worker${workers > 1 ? 's' : ''})`);
      }
      // The service worker is bundled on its first request: ask for it now rather than make the first
      // visitor (and every page rendered meanwhile) wait for it.
      const self = hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname;
      void fetch(`http://${self.includes(':') ? `[${self}]` : self}:${port}/serwist/sw.js`).catch(() => {});
    });
  guardServer(server);
  // Stop taking requests, let those in flight be answered (their writes committed), then leave; at most 5 s.
  for (const signal of cluster.isWorker ? (['SIGTERM'] as const) : (['SIGTERM', 'SIGINT'] as const)) {
    process.once(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5000).unref();
    });
  }
}
