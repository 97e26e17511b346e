/**
 * Hostile requests for the production server, one family at a time, drawn from a seeded generator:
 * every route family with real and forged ids, malformed percent-encoding, NUL and control
 * characters, overlong targets and headers, odd methods, bodies of the wrong type, size or
 * encoding, forged server actions from foreign origins; anonymous and signed in.
 */
import type { Random } from '../../lib/random';
import type { RawRequest } from './raw-http';
import {
  APIS,
  baseHeaders,
  FOREIGN_ORIGINS,
  type FuzzContext,
  fill,
  METHODS,
  NASTY,
  PAGES,
  query,
  segment,
  withJunk,
} from './vocabulary';

export const FAMILIES = ['pages', 'api', 'encoding', 'headers', 'methods', 'bodies', 'actions'] as const;
export type Family = (typeof FAMILIES)[number];

const FIELDS = ['title', 'description', 'category', 'buildingId', 'topicId', 'body', 'parentId', 'commentId'];
const MORE_FIELDS = ['reason', 'action', 'voteId', 'choice', 'voterKey', 'kind', 'meetingId', 'mobile', 'password'];
const JSON_VALUES: unknown[] = [null, true, 0, -1, 1e308, 'x', '', '中文', [], {}, [[]], { a: 1 }, '$K1', '$Q1', '$@1'];

function target(r: Random, ctx: FuzzContext, templates: readonly string[]): string {
  return fill(r, ctx, r.pick(templates)) + query(r);
}

function hostileJson(r: Random, ctx: FuzzContext): string {
  const pick = r.int(0, 9);
  if (pick === 0) return '{not json';
  if (pick === 1) return '['.repeat(r.int(1, 20_000));
  if (pick === 2) return JSON.stringify({ voterKey: r.pick(NASTY), choice: [r.pick(NASTY)] });
  if (pick === 3) return JSON.stringify({ voterKey: `h:${r.int(-1, 600)}`, choice: r.pick(JSON_VALUES) });
  if (pick === 4) return JSON.stringify({ voterKey: `p:${r.pick(ctx.ids.person)}`, choice: ['agree', 'agree'] });
  if (pick === 5) return '"\ud800"';
  if (pick === 6) return JSON.stringify('x'.repeat(r.int(10, 40_000)));
  return JSON.stringify(r.pick(JSON_VALUES));
}

function body(r: Random, ctx: FuzzContext): { type: string | null; bytes: Buffer } {
  const type = r.pick([
    'application/json',
    'application/json; charset=utf-16',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=zz',
    'application/xml',
    '',
    '\u00ff\u00fe',
    null,
  ]);
  const pick = r.int(0, 6);
  if (pick === 0) return { type, bytes: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]) };
  if (pick === 6) return { type, bytes: Buffer.from(`csrfToken=x&callbackUrl=${r.pick(NASTY)}&json=true`) };
  if (pick === 1) return { type, bytes: Buffer.alloc(r.int(17_000, 300_000), 'a') };
  if (pick === 2) return { type, bytes: Buffer.from(`a=${r.pick(NASTY)}&b=${r.pick(NASTY)}&a=1`) };
  if (pick === 3) return { type, bytes: Buffer.from('--zz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[') };
  return { type, bytes: Buffer.from(hostileJson(r, ctx), 'utf8') };
}

/** FormData as React encodes a server action's arguments: root row "0", form fields as "1_<name>". */
function multipart(r: Random, ctx: FuzzContext, broken: boolean): { type: string; bytes: Buffer } {
  const boundary = `----fuzz${r.int(0, 1e9)}`;
  const root = [
    r.chance(0.7) ? r.pick(ctx.ids.compound) : r.pick(JSON_VALUES),
    r.chance(0.8) ? null : r.pick(JSON_VALUES),
    r.chance(0.8) ? '$K1' : r.pick(JSON_VALUES),
  ].slice(0, r.int(0, 3));
  const parts: [string, string][] = [];
  for (let i = r.int(0, 5); i > 0; i--) {
    const name = r.chance(0.7) ? r.pick(FIELDS) : r.pick(MORE_FIELDS);
    parts.push([`1_${name}`, r.chance(0.5) ? segment(r, ctx.ids.topic) : decodeSafely(r.pick(NASTY))]);
  }
  if (!broken || r.chance(0.5)) parts.push(['0', r.chance(0.9) ? JSON.stringify(root) : r.pick(['[', '"x"', '{}'])]);
  let text = parts
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  text += broken && r.chance(0.5) ? `--${boundary}\r\nContent-Disp` : `--${boundary}--\r\n`;
  const type = broken && r.chance(0.3) ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary}`;
  return { type, bytes: Buffer.from(text, 'utf8') };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function forgedActionId(r: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
  return r.pick([hex(42), `00${hex(40)}`, hex(r.int(1, 80)), 'x', '', '../../', '%00', '7f'.repeat(500)]);
}

function withBody(headers: [string, string | Buffer][], b: { type: string | null; bytes: Buffer }) {
  if (b.type !== null) headers.push(['content-type', b.type]);
  return b.bytes;
}

export function generate(r: Random, ctx: FuzzContext, family: Family): RawRequest {
  const headers = baseHeaders(r, ctx);
  switch (family) {
    case 'pages': {
      if (r.chance(0.15)) headers.push(['rsc', '1']);
      return { method: r.chance(0.9) ? 'GET' : 'HEAD', target: target(r, ctx, PAGES), headers };
    }
    case 'api':
      return { method: r.chance(0.8) ? 'GET' : 'HEAD', target: target(r, ctx, APIS), headers };
    case 'encoding': {
      const t = target(r, ctx, r.chance(0.6) ? PAGES : APIS);
      const pick = r.int(0, 4);
      if (pick === 0) return { method: 'GET', target: withJunk(r, t), headers };
      if (pick === 1)
        return { method: 'GET', target: `${t}${r.chance(0.5) ? '/' : '?q='}${'%'.repeat(r.int(1, 3))}`, headers };
      if (pick === 2) return { method: 'GET', target: `${t}/${'a'.repeat(r.int(2_000, 70_000))}`, headers };
      if (pick === 3)
        return { method: 'GET', target: r.pick(['*', 'http://evil.example/c/1', '//c/1', 'c/1', '/\\evil']), headers };
      return { method: 'POST', target: `/api/compounds/${r.pick(NASTY)}/votes/${r.pick(NASTY)}/ballots`, headers };
    }
    case 'headers': {
      const pick = r.int(0, 12);
      if (pick === 0) headers.push(['x-long', 'a'.repeat(r.int(4_000, 40_000))]);
      if (pick === 1) headers.push(['cookie', `next-auth.session-token=${r.pick(NASTY)}${'x'.repeat(r.int(0, 5000))}`]);
      if (pick === 2) headers.push(['accept-language', r.pick(NASTY)], ['cookie', `locale=${r.pick(NASTY)}`]);
      if (pick === 3)
        headers[0] = [
          'host',
          r.pick(['', 'evil.example', '[::1', 'a b', '\u00ff', '127.0.0.1:99999', 'my_app:3000', 'x.example.', 'a%41']),
        ];
      if (pick === 4)
        headers.push(['x-forwarded-host', r.pick(NASTY)], ['x-forwarded-proto', r.pick(['https', 'x', ''])]);
      if (pick === 5) headers.push(['rsc', '1'], ['next-router-state-tree', r.pick(NASTY)]);
      if (pick === 6) headers.push(['next-router-prefetch', '1'], ['next-router-segment-prefetch', r.pick(NASTY)]);
      if (pick === 7) headers.push(['next-url', r.pick(NASTY)], ['range', `bytes=${r.pick(NASTY)}`]);
      if (pick === 8) headers.push(['x-bad', Buffer.from([0x61, r.int(0, 31), 0x62])]);
      if (pick === 9) for (let i = r.int(50, 300); i > 0; i--) headers.push([`x-h${i}`, String(i)]);
      if (pick === 10) headers.push(['upgrade', r.pick(['websocket', 'h2c', 'x'])], ['connection', 'upgrade']);
      if (pick === 11) headers.push(['cookie', `next-auth.callback-url=${r.pick(NASTY)}`]);
      if (pick === 12) headers.push(['range', `bytes=${r.pick(NASTY)}-${r.pick(NASTY)}`], ['if-match', r.pick(NASTY)]);
      if (pick >= 11 && r.chance(0.5)) return { method: 'GET', target: r.pick(ctx.statics), headers };
      return { method: 'GET', target: target(r, ctx, r.chance(0.6) ? PAGES : APIS), headers };
    }
    case 'methods': {
      const method = r.pick(METHODS);
      const b = r.chance(0.3) ? withBody(headers, body(r, ctx)) : undefined;
      if (b && r.chance(0.2)) headers.push(['expect', '100-continue']);
      if (r.chance(0.1)) return { method, target: r.pick(ctx.statics), headers, body: b };
      return { method, target: target(r, ctx, r.chance(0.5) ? PAGES : APIS), headers, body: b };
    }
    case 'bodies': {
      const ballots = `/api/compounds/${segment(r, ctx.ids.compound)}/votes/${segment(r, ctx.ids.vote)}/ballots`;
      const t = r.chance(0.5) ? ballots : target(r, ctx, r.chance(0.5) ? PAGES : APIS);
      return { method: r.chance(0.85) ? 'POST' : 'PUT', target: t, headers, body: withBody(headers, body(r, ctx)) };
    }
    case 'actions': {
      const action = r.pick(ctx.actions);
      headers.push(['next-action', r.chance(0.75) ? action.id : forgedActionId(r)]);
      if (r.chance(0.3)) headers.push(['origin', r.pick(FOREIGN_ORIGINS)]);
      else if (r.chance(0.6)) headers.push(['origin', `http://${ctx.host}`]);
      if (r.chance(0.5)) headers.push(['accept', 'text/x-component']);
      const page = r.chance(0.8) ? fill(r, ctx, action.page) : target(r, ctx, PAGES);
      const pick = r.int(0, 3);
      const b =
        pick === 0
          ? { type: 'text/plain;charset=UTF-8', bytes: Buffer.from(hostileJson(r, ctx)) }
          : pick === 3
            ? body(r, ctx)
            : multipart(r, ctx, pick === 2);
      return { method: 'POST', target: page, headers, body: withBody(headers, b) };
    }
  }
}
