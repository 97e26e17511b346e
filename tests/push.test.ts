/**
 * Web Push end to end on the server side: a device subscribes through the action, something that
 * concerns its person happens, and the sender delivers it to a local push-service stub — which
 * checks the VAPID signature and decrypts the body as a browser would. Quiet hours hold it back, a
 * device the push service says is gone is forgotten, and what was read in the app is not pushed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, form, one, personId, setupDatabase, teardownDatabase } from './harness';
import { type PushStub, startPushStub } from './push-stub';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const stub: PushStub = await startPushStub();
process.env.PUSH_SERVICES = `${stub.origin},https://fcm.googleapis.com`;

const settings = await import('@/app/notifications/settings/actions');
const topics = await import('@/app/c/[compoundId]/topics/actions');
const { deliverDuePushes } = await import('@/server/push/deliver');

const SECRETARY = '13800000001';
const OWNER = '13800000004';
const HOUR = 3_600_000;
let compoundId = 0;

/** The next moment at `hour`:00 Beijing time, later than now: tests must not depend on when they run. */
function nextShanghai(hour: number): number {
  const now = Date.now();
  const day = 86_400_000;
  const midnight = now - ((now + 8 * HOUR) % day);
  const at = midnight + hour * HOUR;
  return at > now ? at : at + day;
}

async function subscribe(mobile: string) {
  const sub = stub.subscription();
  actAs(personId(mobile));
  const r = await settings.savePushSubscriptionAction(
    null,
    form({ endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, locale: 'zh-CN' }),
  );
  expect(r).toMatchObject({ ok: true });
  return sub;
}

async function raise(title: string): Promise<number> {
  actAs(personId(OWNER));
  const r = await topics.raiseTopicAction(
    compoundId,
    null,
    form({ title, description: `${title}。`, category: 'other' }),
  );
  if (!r.ok) throw new Error(r.message);
  return r.data.topicId;
}

const outbox = () => one<{ n: number }>(sql`select count(*) as n from push_outbox`).n;

beforeAll(() => {
  setupDatabase();
  compoundId = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
});
afterAll(async () => {
  teardownDatabase();
  await stub.close();
});

describe('web push', () => {
  it('delivers "a topic waits for your review" to the secretary’s subscribed phone, signed and encrypted', async () => {
    const sub = await subscribe(SECRETARY);
    const topicId = await raise('推送测试：单元门禁坏了');
    expect(outbox()).toBe(1);
    const report = await deliverDuePushes(nextShanghai(10));
    expect(report).toMatchObject({ sent: 1, postponed: 0 });
    const [push] = await stub.waitFor(1);
    expect(stub.errors).toEqual([]);
    expect(push?.path).toBe(new URL(sub.endpoint).pathname);
    expect(push?.payload.body).toBe('刘建国 提出了议题“推送测试：单元门禁坏了”，请审核');
    expect(push?.payload.url).toBe(`/c/${compoundId}/topics/${topicId}#review-h`);
    expect(push?.claims.aud).toBe(stub.origin);
    expect(push?.claims.sub).toMatch(/^mailto:/);
    expect(Number(push?.ttl)).toBeGreaterThan(0);
    expect(outbox()).toBe(0);
  });

  it('holds a push in quiet hours (22:00–07:00 by default) and sends it at 07:00', async () => {
    const before = stub.received.length;
    await raise('推送测试：夜里提的议题');
    const night = nextShanghai(23);
    // As if it had been raised at night (the sender drops what is more than a day old).
    one(sql`update push_outbox set created_at = ${night - 60_000}, send_after = ${night - 60_000} returning id`);
    expect(await deliverDuePushes(night)).toMatchObject({ sent: 0, postponed: 1 });
    const sendAfter = one<{ at: number }>(sql`select send_after as at from push_outbox`).at;
    expect(sendAfter).toBe(night + 8 * HOUR);
    expect(await deliverDuePushes(sendAfter - 60_000)).toMatchObject({ sent: 0 });
    expect(await deliverDuePushes(sendAfter)).toMatchObject({ sent: 1 });
    expect(stub.received.length).toBe(before + 1);
  });

  it('lets a person turn quiet hours off, and refuses a time that is not HH:MM', async () => {
    actAs(personId(SECRETARY));
    const bad = await settings.saveQuietHoursAction(null, form({ quietFrom: '25:00', quietTo: '07:00' }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { quietFrom: 'validation.timeOfDay' } });
    const off = await settings.saveQuietHoursAction(null, form({ quietFrom: '22:00', quietTo: '07:00' }));
    expect(off).toMatchObject({ ok: true });
    await raise('推送测试：关了免打扰');
    expect(await deliverDuePushes(nextShanghai(23))).toMatchObject({ sent: 1, postponed: 0 });
    const on = await settings.saveQuietHoursAction(
      null,
      form({ quietEnabled: 'on', quietFrom: '22:00', quietTo: '07:00' }),
    );
    expect(on).toMatchObject({ ok: true });
  });

  it('does not push what was already read in the app', async () => {
    const before = stub.received.length;
    await raise('推送测试：已在站内看过');
    one(sql`update notifications set read_at = ${Date.now()} where read_at is null returning id`);
    expect(await deliverDuePushes(nextShanghai(10))).toMatchObject({ sent: 0, dropped: 1 });
    expect(stub.received.length).toBe(before);
  });

  it('forgets a device the push service says is gone (410)', async () => {
    const count = () =>
      one<{ n: number }>(sql`select count(*) as n from push_subscriptions where person_id = ${personId(SECRETARY)}`).n;
    const second = await subscribe(SECRETARY);
    expect(count()).toBe(2);
    stub.makeGone(second.endpoint);
    await raise('推送测试：换了手机');
    expect(await deliverDuePushes(nextShanghai(10))).toMatchObject({ sent: 1 });
    expect(count()).toBe(1);
  });

  it('queues nothing for people without a subscribed device', async () => {
    one(sql`delete from push_subscriptions returning id`);
    await raise('推送测试：没有订阅');
    expect(outbox()).toBe(0);
  });

  it('refuses a subscription that points anywhere but a known push service', async () => {
    actAs(personId(OWNER));
    const sub = stub.subscription();
    for (const endpoint of [
      'http://169.254.169.254/latest/meta-data',
      'https://evil.example/push',
      'file:///etc/passwd',
    ]) {
      const r = await settings.savePushSubscriptionAction(
        null,
        form({ endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth }),
      );
      expect(r).toMatchObject({ ok: false, fieldErrors: { endpoint: 'validation.pushServiceUnknown' } });
    }
    expect(one<{ n: number }>(sql`select count(*) as n from push_subscriptions`).n).toBe(0);
  });

  it('removes only one’s own device', async () => {
    const mine = await subscribe(OWNER);
    actAs(personId(SECRETARY));
    expect(await settings.removePushSubscriptionAction(null, form({ endpoint: mine.endpoint }))).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    actAs(personId(OWNER));
    expect(await settings.removePushSubscriptionAction(null, form({ endpoint: mine.endpoint }))).toMatchObject({
      ok: true,
    });
  });
});
