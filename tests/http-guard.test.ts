/**
 * The guard the production server puts in front of Next (server/http/guard.ts, wired in
 * server/http/worker.ts), over real HTTP, with a stand-in for Next that fails the way Next does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardServer, screenRequest } from '@/server/http/guard';

let server: http.Server;
let port = 0;
const reachedNext: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (screenRequest(req, res)) return;
    reachedNext.push(`${req.method} ${req.url}`);
    // Next answering a server action whose arguments it could not decode: a 500 flight response.
    if (req.url === '/undecodable-action') {
      res.statusCode = 500;
      res.setHeader('content-type', 'text/x-component');
      res.write('0:{"a":"$@1"}\n');
      res.end('1:E{"digest":"1"}\n');
      return;
    }
    // Next failing on a form posted without JavaScript (busboy could not read it), or on a page.
    if (req.url === '/failing-page') {
      return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    }
    // A route handler's bug: Next answers 500 with the handler's (or no) content type.
    if (req.url === '/api/failing-route')
      return void res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`range=${req.headers.range ?? ''}`);
  });
  guardServer(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

async function request(method: string, path: string, headers: Record<string, string> = {}, body = '') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body: body || undefined });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** Bytes fetch would refuse to send. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1');
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(bytes, 'latin1');
  });
}

const ACTION = { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8' };

describe('the production server guard', () => {
  it('a server action from another origin is a 403 with a message, and never reaches Next (Trust II)', async () => {
    const before = reachedNext.length;
    const answer = await request('POST', '/account', { ...ACTION, origin: 'https://evil.example' }, '[]');
    expect(answer).toMatchObject({ status: 403, type: expect.stringContaining('text/plain') });
    expect(answer.text).toMatch(/another site/);
    expect(reachedNext.length).toBe(before);
  });

  it('a server action Next answers with a 500 (its decoding failed) becomes a 400 with a message', async () => {
    const answer = await request('POST', '/undecodable-action', ACTION, '{not json');
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('text/plain');
    expect(answer.text).toMatch(/could not read this request/);
    expect(answer.text).not.toContain('digest');
    // Anything else keeps its status: a page's 500 is a bug to see, not to hide.
    expect((await request('GET', '/failing-page')).status).toBe(500);
    expect((await request('POST', '/failing-page', { 'content-type': 'application/json' }, '{}')).status).toBe(500);
    const broken = { 'content-type': 'multipart/form-data' };
    expect((await request('POST', '/failing-page', broken, '--b\r\n')).status).toBe(400);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await request('POST', '/api/failing-route', form, 'a=1')).status).toBe(500);
  });

  it('a malformed path is a 400 and a range on a static file is dropped before Next', async () => {
    expect(await request('GET', '/c/%E0%A4%A')).toMatchObject({ status: 400, text: expect.stringMatching(/percent/) });
    expect((await request('GET', '/templates/units-template.csv', { range: 'bytes=99999999999999999999' })).text).toBe(
      'range=',
    );
    expect((await request('GET', '/c/1', { range: 'bytes=0-1' })).text).toBe('range=bytes=0-1');
  });

  it('what Node itself refuses gets a message: a NUL in the target, headers too large, CONNECT', async () => {
    const nul = await raw('GET /c/1\u0000 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(nul).toMatch(/^HTTP\/1\.1 400 [\s\S]*\r\n\r\nMalformed HTTP request/);
    const big = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 [\s\S]*\r\n\r\nRequest headers too large/);
    const connect = await raw('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect(connect).toMatch(/^HTTP\/1\.1 405 [\s\S]*CONNECT is not supported/);
    const trace = await raw('TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    const upgrade = await raw('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n');
    expect(upgrade).toMatch(/^HTTP\/1\.1 400 [\s\S]*not supported/);
  });

  it('a router state header Next cannot parse is a 400; one it can goes through', async () => {
    const rsc = { rsc: '1', 'next-router-state-tree': '%00' };
    expect(await request('GET', '/c/1', rsc)).toMatchObject({
      status: 400,
      text: expect.stringMatching(/Router-State/),
    });
    const state = encodeURIComponent(JSON.stringify(['', { children: ['c', {}] }]));
    expect((await request('GET', '/c/1', { rsc: '1', 'next-router-state-tree': state })).status).toBe(200);
  });
});
