/** The pieces hostile requests are made of: routes, parameters, values that broke parsers before. */
import type { Random } from '../../lib/random';

export interface FuzzContext {
  host: string;
  /** The compound the signed-in resident lives in (合和大院). */
  home: number;
  ids: Record<'compound' | 'topic' | 'vote' | 'meeting' | 'person' | 'photo' | 'building' | 'level', number[]>;
  /** Every server action of the build and a page it is served from (`[compoundId]`-style template). */
  actions: readonly { id: string; name: string; page: string }[];
  /** Files served as they are: public/, a real /_next/static/ chunk, a missing one. */
  statics: readonly string[];
  /** '' for anonymous, then the Cookie headers of the people signed in. */
  cookies: readonly string[];
}

export const PAGES = [
  '/',
  '/login',
  '/account',
  '/notifications',
  '/tasks',
  '/escalations',
  '/admin',
  '/admin/people',
  '/admin/people/{person}',
  '/admin/compounds/{compound}',
  '/c/{compound}',
  '/c/{compound}/board',
  '/c/{compound}/meetings',
  '/c/{compound}/meetings/{meeting}',
  '/c/{compound}/register',
  '/c/{compound}/topics',
  '/c/{compound}/topics/new',
  '/c/{compound}/topics/{topic}',
  '/c/{compound}/topics/{topic}/notice',
  '/c/{compound}/votes/new',
  '/c/{compound}/votes/{vote}',
  '/d/{level}/{levelId}',
  '/d/{level}/{levelId}/screen',
  '/d/{level}/{levelId}/topics',
];
export const APIS = [
  '/api/health',
  '/api/auth/session',
  '/api/auth/csrf',
  '/api/auth/providers',
  '/api/auth/signin',
  '/api/auth/signout',
  '/api/auth/callback/credentials',
  '/api/auth/{segment}',
  '/api/compounds/{compound}/export',
  '/api/compounds/{compound}/votes/{vote}/ballots',
  '/api/compounds/{compound}/votes/{vote}/receipts',
  '/api/photos/{photo}',
  '/api/debug/sql-count',
  '/_next/static/{segment}',
  '/_next/image',
  '/favicon.ico',
  '/templates/units-template.csv',
  '/{segment}',
];
const PARAMS = ['q', 'status', 'category', 'building', 'sort', 'page', 'cpage', 'receipt', 'topic', 'b', 'mobile'];
const MORE_PARAMS = ['from', 'to', 'period', 'figure', 'level', 'url', 'w', 'callbackUrl', 'error', 'csrf', 'x'];
const LEVELS = ['compound', 'community', 'street', 'district'];

/** Values that have broken parsers before: numbers out of range, encodings, injection, unicode. */
export const NASTY = [
  '',
  '0',
  '-1',
  '1e3',
  '1.5',
  '0x10',
  '+1',
  ' 1',
  '1 ',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '9007199254740993',
  '-99999999999999999999',
  'null',
  'undefined',
  '[]',
  '{}',
  '%',
  '%%',
  '%E0%A4%A',
  '%ZZ',
  '%00',
  '%FF',
  '%C0%AF',
  '%ED%A0%80',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '%0d%0aSet-Cookie:%20x=1',
  'ab%00',
  'abc%00def',
  '%22',
  '%22%22%22',
  'a%22b',
  '*',
  'a*b',
  'NEAR(a b)',
  'a OR b',
  '-abc',
  '^abc',
  '中文',
  '%E4%B8%AD%E6%96%87',
  '下水管',
  '%E4%B8%8B%E6%B0%B4%E7%AE%A1%00',
  "'%20OR%201=1--",
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '2026-02-30',
  '9999-12-31',
  'h:1',
  'p:-1',
  'compound',
  'district',
];
export const FOREIGN_ORIGINS = [
  'https://evil.example',
  'null',
  'garbage',
  'http://127.0.0.1:1',
  'https://',
  'http://[::1',
  '',
];
export const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'SEARCH',
  'FOO',
];

/** One path segment: a real id most of the time, else something hostile (already "encoded"). */
export function segment(r: Random, real: readonly number[]): string {
  if (real.length > 0 && r.chance(0.55)) return String(r.pick(real));
  if (r.chance(0.2)) return String(r.int(-5, 5000));
  if (r.chance(0.1)) return 'x'.repeat(r.int(100, 3000));
  return r.pick(NASTY) || 'empty';
}

export function fill(r: Random, ctx: FuzzContext, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'level') return r.chance(0.8) ? r.pick(LEVELS) : r.pick(NASTY);
    if (name === 'levelId') return segment(r, ctx.ids.level);
    if (name === 'segment') return r.chance(0.5) ? r.pick(['signin', 'callback', 'x', 'chunks', '..']) : r.pick(NASTY);
    return segment(r, ctx.ids[name as keyof FuzzContext['ids']] ?? []);
  });
}

export function query(r: Random): string {
  if (r.chance(0.35)) return '';
  const n = r.int(1, 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = r.chance(0.8) ? r.pick(PARAMS) : r.pick(MORE_PARAMS);
    // Repeated keys arrive as arrays in searchParams.
    const times = r.chance(0.2) ? r.int(2, 3) : 1;
    for (let t = 0; t < times; t++) parts.push(r.chance(0.1) ? key : `${key}=${r.pick(NASTY)}`);
  }
  return `?${parts.join('&')}`;
}

/** Raw bytes a well-behaved client would never put in a target: NUL, controls, spaces, invalid UTF-8. */
function rawJunk(r: Random): Buffer {
  const pick = r.int(0, 6);
  if (pick === 0) return Buffer.from([0]);
  if (pick === 1) return Buffer.from([r.int(1, 31)]);
  if (pick === 2) return Buffer.from([0xff, 0xfe]);
  if (pick === 3) return Buffer.from([0xe0, 0xa4]);
  if (pick === 4) return Buffer.from('中', 'utf8');
  if (pick === 5) return Buffer.from(' ');
  return Buffer.from('\x7f');
}

export function withJunk(r: Random, target: string): Buffer {
  const at = r.int(1, target.length);
  return Buffer.concat([Buffer.from(target.slice(0, at)), rawJunk(r), Buffer.from(target.slice(at))]);
}

export function baseHeaders(r: Random, ctx: FuzzContext): [string, string | Buffer][] {
  const headers: [string, string | Buffer][] = [['host', ctx.host]];
  const cookie = r.pick(ctx.cookies);
  const locale = r.chance(0.2) ? `; locale=${r.pick(['en', 'zh-CN', 'xx', '%00', ''])}` : '';
  if (cookie || locale) headers.push(['cookie', `${cookie}${locale}`.replace(/^; /, '')]);
  return headers;
}
