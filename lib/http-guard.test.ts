import { describe, expect, it } from 'vitest';
import {
  isPossibleServerAction,
  isSameOrigin,
  isValidHost,
  pathDecodes,
  type RequestHead,
  refusalOf,
} from './http-guard';

const HOST = '127.0.0.1:3000';
const head = (r: Partial<RequestHead> & { headers?: RequestHead['headers'] }): RequestHead => ({
  method: 'GET',
  url: '/',
  ...r,
  headers: { host: HOST, ...r.headers },
});
const isStatic = (p: string) => p === '/templates/units-template.csv' || p.startsWith('/_next/static/');
const statusOf = (r: Partial<RequestHead>) => refusalOf(head(r), isStatic)?.status ?? null;
const ACTION = { 'next-action': '7f00', 'content-type': 'text/plain;charset=UTF-8' };

describe('requests refused before Next (Trust II)', () => {
  it('a path whose percent-encoding does not decode: 400', () => {
    expect(pathDecodes('/c/%E0%A4%A')).toBe(false);
    expect(pathDecodes('/c/%E4%B8%AD/topics')).toBe(true);
    for (const url of ['/c/%E0%A4%A', '/c/1/topics/%ZZ', '/api/photos/%', '/api/compounds/%ED%A0%80/votes/1/ballots']) {
      expect(statusOf({ url }), url).toBe(400);
    }
    // The query string is Next's to parse, leniently; only the path is checked.
    expect(statusOf({ url: '/c/1/topics?q=%E0%A4%A' })).toBeNull();
    expect(statusOf({ url: '/c/1/topics?q=ab%00' })).toBeNull();
  });

  it('a server action from another origin: 403 with a message in both languages', () => {
    for (const origin of [
      'https://evil.example',
      'null',
      'garbage',
      'http://[::1',
      'https://',
      `http://${HOST}.evil`,
    ]) {
      const refusal = refusalOf(head({ method: 'POST', url: '/account', headers: { ...ACTION, origin } }), isStatic);
      expect(refusal?.status, origin).toBe(403);
      expect(refusal?.message).toMatch(/[\u4e00-\u9fff].*another site/);
    }
    // A form posted without JavaScript is an action too.
    const form = { 'content-type': 'multipart/form-data; boundary=b', origin: 'https://evil.example' };
    expect(statusOf({ method: 'POST', url: '/account', headers: form })).toBe(403);
    // Same origin, by Host or by X-Forwarded-Host as Next compares; no Origin at all passes, as in Next.
    expect(statusOf({ method: 'POST', url: '/account', headers: { ...ACTION, origin: `http://${HOST}` } })).toBeNull();
    const proxied = { ...ACTION, origin: 'https://yishi.example', 'x-forwarded-host': 'yishi.example' };
    expect(statusOf({ method: 'POST', url: '/account', headers: proxied })).toBeNull();
    expect(statusOf({ method: 'POST', url: '/account', headers: ACTION })).toBeNull();
  });

  it('knows what Next may take for a server action, and what origin is its own', () => {
    expect(isPossibleServerAction(head({ method: 'POST', headers: ACTION }))).toBe(true);
    expect(isPossibleServerAction(head({ method: 'POST', headers: { 'content-type': 'application/json' } }))).toBe(
      false,
    );
    expect(isPossibleServerAction(head({ method: 'GET', headers: ACTION }))).toBe(false);
    expect(isSameOrigin(head({ headers: { origin: 'HTTP://127.0.0.1:3000' } }))).toBe(true);
    expect(isSameOrigin(head({ headers: { origin: 'http://127.0.0.1:3001' } }))).toBe(false);
  });

  it('methods Next cannot carry, bad Host headers, writes to static files, OPTIONS on pages', () => {
    expect(refusalOf(head({ method: 'TRACE' }), isStatic)).toMatchObject({ status: 405, allow: expect.any(String) });
    expect(statusOf({ method: 'PROPFIND' })).toBe(405);
    expect(statusOf({ url: '*' })).toBe(400);
    expect(statusOf({ url: 'http://evil.example/c/1' })).toBe(400);
    for (const host of ['', '[::1', 'a b', '127.0.0.1:99999', 'evil.example/x', '%E0', 'a@b', 'a\\b']) {
      expect(isValidHost(host), host).toBe(false);
      expect(statusOf({ headers: { host } }), host).toBe(400);
    }
    for (const host of [
      'localhost',
      'localhost:3000',
      'yishi.example',
      '[::1]:80',
      '10.0.0.1',
      'my_app:3000',
      'a.example.',
    ]) {
      expect(isValidHost(host), host).toBe(true);
    }
    expect(statusOf({ headers: { 'x-forwarded-host': '%E0' } })).toBe(400);
    expect(statusOf({ method: 'PUT', url: '/templates/units-template.csv' })).toBe(405);
    expect(statusOf({ method: 'POST', url: '/_next/static/chunks/a.js' })).toBe(405);
    expect(statusOf({ method: 'GET', url: '/templates/units-template.csv' })).toBeNull();
    expect(statusOf({ method: 'OPTIONS', url: '/c/1' })).toBe(204);
    expect(statusOf({ method: 'OPTIONS', url: '/api/health' })).toBeNull();
  });

  it('lets an ordinary request through', () => {
    for (const url of ['/', '/c/1/topics?q=下水管', '/api/compounds/1/votes/2/ballots', '/d/street/1']) {
      expect(statusOf({ url }), url).toBeNull();
    }
  });
});
