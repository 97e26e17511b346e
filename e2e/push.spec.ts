import { expect, test } from '@playwright/test';
import { type PushStub, startPushStub } from '../tests/push-stub';
import { demo, login, openCompound } from './fixtures';

/**
 * Web Push, end to end: a phone opts in (the browser's subscribe() is played by the local push
 * service stub's subscription: headless Chromium cannot reach a real push service), something
 * waits for its owner, the server pushes it through the stub — signed and encrypted, checked and
 * decrypted there — and the service worker shows it.
 */
test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.E2E_PORT ?? 3201);
let stub: PushStub;

test.beforeAll(async () => {
  // scripts/e2e-server.sh lets the server push to this port only.
  stub = await startPushStub(PORT + 1000);
});
test.afterAll(async () => stub.close());

test('the secretary turns push on for her phone; a topic raised reaches it, and the phone shows it', async ({
  browser,
  baseURL,
}) => {
  const device = stub.subscription();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  await phone.grantPermissions(['notifications'], { origin: baseURL });
  // The browser's own subscribe() would ask a real push service; here it answers with the stub's device.
  await phone.addInitScript((sub) => {
    const fake = {
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true },
      getKey: () => null,
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: sub.keys }),
      unsubscribe: async () => {
        sessionStorage.removeItem('fake-push');
        return true;
      },
    };
    PushManager.prototype.subscribe = async () => {
      sessionStorage.setItem('fake-push', '1');
      return fake as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () =>
      (sessionStorage.getItem('fake-push') ? fake : null) as unknown as PushSubscription | null;
  }, device);
  const page = await phone.newPage();
  await login(page, demo.secretary);
  await page.goto('/notifications');
  await page.getByRole('link', { name: '通知设置' }).click();
  await expect(page.getByText('这台设备还没有开启推送')).toBeVisible();
  // Quiet hours would hold the push back if this runs at night: she turns them off, and saves.
  await page.getByLabel('开启免打扰').uncheck();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('✓ 已保存')).toBeVisible();
  await page.getByRole('button', { name: '在这台设备上开启推送' }).click();
  await expect(page.getByText('✓ 已开启，这台设备会收到提醒')).toBeVisible();
  await expect(page.getByText('✓ 这台设备已开启推送')).toBeVisible();
  await page.reload();
  await expect(page.getByText('您共有 1 台设备开启了推送。')).toBeVisible();

  // A resident raises a topic, on another phone.
  const title = `推送测试：5号楼电梯异响（${Date.now().toString(36).slice(-4)}）`;
  const other = await browser.newContext();
  const resident = await other.newPage();
  await login(resident, demo.residentRep);
  await openCompound(resident, '合和大院');
  await resident.getByRole('link', { name: '议题', exact: true }).click();
  await resident.getByRole('link', { name: '提议题' }).click();
  await resident.getByLabel('标题').fill(title);
  await resident.getByLabel('详细描述').fill(`${title}，晚上尤其明显。`);
  await resident.getByLabel('类别').selectOption({ label: '设施维修' });
  await resident.getByRole('button', { name: '提交议题' }).click();
  await expect(resident.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const topicPath = new URL(resident.url()).pathname;
  await other.close();

  // The server's sender runs every few seconds; the stub checks the VAPID signature and decrypts.
  await expect
    .poll(() => stub.received.filter((p) => p.payload.body.includes(title)).length, { timeout: 20_000 })
    .toBe(1);
  const push = stub.received.find((p) => p.payload.body.includes(title));
  expect(stub.errors).toEqual([]);
  expect(push?.path).toBe(new URL(device.endpoint).pathname);
  expect(push?.payload).toMatchObject({
    title: '议事',
    body: `韩梅 提出了议题“${title}”，请审核`,
    url: `${topicPath}#review-h`,
  });
  expect(push?.claims.aud).toBe(stub.origin);
  console.log(
    `push: delivered to the stub, TTL ${push?.ttl} s, urgency ${push?.urgency}, VAPID key ${push?.vapidKey.slice(0, 12)}…`,
  );

  // The phone's service worker shows what arrived (delivered to it as the push service would).
  const cdp = await phone.newCDPSession(page);
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const r = e.registrations.find((x) => x.scopeURL === `${baseURL}/` && !x.isDeleted);
      if (r) resolve(r.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin: baseURL ?? '',
    registrationId: await registration,
    data: JSON.stringify(push?.payload),
  });
  await expect
    .poll(() =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.body)),
    )
    .toContain(`韩梅 提出了议题“${title}”，请审核`);
  await phone.close();
});
