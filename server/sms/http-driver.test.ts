import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpSmsSender, SIGNATURE_MAX_SKEW_SECONDS, signSmsRequest, verifySmsSignature } from './http-driver';
import { createSmsSender, SmsSendError } from './sender';

/** A gateway on 127.0.0.1 that records what it is sent and answers as the test says. */
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Answer = { status: number; body: string; location?: string } | 'hang';

const KEY = 'a-shared-secret-of-at-least-32-chars!';
let server: Server;
let base: string;
let received: Received[] = [];
let answer: Answer = { status: 200, body: '{"ok":true}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {});
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  answer = { status: 200, body: '{"ok":true}' };
});

const sender = (extra: Record<string, string> = {}) => {
  const s = createSmsSender({
    SMS_DRIVER: 'http',
    SMS_HTTP_URL: `${base}/sms/send?tenant=yishi`,
    SMS_HTTP_KEY: KEY,
    SMS_HTTP_TEMPLATE: 'SMS_1234',
    ...extra,
  });
  if (!s) throw new Error('expected a sender');
  return s;
};

const header = (r: Received | undefined, name: string) => String(r?.headers[name] ?? '');

describe('the http driver, against a stub gateway', () => {
  it('POSTs the message as JSON to the configured URL', async () => {
    await sender({ SMS_HTTP_SENDER: '议事' }).send('13800000004', '123456', 'sign-in');
    expect(received).toHaveLength(1);
    const r = received[0];
    expect(r?.method).toBe('POST');
    expect(r?.url).toBe('/sms/send?tenant=yishi');
    expect(header(r, 'content-type')).toBe('application/json');
    expect(JSON.parse(r?.body ?? '')).toEqual({
      to: '13800000004',
      template: 'SMS_1234',
      params: { code: '123456', minutes: 5 },
      purpose: 'sign-in',
      sender: '议事',
    });
  });

  it('leaves the sender out when none is configured', async () => {
    await sender().send('13800000004', '123456', 'sign-in');
    expect(JSON.parse(received[0]?.body ?? '')).not.toHaveProperty('sender');
  });

  it('signs timestamp, nonce and body with the key; the gateway can check it and that it is fresh', async () => {
    const s = sender();
    await s.send('13800000004', '123456', 'sign-in');
    await s.send('13800000004', '654321', 'sign-in');
    const [first, second] = received;
    const signed = (r: Received | undefined, key = KEY, body = r?.body ?? '') => ({
      key,
      timestamp: header(r, 'x-yishi-timestamp'),
      nonce: header(r, 'x-yishi-nonce'),
      body,
      signature: header(r, 'x-yishi-signature'),
    });
    expect(Math.abs(Number(header(first, 'x-yishi-timestamp')) - Date.now() / 1000)).toBeLessThan(5);
    expect(header(first, 'x-yishi-nonce')).toMatch(/^[\w-]{22}$/);
    expect(header(first, 'x-yishi-nonce')).not.toBe(header(second, 'x-yishi-nonce'));
    expect(header(first, 'x-yishi-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(verifySmsSignature(signed(first), Date.now())).toBe(true);
    expect(verifySmsSignature(signed(second), Date.now())).toBe(true);
    // Another key, a changed body, or the same request replayed much later: refused.
    expect(verifySmsSignature(signed(first, 'another-secret-of-at-least-32-chars!!'), Date.now())).toBe(false);
    expect(verifySmsSignature(signed(first, KEY, first?.body.replace('123456', '000000')), Date.now())).toBe(false);
    expect(verifySmsSignature(signed(first), Date.now() + (SIGNATURE_MAX_SKEW_SECONDS + 5) * 1000)).toBe(false);
  });

  it('signs exactly "<timestamp>\\n<nonce>\\n<body>" (a fixed clock and nonce, checked by hand)', async () => {
    const s = httpSmsSender(
      { url: `${base}/x`, key: KEY, template: 'T', sender: null, timeoutMs: 2000 },
      { now: () => 1_767_225_600_000, nonce: () => 'n0nce' },
    );
    await s.send('13800000004', '000042', 'sign-in');
    const body = '{"to":"13800000004","template":"T","params":{"code":"000042","minutes":5},"purpose":"sign-in"}';
    expect(received[0]?.body).toBe(body);
    expect(header(received[0], 'x-yishi-timestamp')).toBe('1767225600');
    expect(header(received[0], 'x-yishi-signature')).toBe(signSmsRequest(KEY, '1767225600', 'n0nce', body));
    // openssl: printf '1767225600\nn0nce\n<body>' | openssl dgst -sha256 -hmac "$KEY"
    expect(signSmsRequest(KEY, '1767225600', 'n0nce', body)).toBe(
      '049e91a136fe104f9c7d9d82b3aaa6cc180ab6ce24de5676cedcbe18af62541a',
    );
  });

  it('throws a clear error on an answer that is not 2xx, naming the masked mobile and never the code', async () => {
    answer = { status: 502, body: '{"error":"template SMS_1234 rejected","params":{"code":"123456"}}' };
    const sending = sender().send('13800000004', '123456', 'sign-in');
    await expect(sending).rejects.toThrow(SmsSendError);
    const error = await sending.catch((e: unknown) => e);
    expect(String(error)).toMatch(/SMS gateway answered 502 Bad Gateway \(to 138\*\*\*\*0004\): .*template SMS_1234/);
    expect(String(error)).not.toContain('123456');
    expect(String(error)).not.toContain('13800000004');
  });

  it('gives up after the timeout when the gateway does not answer, without retrying', async () => {
    answer = 'hang';
    const s = httpSmsSender({ url: `${base}/slow`, key: KEY, template: 'T', sender: null, timeoutMs: 300 });
    const started = Date.now();
    await expect(s.send('13800000004', '123456', 'sign-in')).rejects.toThrow(
      /did not answer within 300 ms \(to 138\*\*\*\*0004\)/,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(received).toHaveLength(1);
  });

  it('does not follow a redirect, so the signed message goes nowhere else', async () => {
    answer = { status: 307, body: '', location: `${base}/elsewhere` };
    await expect(sender().send('13800000004', '123456', 'sign-in')).rejects.toThrow(/unreachable/);
    expect(received.map((r) => r.url)).toEqual(['/sms/send?tenant=yishi']);
  });

  it('says the gateway is unreachable when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const s = httpSmsSender({
      url: `http://127.0.0.1:${port}/`,
      key: KEY,
      template: 'T',
      sender: null,
      timeoutMs: 2000,
    });
    await expect(s.send('13800000004', '123456', 'sign-in')).rejects.toThrow(
      /unreachable \(to 138\*\*\*\*0004\): .*ECONNREFUSED/,
    );
  });
});
