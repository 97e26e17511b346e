/**
 * Pages served like static files while what they show is unchanged (docs/decisions/0019-performance.md):
 * the production server keeps the response Next rendered for one request and answers the same
 * request again from it, without Next, while the request's rule says nothing it shows has changed.
 *
 * A rule names the entry (`key`: everything that selects the response — the address, the cookies,
 * the router headers) and what it was made from (`stamp`: the data versions, the viewer as the
 * session reads now, the day). An entry is used only for the same key with the same stamp, within
 * `ttlMs` (for what a page shows relative to now: "waited 3 days", "updated at 10:02"). The rule is
 * made before Next renders, so a write during the render gives the next request a new stamp.
 *
 * Every answer gets a nonce of its own: the stored page's nonce is replaced in its scripts and in
 * its Content-Security-Policy. Only 200 answers without Set-Cookie are kept. The stored copy is
 * uncompressed (Next is asked for none, so the nonce can be replaced); answers are gzipped here for
 * clients that take it.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface CacheRule {
  key: string;
  stamp: string;
}

interface Entry {
  stamp: string;
  at: number;
  status: number;
  headers: OutgoingHttpHeaders;
  /** The body cut where its nonce stood (one part when it has none), so a new one is put in without re-encoding. */
  parts: Buffer[];
  nonce: string | null;
  size: number;
}

/** Headers that belong to one transfer, not to the page. */
const TRANSFER = new Set([
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'content-encoding',
]);

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;

/** A nonce made as proxy.ts makes them. */
const freshNonce = () => Buffer.from(randomUUID()).toString('base64');

const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer) {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !TRANSFER.has(name.toLowerCase())) out[name] = value;
  }
  let payload = body;
  // Small answers are not worth compressing; level 4 keeps it near a millisecond for 100 KB.
  if (acceptsGzip(req) && body.length > 1024) {
    payload = gzipSync(body, { level: 4 });
    out['content-encoding'] = 'gzip';
  }
  out['content-length'] = payload.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** The body cut at every occurrence of `nonce`. */
function cut(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body];
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, 'latin1'); at !== -1; at = body.indexOf(nonce, from, 'latin1')) {
    parts.push(body.subarray(from, at));
    from = at + nonce.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/** The stored page with a nonce of its own, in its body and its policy. */
function withNewNonce(entry: Entry): { headers: OutgoingHttpHeaders; body: Buffer } {
  const [first, ...rest] = entry.parts;
  if (!entry.nonce || first === undefined) return { headers: entry.headers, body: Buffer.concat(entry.parts) };
  const nonce = freshNonce();
  const headers = { ...entry.headers };
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === 'content-security-policy') {
      headers[name] = String(headers[name]).replace(`'nonce-${entry.nonce}'`, `'nonce-${nonce}'`);
    }
  }
  const fresh = Buffer.from(nonce, 'latin1');
  return { headers, body: Buffer.concat([first, ...rest.flatMap((part) => [fresh, part])]) };
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** The bytes of every kept page together, held under `maxTotalBytes` when one is given. */
  private bytes = 0;
  constructor(
    private readonly opts: {
      maxEntries: number;
      /** The largest page kept. */
      maxBytes: number;
      maxTotalBytes?: number;
      ttlMs: number;
      now?: () => number;
    },
  ) {}

  /** Keeps a page as the most recently used, dropping the least recently used beyond the limits. */
  private keep(key: string, entry: Entry) {
    this.drop(key);
    this.entries.set(key, entry);
    this.bytes += entry.size;
    const total = this.opts.maxTotalBytes ?? Number.POSITIVE_INFINITY;
    while (this.entries.size > this.opts.maxEntries || this.bytes > total) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.size;
    this.entries.delete(key);
  }

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  /** How many answers came from the cache and how many from the renderer (for tests and the benchmark). */
  readonly counts = { hits: 0, misses: 0 };

  /** Answers from the cache when it can; otherwise lets `render` answer (Next's handler) and keeps the page. */
  serve(req: IncomingMessage, res: ServerResponse, rule: CacheRule, render: () => void): void {
    const hit = this.entries.get(rule.key);
    if (hit && hit.stamp === rule.stamp && this.now() - hit.at < this.opts.ttlMs) {
      this.counts.hits++;
      // Most recently used last.
      this.entries.delete(rule.key);
      this.entries.set(rule.key, hit);
      const { headers, body } = withNewNonce(hit);
      send(req, res, hit.status, { ...headers, 'x-yishi-cache': 'hit' }, body);
      return;
    }
    this.counts.misses++;
    const at = this.now();
    const gzip = acceptsGzip(req);
    delete req.headers['accept-encoding'];
    this.capture(res, (status, headers, body) => {
      const policy = Object.entries(headers).find(([n]) => n.toLowerCase() === 'content-security-policy')?.[1];
      const nonce = policy ? (NONCE_IN_POLICY.exec(String(policy))?.[1] ?? null) : null;
      const cookie = Object.keys(headers).some((n) => n.toLowerCase() === 'set-cookie');
      if (status === 200 && !cookie && body.length <= this.opts.maxBytes) {
        this.keep(rule.key, {
          stamp: rule.stamp,
          at,
          status,
          headers,
          parts: cut(body, nonce),
          nonce,
          size: body.length,
        });
      }
      if (gzip) req.headers['accept-encoding'] = 'gzip';
      send(req, res, status, { ...headers, 'x-yishi-cache': 'miss' }, body);
    });
    render();
  }

  /**
   * Holds back what the renderer writes (headers and body) and hands it to `done` at its end, in
   * place of sending it; `done` then sends it through the response's own methods.
   */
  private capture(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void) {
    const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    const chunks: Buffer[] = [];
    let status = 200;
    const take = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
      );
    };
    res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
      status = code;
      const headers = rest.find(
        (r): r is OutgoingHttpHeaders => typeof r === 'object' && r !== null && !Array.isArray(r),
      );
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) this.setHeader(name, value);
      return this;
    } as typeof res.writeHead;
    res.flushHeaders = () => {};
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      take(chunk, encoding);
      const cb = [encoding, callback].find((x) => typeof x === 'function') as (() => void) | undefined;
      if (cb) process.nextTick(cb);
      return true;
    }) as typeof res.write;
    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      take(chunk, encoding);
      Object.assign(res, original);
      const code = status === 200 ? this.statusCode : status;
      const headers = this.getHeaders();
      for (const name of this.getHeaderNames()) this.removeHeader(name);
      done(code, headers, Buffer.concat(chunks));
      const cb = [chunk, encoding, callback].find((x) => typeof x === 'function') as (() => void) | undefined;
      if (cb) this.once('finish', cb);
      return this;
    } as typeof res.end;
  }
}

/**
 * Answers from `cache` when the request's rule can be made, or lets `render` (Next) answer. The cache
 * is only ever a shortcut: when the rule cannot be made, Next answers as usual.
 */
export async function serveCached(
  cache: PageCache,
  req: IncomingMessage,
  res: ServerResponse,
  ruleOf: (req: IncomingMessage, now: number) => Promise<CacheRule | null>,
  render: () => void,
): Promise<void> {
  let rule: CacheRule | null = null;
  try {
    rule = await ruleOf(req, Date.now());
  } catch (error) {
    console.error('[yishi] page cache:', error);
  }
  if (rule) cache.serve(req, res, rule, render);
  else render();
}
