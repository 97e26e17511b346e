import { describe, expect, it } from 'vitest';
import { createSmsSender, recentLogCodes, SmsConfigError, type SmsEnv } from './sender';

const KEY = 'k'.repeat(32);
const HTTP: SmsEnv = {
  SMS_DRIVER: 'http',
  SMS_HTTP_URL: 'https://sms.example.cn/send',
  SMS_HTTP_KEY: KEY,
  SMS_HTTP_TEMPLATE: 'SMS_123',
};

describe('createSmsSender', () => {
  it('gives no sender, so no sign-in by SMS, unless a driver is chosen', () => {
    expect(createSmsSender({})).toBeNull();
    expect(createSmsSender({ SMS_DRIVER: '' })).toBeNull();
    expect(createSmsSender({ SMS_DRIVER: 'off' })).toBeNull();
  });

  it('makes the log and http drivers', () => {
    expect(createSmsSender({ SMS_DRIVER: 'log' })?.driver).toBe('log');
    expect(createSmsSender({ ...HTTP, SMS_DRIVER: ' HTTP ' })?.driver).toBe('http');
    expect(createSmsSender({ ...HTTP, SMS_HTTP_URL: 'http://127.0.0.1:9000/sms' })?.driver).toBe('http');
    expect(
      createSmsSender({ ...HTTP, SMS_HTTP_URL: 'http://localhost/sms', SMS_HTTP_TIMEOUT_MS: '8000' })?.driver,
    ).toBe('http');
  });

  it.each<[string, SmsEnv, RegExp]>([
    ['an unknown driver', { SMS_DRIVER: 'aliyun' }, /SMS_DRIVER must be log, http or off/],
    ['no URL', { ...HTTP, SMS_HTTP_URL: undefined }, /SMS_HTTP_URL must be a full URL/],
    ['a relative URL', { ...HTTP, SMS_HTTP_URL: '/send' }, /SMS_HTTP_URL must be a full URL/],
    ['plain http to another host', { ...HTTP, SMS_HTTP_URL: 'http://sms.example.cn/send' }, /https/],
    ['another scheme', { ...HTTP, SMS_HTTP_URL: 'ftp://sms.example.cn/' }, /https/],
    ['credentials in the URL', { ...HTTP, SMS_HTTP_URL: 'https://u:p@sms.example.cn/' }, /credentials/],
    ['no key', { ...HTTP, SMS_HTTP_KEY: undefined }, /SMS_HTTP_KEY must be at least 32/],
    ['a short key', { ...HTTP, SMS_HTTP_KEY: 'k'.repeat(31) }, /SMS_HTTP_KEY must be at least 32/],
    ['no template', { ...HTTP, SMS_HTTP_TEMPLATE: ' ' }, /SMS_HTTP_TEMPLATE is required/],
    ['a timeout in words', { ...HTTP, SMS_HTTP_TIMEOUT_MS: 'five seconds' }, /SMS_HTTP_TIMEOUT_MS/],
    ['a timeout too long', { ...HTTP, SMS_HTTP_TIMEOUT_MS: '60000' }, /SMS_HTTP_TIMEOUT_MS/],
  ])('refuses %s, at start, with a message naming the variable', (_, env, message) => {
    expect(() => createSmsSender(env)).toThrow(SmsConfigError);
    expect(() => createSmsSender(env)).toThrow(message);
  });
});

describe('the log driver', () => {
  it('writes the masked mobile and the code to the log, and keeps the code for the dev-only page', async () => {
    const lines: string[] = [];
    const sender = createSmsSender({ SMS_DRIVER: 'log' }, { log: (l) => lines.push(l), now: () => 1_000 });
    await sender?.send('13800000004', '123456', 'sign-in');
    expect(lines).toEqual(['[yishi] SMS to 138****0004: 123456 (sign-in)']);
    expect(recentLogCodes()[0]).toEqual({ mobile: '13800000004', code: '123456', purpose: 'sign-in', sentAt: 1_000 });
  });

  it('keeps the last 20, newest first, shared by every sender in the process', async () => {
    const quiet = { log: () => {} };
    const a = createSmsSender({ SMS_DRIVER: 'log' }, quiet);
    const b = createSmsSender({ SMS_DRIVER: 'log' }, quiet);
    for (let i = 0; i < 25; i++)
      await (i % 2 ? a : b)?.send(`138000000${String(i).padStart(2, '0')}`, `00000${i % 10}`, 'sign-in');
    const kept = recentLogCodes();
    expect(kept).toHaveLength(20);
    expect(kept[0]?.mobile).toBe('13800000024');
    expect(kept[19]?.mobile).toBe('13800000005');
  });
});
