/**
 * HTTP/1.1 over a bare socket, so a request can carry what fetch and http.request refuse to send:
 * NUL and control characters in the target, raw non-UTF-8 bytes, malformed header lines, a
 * Content-Length that lies. One request per connection (Connection: close), read to the end.
 */
import net from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent: bytes are not escaped or checked. */
  target: string | Buffer;
  headers: readonly (readonly [string, string | Buffer])[];
  body?: Buffer;
  /** Leave out the Content-Length the body would get (e.g. to send a false one in `headers`). */
  noLength?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

const CRLF = Buffer.from('\r\n');

export function encodeRequest(r: RawRequest): Buffer {
  const parts: Buffer[] = [Buffer.from(`${r.method} `, 'latin1'), Buffer.from(r.target), Buffer.from(' HTTP/1.1\r\n')];
  const names = new Set(r.headers.map(([n]) => n.toLowerCase()));
  const headers: (readonly [string, string | Buffer])[] = [...r.headers];
  if (!names.has('connection')) headers.push(['connection', 'close']);
  if (r.body && !r.noLength && !names.has('content-length')) headers.push(['content-length', String(r.body.length)]);
  for (const [name, value] of headers) parts.push(Buffer.from(`${name}: `, 'latin1'), Buffer.from(value), CRLF);
  parts.push(CRLF);
  if (r.body) parts.push(r.body);
  return Buffer.concat(parts);
}

function dechunk(body: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf(CRLF, at);
    if (eol < 0) break;
    const size = Number.parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

export function parseResponse(raw: Buffer): RawResponse | null {
  // An interim answer (100 Continue to "Expect: 100-continue") comes before the real one.
  while (/^HTTP\/1\.[01] 1\d\d /.test(raw.subarray(0, 13).toString('latin1'))) {
    const interim = raw.indexOf('\r\n\r\n');
    if (interim < 0) return null;
    raw = raw.subarray(interim + 4);
  }
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (!Number.isInteger(status)) return null;
  const headers = new Map<string, string>();
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const rest = raw.subarray(end + 4);
  const body = headers.get('transfer-encoding')?.includes('chunked') ? dechunk(rest) : rest;
  return { status, headers, body };
}

/** Sends one request and resolves with the parsed response, or rejects on a dead connection or timeout. */
export function send(port: number, request: RawRequest | Buffer, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (c) => chunks.push(c));
    // The server may close while we still write a large body; what it answered is what counts.
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const parsed = parseResponse(Buffer.concat(chunks));
      if (parsed) resolve(parsed);
      else reject(new Error(`connection closed without an HTTP response (${Buffer.concat(chunks).length} bytes)`));
    });
    // Not end(): a half-closed connection may be closed by the server before it answers.
    socket.write(Buffer.isBuffer(request) ? request : encodeRequest(request));
  });
}
