/**
 * Which pages the production server lets the browser restore on back and forward
 * (server/http/cache-control.ts): the pages residents move between, not the router's payloads, and
 * never the pages with a person's own details; and Next's `no-store` replaced however it is set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { allowBackForwardCache, isRestorablePage, RESTORABLE_CACHE_CONTROL } from '../server/http/cache-control';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  ({ url, method, headers }) as unknown as http.IncomingMessage;

describe('isRestorablePage', () => {
  it('takes the pages residents move between', () => {
    for (const url of ['/', '/c/1', '/c/1/topics?status=raised', '/c/1/topics/2', '/c/1/votes/3', '/c/1/board']) {
      expect(isRestorablePage(req(url)), url).toBe(true);
    }
    expect(isRestorablePage(req('/d/district/1/screen'))).toBe(true);
  });
  it('leaves personal pages, forms, payloads and other methods alone', () => {
    for (const url of [
      '/login',
      '/account',
      '/notifications',
      '/admin/people/4',
      '/c/1/topics/new',
      '/c/1/votes/new',
      '/tasks',
      '/c/1/register',
    ]) {
      expect(isRestorablePage(req(url)), url).toBe(false);
    }
    expect(isRestorablePage(req('/c/1/topics', { rsc: '1' }))).toBe(false);
    expect(isRestorablePage(req('/c/1/topics', {}, 'POST'))).toBe(false);
  });
});

describe('allowBackForwardCache', () => {
  it("replaces Next's no-store, set either way, and leaves other values alone", async () => {
    const answers: Record<string, (res: http.ServerResponse) => void> = {
      '/set': (res) => {
        res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
        res.end('page');
      },
      '/head': (res) => {
        res.writeHead(200, { 'cache-control': 'no-store' }).end('page');
      },
      '/other': (res) => {
        res.setHeader('Cache-Control', 'public, max-age=60');
        res.end('file');
      },
    };
    const server = http.createServer((request, res) => {
      allowBackForwardCache(res);
      answers[request.url ?? '']?.(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const got = async (path: string) => (await fetch(base + path)).headers.get('cache-control');
    expect(await got('/set')).toBe(RESTORABLE_CACHE_CONTROL);
    expect(await got('/head')).toBe(RESTORABLE_CACHE_CONTROL);
    expect(await got('/other')).toBe('public, max-age=60');
    await new Promise((resolve) => server.close(resolve));
  });
});
