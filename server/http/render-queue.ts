/**
 * At most `limit` pages rendered at once in a worker; the rest wait their turn, first come first
 * served (docs/decisions/0019-performance.md). Rendering is CPU work: fifty pages rendered at once in
 * two processes finish no sooner than one after another, but each holds its tree, its payload and its
 * HTML in memory meanwhile — fifty at once took the server past 700 MB. A request whose client goes
 * away while it waits is dropped from the line. A turn is held at most `maxHoldMs`: a response that
 * neither finishes nor closes (a client that stopped reading, a handler that never ends) must not keep
 * every later page waiting; it goes on, outside the count.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function renderQueue(limit: number, maxHoldMs = 10_000) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    active--;
    waiting.shift()?.();
  };
  const run = (res: ServerResponse, render: () => void) => {
    active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      next();
    };
    const timer = setTimeout(release, maxHoldMs);
    timer.unref?.();
    res.once('finish', release);
    res.once('close', release);
    render();
  };
  return {
    /** Renders now, or once a turn is free. */
    serve(res: ServerResponse, render: () => void): void {
      if (active < limit) {
        run(res, render);
        return;
      }
      const turn = () => run(res, render);
      waiting.push(turn);
      res.once('close', () => {
        const i = waiting.indexOf(turn);
        if (i !== -1) waiting.splice(i, 1);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/**
 * Pages and their router payloads: what Next renders. Static files, API routes and file-like
 * addresses (the service worker, the manifest, icons) are not queued.
 */
export function isRender(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  const path = url.split('?', 1)[0] ?? '';
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !url.startsWith('/_next/') &&
    !url.startsWith('/api/') &&
    !url.startsWith('/serwist/') &&
    !/\.[a-z0-9]+$/i.test(path)
  );
}
