/**
 * Next's scripts and styles sent brotli-compressed by the production server
 * (server/http/static-brotli.ts): only files the build compressed, only to browsers that take
 * brotli, with the headers of an immutable file; anything else is left to Next.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { serveBrotli } from '../server/http/static-brotli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-static-'));
fs.mkdirSync(path.join(root, 'chunks'));
const script = Buffer.from('console.log("议事");'.repeat(50));
fs.writeFileSync(path.join(root, 'chunks', 'a.js'), script);
fs.writeFileSync(path.join(root, 'chunks', 'a.js.br'), brotliCompressSync(script));
fs.writeFileSync(path.join(root, 'chunks', 'b.js'), script);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function ask(url: string, encoding: string, method = 'GET') {
  const sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } = {};
  const res = {
    writeHead(status: number, headers: Record<string, unknown>) {
      sent.status = status;
      sent.headers = headers;
      return this;
    },
    end(body?: Buffer) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  const req = { url, method, headers: { 'accept-encoding': encoding } } as unknown as IncomingMessage;
  return { answered: serveBrotli(req, res, root), sent };
}

describe('serveBrotli', () => {
  it('sends the compressed file with the headers of an immutable script', () => {
    const { answered, sent } = ask('/_next/static/chunks/a.js?dpl=1', 'gzip, deflate, br');
    expect(answered).toBe(true);
    expect(sent.status).toBe(200);
    expect(sent.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'application/javascript; charset=UTF-8',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
    });
    expect(brotliDecompressSync(sent.body ?? Buffer.alloc(0)).equals(script)).toBe(true);
  });

  it('leaves to Next: browsers without brotli, files the build did not compress, other paths, posts', () => {
    expect(ask('/_next/static/chunks/a.js', 'gzip').answered).toBe(false);
    expect(ask('/_next/static/chunks/b.js', 'br').answered).toBe(false);
    expect(ask('/_next/static/chunks/../../../etc/passwd', 'br').answered).toBe(false);
    expect(ask('/c/1/topics', 'br').answered).toBe(false);
    expect(ask('/_next/static/chunks/a.js', 'br', 'POST').answered).toBe(false);
  });
});
