import { expect, test } from '@playwright/test';
import { demo, login, openCompound } from './fixtures';

/** 议事 installs as an app, and a compound's notice board can be read without a connection. */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('the app is installable: a valid manifest with icons, a favicon, a service worker', async ({ page, baseURL }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await (await page.request.get(href ?? '')).json();
  expect(manifest).toMatchObject({ name: '议事', short_name: '议事', start_url: '/', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons as { src: string }[]) {
    const res = await page.request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  const favicon = await page.request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/x-icon');
  // The worker is fetched fresh on every check for an update, never from a long-lived cache.
  expect((await page.request.get('/serwist/sw.js')).headers()['cache-control']).toBe('no-cache');

  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toBe(`${baseURL}/serwist/sw.js`);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are off the record, which Chromium reports; nothing else may be wrong.
  const errors = installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito');
  console.log(`pwa: installability errors other than in-incognito: ${JSON.stringify(errors)}`);
  expect(errors).toEqual([]);
});

test('a resident reads the notice board offline; pages that need the server say plainly they cannot work', async ({
  page,
  context,
}) => {
  await login(page, demo.multiOwner);
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '公示栏' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '合和大院 公示栏' })).toBeVisible();
  const board = new URL(page.url()).pathname;
  await page.evaluate(async () => navigator.serviceWorker.ready);
  // Opened online, the board is kept on the device.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('yishi-saved-boards') ?? '')).toContain(board);

  await context.setOffline(true);
  await page.goto(board);
  await expect(page.getByRole('heading', { level: 1, name: '合和大院 公示栏' })).toBeVisible();
  await expect(page.getByText(/^离线查看：这是 .* 保存的公示栏，可能不是最新的。$/)).toBeVisible();
  await expect(page.getByText('您已离线：页面可能是之前保存的')).toBeVisible();

  await page.goto('/c/1/topics');
  await expect(page.getByRole('heading', { level: 1, name: '您现在离线' })).toBeVisible();
  await expect(page.getByText('投票、提议题、附议、评论和答复都要联网后才能进行；')).toBeVisible();
  // No name and no counts of whoever was signed in when the page was kept.
  await expect(page.getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await page.getByRole('link', { name: '合和大院 公示栏' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '合和大院 公示栏' })).toBeVisible();
  await context.setOffline(false);
});
