/**
 * What the page-cache tests share (tests/page-cache.test.ts, tests/compound-page-cache.test.ts, the
 * authorization matrix's cached pages): the session cookie a signed-in browser sends, the viewer a
 * stand-in for Next reads from it, a page head with a nonce of its own, and a local server. Server
 * modules are imported when first used, after the test has set NEXTAUTH_SECRET.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'next-auth/jwt';
import { actAs, who } from './harness';

/** Signs `personId` in (a session row, as the harness does) and returns the cookie their browser would send. */
export async function sessionCookie(personId: number, secret: string): Promise<string> {
  actAs(personId);
  const token = await encode({ token: { sub: String(personId), sid: who.sid ?? '' }, secret });
  return `next-auth.session-token=${token}`;
}

/** The person a request's session cookie stands for, as the pages read it; null for anyone else. */
export async function viewerOfRequest(req: http.IncomingMessage, secret: string) {
  const { SESSION_COOKIE_NAMES, sessionIdFromToken } = await import('@/lib/auth/jwe');
  const { actorOfSession } = await import('@/server/auth/session-record');
  const token = (req.headers.cookie ?? '').split('; ').find((c) => c.startsWith(`${SESSION_COOKIE_NAMES[1]}=`));
  const sid = token ? await sessionIdFromToken(token.split('=')[1] ?? '', secret) : null;
  return sid ? actorOfSession(sid, Date.now()) : null;
}

/** Sets a page's policy and type as Next does, with a fresh nonce, and returns the nonce. */
export function nonceHead(res: http.ServerResponse): string {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  return nonce;
}

/** A server on a free local port; `close` waits for it to stop. */
export async function listen(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
