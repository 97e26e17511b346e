import { describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_SERVICES, isAllowedEndpoint, quietHoursSchema, subscriptionSchema } from './validation';

describe('push endpoints', () => {
  it('are accepted on the browsers’ push services', () => {
    for (const e of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAA',
      'https://web.push.apple.com/QG9',
      'https://wns2-par02p.notify.windows.com/w/?token=x',
    ]) {
      expect(isAllowedEndpoint(e, DEFAULT_PUSH_SERVICES), e).toBe(true);
    }
  });

  it('are refused anywhere else, however disguised', () => {
    for (const e of [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://fcm.googleapis.com:8443/x',
      'https://fcm.googleapis.com.evil.example/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://notify.windows.com.evil/x',
      'https://evilnotify.windows.com/x',
      'http://127.0.0.1:3000/api/health',
      'http://169.254.169.254/latest',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedEndpoint(e, DEFAULT_PUSH_SERVICES), e).toBe(false);
    }
  });

  it('accept a local stub only when it is configured', () => {
    expect(isAllowedEndpoint('http://127.0.0.1:4999/push/1', ['http://127.0.0.1:4999'])).toBe(true);
    expect(isAllowedEndpoint('http://127.0.0.1:5000/push/1', ['http://127.0.0.1:4999'])).toBe(false);
  });
});

describe('a subscription', () => {
  const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
  const schema = subscriptionSchema(DEFAULT_PUSH_SERVICES);
  it('carries keys of the sizes the Push API uses', () => {
    expect(schema.safeParse({ endpoint: 'https://fcm.googleapis.com/x', ...keys }).success).toBe(true);
    expect(schema.safeParse({ endpoint: 'https://fcm.googleapis.com/x', ...keys, auth: 'A'.repeat(21) }).success).toBe(
      false,
    );
    expect(schema.safeParse({ endpoint: 'https://fcm.googleapis.com/x', ...keys, p256dh: '+/=' }).success).toBe(false);
  });

  it('falls back to Chinese for an unknown language', () => {
    const r = schema.safeParse({ endpoint: 'https://fcm.googleapis.com/x', ...keys, locale: 'fr' });
    expect(r.success && r.data.locale).toBe('zh-CN');
  });
});

describe('the quiet-hours form', () => {
  it('reads a ticked box and two times', () => {
    expect(quietHoursSchema.parse({ quietEnabled: 'on', quietFrom: '22:30', quietTo: '06:45' })).toEqual({
      quietEnabled: true,
      quietFrom: 1350,
      quietTo: 405,
    });
    expect(quietHoursSchema.parse({ quietFrom: '22:00', quietTo: '07:00' }).quietEnabled).toBe(false);
  });

  it('says a time is required, or how to write it', () => {
    const empty = quietHoursSchema.safeParse({ quietFrom: '', quietTo: '7' });
    expect(empty.success).toBe(false);
    const messages = empty.success ? [] : empty.error.issues.map((i) => [i.path[0], i.message]);
    expect(messages).toEqual([
      ['quietFrom', 'required'],
      ['quietTo', 'timeOfDay'],
    ]);
  });
});
