import http from 'node:http';
import { randomInt } from 'node:crypto';

/**
 * Clients at other addresses, for the login-limit stories. The e2e server trusts 127.0.0.1 as its
 * reverse proxy (TRUSTED_PROXIES in scripts/e2e-server.sh), so a browser context or request from
 * there that sends X-Forwarded-For is a client behind the proxy, at the hop it names last. A request
 * from any other loopback address (Linux routes all of 127.0.0.0/8 here) is a client that reached
 * the server directly: whatever X-Forwarded-For it sends must be ignored.
 */

/** A fresh public address (documentation ranges), so a retry starts with clean limits. */
export function someAddress(): string {
  return `${['192.0.2', '198.51.100', '203.0.113'][randomInt(3)]}.${randomInt(1, 255)}`;
}

/** A loopback address other than the proxy's, for a client that connects directly. */
export function someLoopback(): string {
  return `127.${randomInt(10, 250)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A mobile number nobody has in the demo district. */
export function unknownMobile(): string {
  return `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

/** Browser context options for a client behind the trusted proxy, at `address`. */
export function behindProxyAt(address: string) {
  return { extraHTTPHeaders: { 'X-Forwarded-For': address } };
}

interface From {
  /** Connect from this address (default 127.0.0.1, the trusted proxy). */
  localAddress?: string;
  forwardedFor?: string;
}

function send(url: URL, from: From, init: { method: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; setCookies: string[]; text: string }>((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    if (from.forwardedFor !== undefined) headers['x-forwarded-for'] = from.forwardedFor;
    const req = http.request(url, { method: init.method, headers, localAddress: from.localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * One sign-in through next-auth's credentials endpoint, as the login form does it. Answers the
 * error code the form would get ('invalid', 'wait:<reason>:<seconds>'), or null when it let them in.
 */
export async function attemptLogin(baseURL: string, mobile: string, password: string, from: From = {}) {
  const csrf = await send(new URL('/api/auth/csrf', baseURL), from, { method: 'GET' });
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const res = await send(new URL('/api/auth/callback/credentials', baseURL), from, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrf.setCookies.map((c) => c.split(';')[0]).join('; '),
    },
    body: new URLSearchParams({ csrfToken, mobile, password, json: 'true' }).toString(),
  });
  const { url } = JSON.parse(res.text) as { url: string };
  return new URL(url).searchParams.get('error');
}
