/**
 * What the production server (server/http/worker.ts) puts between the network and Next so that no
 * malformed request gets a 500: the refusals of lib/http-guard.ts, a 400 with a message for server
 * action requests Next could not decode, and messages for what Node itself refuses
 * (docs/decisions/0015).
 */
import fs from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';
import { isPossibleServerAction, pathOf, type Refusal, refusalOf } from '../../lib/http-guard';

/** The files under public/, as Next serves them (/templates/units-template.csv …), read once. */
function publicFiles(root: string): Set<string> {
  try {
    const entries = fs.readdirSync(root, { recursive: true, withFileTypes: true });
    return new Set(
      entries.filter((e) => e.isFile()).map((e) => `/${path.relative(root, path.join(e.parentPath, e.name))}`),
    );
  } catch {
    return new Set();
  }
}

const PUBLIC = publicFiles(path.resolve('public'));
const isStaticFile = (p: string) => p.startsWith('/_next/static/') || PUBLIC.has(p);

const TEXT = 'text/plain; charset=utf-8';
const TEXT_HEADERS = { 'content-type': TEXT, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function send(res: ServerResponse, refusal: Refusal) {
  const headers: Record<string, string> = refusal.status === 204 ? {} : { ...TEXT_HEADERS };
  if (refusal.allow) headers.allow = refusal.allow;
  res.writeHead(refusal.status, headers).end(refusal.status === 204 ? undefined : refusal.message);
}

/**
 * Headers that make Next's static file server throw a status (416 for a range past the end, 412 for
 * a failed precondition) that it then fails to render as a page of that number: a 500. A server
 * may ignore them and send the whole file, which is what happens without them.
 */
const STATIC_CONDITIONS = ['range', 'if-range', 'if-match', 'if-unmodified-since'];

const MALFORMED_ACTION =
  '无法读取这个请求，请刷新页面后重试。 The server could not read this request (malformed form or arguments).';

/**
 * Next answers 500 for whatever is thrown on a server action's path, its own decoding of a hostile
 * body included (React's reply decoder, busboy, JSON.parse, the argument count): a flight response
 * for a client-router action, a text or HTML error page for a form posted without JavaScript. Our actions
 * never throw on input (tests/fuzz.test.ts; Next logs their errors all the same), so what remains is
 * a request that could not be read: a 400 with a message (Next's client shows the text of a
 * text/plain 4xx), sent in place of what Next was about to write. A route handler's 500 (JSON, CSV,
 * empty) is left alone: it never handles actions, so its 500 is a bug to see.
 */
function answerUnreadableActionWith400(res: ServerResponse): void {
  const { writeHead, write, end } = res;
  let replaced = false;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const headers = rest.find((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
    const type = String(headers?.['content-type'] ?? this.getHeader('content-type') ?? '');
    if (status !== 500 || !/^text\/(x-component|html|plain)/.test(type)) {
      return Reflect.apply(writeHead, this, [status, ...rest]);
    }
    replaced = true;
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    return writeHead.call(this, 400, TEXT_HEADERS);
  } as typeof res.writeHead;
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaced) return Reflect.apply(write, this, args);
    const done = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  } as typeof res.write;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!replaced) return Reflect.apply(end, this, args);
    const done = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    return Reflect.apply(end, this, done ? [MALFORMED_ACTION, done] : [MALFORMED_ACTION]);
  } as typeof res.end;
}

/**
 * The client router's state, sent with RSC requests: Next throws (500) on one it cannot parse.
 * Checked with Next's own parser, so what passes here is exactly what Next accepts.
 */
function routerStateRefusal(req: IncomingMessage): Refusal | null {
  try {
    parseAndValidateFlightRouterState(req.headers['next-router-state-tree']);
    return null;
  } catch {
    return { status: 400, message: 'Malformed Next-Router-State-Tree header.' };
  }
}

/** True when the request has been answered here; otherwise hand it on (to the fast path or Next). */
export function screenRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = refusalOf(req, isStaticFile) ?? routerStateRefusal(req);
  if (refusal) {
    // What the client may still be sending is not read; the connection closes after the answer.
    res.shouldKeepAlive = false;
    send(res, refusal);
    return true;
  }
  if (isPossibleServerAction(req)) answerUnreadableActionWith400(res);
  if (isStaticFile(pathOf(req.url ?? ''))) for (const name of STATIC_CONDITIONS) delete req.headers[name];
  return false;
}

function rawAnswer(socket: Duplex, status: number, message: string) {
  const body = Buffer.from(message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: ${TEXT}\r\ncontent-length: ${body.length}\r\n` +
      `connection: close\r\n\r\n${message}`,
  );
}

/**
 * Node answers what it cannot parse (a NUL in the target, an unknown method, headers over 16 KB)
 * with an empty 400 or 431, and closes CONNECT and Upgrade requests without a word: give each a
 * message.
 */
export function guardServer(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
      socket.destroy();
      return;
    }
    if (error.code === 'HPE_HEADER_OVERFLOW') rawAnswer(socket, 431, 'Request headers too large.');
    else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') rawAnswer(socket, 408, 'Request timed out.');
    else rawAnswer(socket, 400, `Malformed HTTP request (${error.code ?? 'unreadable'}).`);
  });
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    rawAnswer(socket, 405, 'CONNECT is not supported.');
  });
  // Without a listener Node drops the connection of a request asking to switch protocols.
  server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
    rawAnswer(socket, 400, 'Protocol upgrades (WebSocket, h2c) are not supported.');
  });
}
