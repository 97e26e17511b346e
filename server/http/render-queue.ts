/**
 * At most `limit` pages rendered at once in a worker; the rest wait their turn, first come first
 * served (docs/decisions/0019-performance.md). Rendering is CPU work: fifty pages rendered at once in
 * two processes finish no sooner than one after another, but each holds its tree, its payload and its
 * HTML in memory meanwhile — fifty at once took the server past 700 MB. A request whose client goes
 * away while it waits is dropped from the line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function renderQueue(limit: number) {
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
      next();
    };
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

/** Pages and their router payloads: what Next renders. Static files and API routes are not queued. */
export function isRender(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (req.method === 'GET' || req.method === 'HEAD') && !url.startsWith('/_next/') && !url.startsWith('/api/');
}
