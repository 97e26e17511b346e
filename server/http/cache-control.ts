/**
 * Next sends every dynamic page with `Cache-Control: no-store`, which keeps the browser from putting
 * it in its back/forward cache: on a phone, "back" to the topic list reloads it over the network.
 * The pages a resident moves between (home, compound, topics, a topic, a vote, the notice board, the
 * dashboards) are sent `private, no-cache` instead: still never kept by a shared cache and asked for
 * again on every visit, but restorable on back and forward (docs/decisions/0019-performance.md).
 * Pages that show a person's own details (account, notifications, administration, login) keep
 * `no-store`, so nothing of theirs outlives the visit in the browser.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

const RESTORABLE = [
  /^\/(?:\?|$)/,
  /^\/c\/\d+(?:\/(?:topics(?:\/\d+)?|votes\/\d+|board|meetings(?:\/\d+)?))?\/?(?:\?|$)/,
  /^\/d\/[a-z]+\/\d+(?:\/(?:screen|topics))?\/?(?:\?|$)/,
];

export const RESTORABLE_CACHE_CONTROL = 'private, no-cache, max-age=0, must-revalidate';

/** A page (not the client router's payload) that may be restored on back and forward. */
export function isRestorablePage(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.headers.rsc === undefined &&
    RESTORABLE.some((re) => re.test(url))
  );
}

const restorable = (value: unknown) =>
  typeof value === 'string' && value.includes('no-store') ? RESTORABLE_CACHE_CONTROL : value;

/** Replaces Next's `no-store` on this response, however Next sets it (setHeader or writeHead). */
export function allowBackForwardCache(res: ServerResponse): void {
  const { setHeader, writeHead } = res;
  res.setHeader = function (this: ServerResponse, name: string, value: number | string | readonly string[]) {
    return setHeader.call(this, name, name.toLowerCase() === 'cache-control' ? (restorable(value) as string) : value);
  } as typeof res.setHeader;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    for (const headers of rest) {
      if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) continue;
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === 'cache-control') {
          (headers as OutgoingHttpHeaders)[name] = restorable((headers as OutgoingHttpHeaders)[name]) as string;
        }
      }
    }
    return Reflect.apply(writeHead, this, [status, ...rest]);
  } as typeof res.writeHead;
}
