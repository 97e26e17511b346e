/**
 * Sign-in by SMS code with the log driver: a code goes only to an account, the answer never says whether the number
 * has one, resends wait 60 s, wrong codes count down, a code works once and for five minutes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { form, one, setupDatabase, teardownDatabase } from './harness';

process.env.SMS_DRIVER = 'log';
vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { requestSmsCodeAction } = await import('@/app/login/actions');
const { checkSmsSignIn } = await import('@/server/sms/sign-in');
const { recentLogCodes } = await import('@/server/sms/sender');
const { SMS_CODE_TTL_MS, SMS_MAX_TRIES } = await import('@/lib/sms/code');

beforeAll(() => {
  setupDatabase();
  vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterAll(teardownDatabase);

const ask = (mobile: string) => requestSmsCodeAction(null, form({ mobile }));

describe('sign-in by SMS code', () => {
  it('sends a code to an account, and answers alike for a number without one, sending nothing', async () => {
    const before = recentLogCodes().length;
    const known = await ask('13800000004');
    const unknown = await ask('13912349999');
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ ok: true, data: { resendAfterSeconds: 60 } });
    expect(recentLogCodes()).toHaveLength(before + 1);
    expect(recentLogCodes()[0]?.mobile).toBe('13800000004');
    expect(
      one<{ n: number }>(sql`select count(*) as n from sms_codes where mobile = '13912349999' and sent = 0`).n,
    ).toBe(1);
    // Stored only as an HMAC.
    const code = recentLogCodes()[0]?.code ?? '';
    expect(one<{ h: string }>(sql`select code_hash as h from sms_codes where mobile = '13800000004'`).h).not.toContain(
      code,
    );
  });

  it('makes a resend wait 60 seconds, whether or not the number has an account', async () => {
    expect(await ask('13800000004')).toMatchObject({ ok: false, code: 'resend-too-soon' });
    expect(await ask('13912349999')).toMatchObject({ ok: false, code: 'resend-too-soon' });
  });

  it('counts wrong codes down, signs in with the right one once, and never for a number without an account', () => {
    const code = recentLogCodes()[0]?.code ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    expect(checkSmsSignIn('13800000004', wrong, Date.now())).toEqual({
      ok: false,
      reason: 'wrong',
      tries: 1,
      triesLeft: SMS_MAX_TRIES - 1,
    });
    const ok = checkSmsSignIn('13800000004', `${code.slice(0, 3)} ${code.slice(3)}`, Date.now());
    expect(ok.ok && ok.person.name).toBe('刘建国');
    expect(checkSmsSignIn('13800000004', code, Date.now())).toMatchObject({ ok: false, reason: 'used' });
    expect(checkSmsSignIn('13912349999', '123456', Date.now())).toMatchObject({ ok: false, reason: 'no-code' });
  });

  it('refuses a code after five minutes and after five wrong tries', async () => {
    one(sql`delete from sms_codes returning 1`);
    await ask('13800000002');
    const code = recentLogCodes()[0]?.code ?? '';
    expect(checkSmsSignIn('13800000002', code, Date.now() + SMS_CODE_TTL_MS)).toMatchObject({ reason: 'expired' });
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < SMS_MAX_TRIES; i++) checkSmsSignIn('13800000002', wrong, Date.now());
    expect(checkSmsSignIn('13800000002', code, Date.now())).toMatchObject({ reason: 'too-many-tries' });
  });
});
