/**
 * The ballot route as the production server answers it (server/http/worker.ts →
 * server/voting/cast-ballot/fast-path.ts): over
 * real HTTP, with the session cookie a browser sends, on a seeded database. The checks are the
 * route's own (answerBallot), so the authorization matrix covers who may cast; this covers what the
 * fast path adds — reading the cookie and the language, the body limits, the status codes.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, one, personId, setupDatabase, teardownDatabase, who } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const SECRET = 'fast-path-test-secret-fast-path-test-secret-0123';
process.env.NEXTAUTH_SECRET = SECRET;

const { build } = await import('./action-fixtures');
const { isBallotPost, serveBallot } = await import('@/server/voting/cast-ballot/fast-path');
const { BALLOTS_ROUTE, matchBallotsRoute } = await import('@/server/voting/cast-ballot/address');
const { sql } = await import('drizzle-orm');

let server: http.Server;
let base = '';
let compoundId = 0;
let voteId = 0;

async function cookieOf(mobile: string): Promise<string> {
  const id = personId(mobile);
  actAs(id);
  const token = await encode({ token: { sub: String(id), sid: who.sid ?? '' }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

async function post(
  body: string,
  headers: Record<string, string> = {},
  path = `/api/compounds/${compoundId}/votes/${voteId}/ballots`,
) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: { receiptCode: string } },
  };
}

beforeAll(async () => {
  setupDatabase();
  const f = await build('合和大院', { secretary: '13800000001' });
  compoundId = f.compoundId;
  voteId = f.consultation;
  server = http.createServer((req, res) => {
    if (isBallotPost(req.method, req.url)) return void serveBallot(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  teardownDatabase();
});

describe('the ballot fast path', () => {
  it("answers at the Next route's own address, with the same use case behind both", async () => {
    // The one address (server/voting/cast-ballot/address.ts) names the route handler's folder…
    expect(fs.existsSync(path.resolve(__dirname, '..', `app${BALLOTS_ROUTE}`, 'route.ts'))).toBe(true);
    const route = await import('@/app/api/compounds/[compoundId]/votes/[voteId]/ballots/route');
    const { postBallot } = await import('@/server/voting/cast-ballot/in-next');
    expect(route.POST).toBe(postBallot);
    // …and is what the fast path matches, segments as they came (decoded later).
    expect(matchBallotsRoute('/api/compounds/3/votes/7/ballots')).toEqual({ compoundId: '3', voteId: '7' });
    expect(matchBallotsRoute('/api/compounds/%33/votes/7/ballots?lang=en')).toEqual({ compoundId: '%33', voteId: '7' });
    expect(matchBallotsRoute('/api/compounds//votes/7/ballots')).toBeNull();
    expect(matchBallotsRoute('/api/compounds/3/votes/7/ballots#x')).toBeNull();
  });

  it('answers only POSTs to a ballot route', () => {
    expect(isBallotPost('POST', '/api/compounds/1/votes/2/ballots')).toBe(true);
    expect(isBallotPost('POST', '/api/compounds/1/votes/2/ballots?x=1')).toBe(true);
    expect(isBallotPost('GET', '/api/compounds/1/votes/2/ballots')).toBe(false);
    expect(isBallotPost('POST', '/api/compounds/1/votes/2/receipts')).toBe(false);
    expect(isBallotPost('POST', '/api/compounds/1/votes/2/ballots/x')).toBe(false);
    expect(isBallotPost('POST', '/c/1/votes/2')).toBe(false);
  });

  it('an owner signed in casts once, gets a receipt, and a second ballot is refused in Chinese', async () => {
    const cookie = await cookieOf('13800000004');
    const voterKey = `p:${personId('13800000004')}`;
    const first = await post(JSON.stringify({ voterKey, choice: ['agree'] }), { cookie });
    expect(first.status).toBe(201);
    expect(first.body.data?.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = one<{ n: number }>(
      sql`select count(*) as n from ballots where vote_id = ${voteId} and voter_key = ${voterKey}`,
    );
    expect(stored.n).toBe(1);
    const again = await post(JSON.stringify({ voterKey, choice: ['disagree'] }), { cookie });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('nobody signed in, or a forged token: 401, in the language the cookie asks for', async () => {
    const body = JSON.stringify({ voterKey: 'p:1', choice: ['agree'] });
    const none = await post(body);
    expect(none).toMatchObject({ status: 401, body: { ok: false, code: 'signedOut' } });
    expect(none.body.message).toMatch(/[\u4e00-\u9fff]/);
    const forged = await post(body, { cookie: 'next-auth.session-token=eyJhbGciOiJkaXIi.forged; locale=en' });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it("someone else's voter key, a forged option and another compound's vote change nothing", async () => {
    const cookie = await cookieOf('13800000007');
    const before = one<{ n: number }>(sql`select count(*) as n from ballots`).n;
    const other = await post(JSON.stringify({ voterKey: `p:${personId('13800000004')}`, choice: ['agree'] }), {
      cookie,
    });
    expect(other.status).toBe(409);
    const forged = await post(JSON.stringify({ voterKey: `p:${personId('13800000007')}`, choice: ['o99'] }), {
      cookie,
    });
    expect(forged.status).toBe(400);
    const elsewhere = await post(
      JSON.stringify({ voterKey: `p:${personId('13800000007')}`, choice: ['agree'] }),
      { cookie },
      `/api/compounds/${compoundId + 1000}/votes/${voteId}/ballots`,
    );
    expect(elsewhere.status).toBe(404);
    expect(one<{ n: number }>(sql`select count(*) as n from ballots`).n).toBe(before);
  });

  it('a path whose percent-encoding is malformed is a 400 with a message, not a 500 (Trust II)', async () => {
    const cookie = await cookieOf('13800000007');
    const body = JSON.stringify({ voterKey: `p:${personId('13800000007')}`, choice: ['agree'] });
    for (const path of [
      '/api/compounds/%E0%A4%A/votes/1/ballots',
      `/api/compounds/${compoundId}/votes/%ZZ/ballots`,
      `/api/compounds/%/votes/${voteId}/ballots`,
    ]) {
      const answer = await post(body, { cookie }, path);
      expect(answer).toMatchObject({ status: 400, body: { ok: false, message: expect.any(String) } });
    }
    // Well-formed encoding still decodes to the ids: every digit percent-encoded, and the ballot is cast.
    const encode = (n: number) => [...String(n)].map((d) => `%3${d}`).join('');
    const encoded = await post(
      body,
      { cookie },
      `/api/compounds/${encode(compoundId)}/votes/${encode(voteId)}/ballots`,
    );
    expect(encoded.status).toBe(201);
  });

  it('refuses what is not a small JSON object', async () => {
    const cookie = await cookieOf('13800000007');
    expect((await post('voterKey=x', { cookie, 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(
      415,
    );
    expect((await post('{not json', { cookie })).status).toBe(400);
    expect((await post('[1,2]', { cookie })).status).toBe(400);
    expect((await post(JSON.stringify({ voterKey: 'x'.repeat(20_000), choice: [] }), { cookie })).status).toBe(413);
  });
});
