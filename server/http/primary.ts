import cluster, { type Worker } from 'node:cluster';
import { checkSettingsOrExit } from './start-checks';

/**
 * The primary process of a server with several workers: it forks them, restarts one that dies, and
 * on SIGTERM or SIGINT stops them all and leaves once every one has closed the port. The first worker
 * starts alone and applies migrations (and the demo seed) before the others start; only it runs the
 * clock (instrumentation.ts reads YISHI_WORKER).
 */
export function startPrimary(workers: number): void {
  // A bad TRUSTED_PROXIES stops the server here, rather than killing each worker as it starts.
  checkSettingsOrExit();
  // A young generation of 4 MB semi-spaces instead of 16: garbage is collected sooner, and under load
  // each worker holds ~40 MB less for the same speed (docs/decisions/0019-performance.md). A flag given
  // in NODE_OPTIONS or on the command line wins.
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (!given.includes('--max-semi-space-size')) {
    cluster.setupPrimary({ execArgv: [...process.execArgv, '--max-semi-space-size=4'] });
  }
  let stopping = false;
  const fork = (index: number): Worker => {
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
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
}
