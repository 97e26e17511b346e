import fs from 'node:fs';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { demo, login, logout, openCompound } from './fixtures';

/**
 * Screenshots for the README (docs/screenshots/phone/): a 390×844 phone, in the standard look and
 * in elderly mode, in Chinese and in English; a 1280×800 desktop for the new pages. Written only
 * with SCREENSHOTS=1; otherwise the pages are still opened and checked to render.
 */
test.describe.configure({ mode: 'serial' });

const DIR = 'docs/screenshots/phone';
const write = process.env.SCREENSHOTS === '1';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function prepare(context: BrowserContext, baseURL: string | undefined, care: boolean, en: boolean) {
  await context.clearCookies({ name: 'care' });
  await context.clearCookies({ name: 'locale' });
  const cookies = [];
  if (care) cookies.push({ name: 'care', value: '1', url: baseURL ?? '' });
  if (en) cookies.push({ name: 'locale', value: 'en', url: baseURL ?? '' });
  if (cookies.length) await context.addCookies(cookies);
}

async function shoot(page: Page, path: string, name: string, fullPage = false) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  // Fonts and the service worker settle; no animation is waited for.
  await page.waitForLoadState('networkidle');
  if (write) {
    fs.mkdirSync(DIR, { recursive: true });
    await page.screenshot({ path: `${DIR}/${name}.png`, fullPage });
  }
}

test('a resident on a phone: home, My work, a vote and the notice board, standard and elderly mode', async ({
  page,
  context,
  baseURL,
}) => {
  await page.setViewportSize(PHONE);
  await login(page, demo.residentRep);
  await page.goto('/work');
  const vote = page
    .getByRole('link')
    .filter({ hasText: /请投票/ })
    .first();
  const votePath = (await vote.count()) ? ((await vote.getAttribute('href')) ?? '/c/1/board') : '/c/1/board';
  for (const care of [false, true]) {
    for (const en of [false, true]) {
      await prepare(context, baseURL, care, en);
      const suffix = `${care ? '-care' : ''}${en ? '-en' : ''}`;
      await shoot(page, '/', `home${suffix}`);
      await shoot(page, '/work', `work${suffix}`);
      if (!en) {
        await shoot(page, votePath, `vote${suffix}`);
        await shoot(page, '/c/1/board', `board${suffix}`);
      }
    }
  }
  await prepare(context, baseURL, false, false);
});

test('the secretary, the grid worker and the settings, on a phone and on a desktop', async ({
  page,
  context,
  baseURL,
}) => {
  await prepare(context, baseURL, false, false);
  // Something waiting for the secretary.
  await login(page, demo.coOwnerVoter);
  await openCompound(page, '合和大院');
  await page.goto('/c/1/topics/new');
  await page.getByLabel('标题').fill('3号楼2单元门口积水，老人出行不便');
  await page.getByLabel('详细描述').fill('下雨后单元门口积水很深，老人出门要绕路。');
  await page.getByLabel('类别').selectOption({ label: '设施维修' });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('积水');
  await logout(page);

  await login(page, demo.secretary);
  await page.setViewportSize(PHONE);
  await shoot(page, '/', 'secretary-home');
  await shoot(page, '/work', 'secretary-work');
  await prepare(context, baseURL, true, false);
  await shoot(page, '/', 'secretary-home-care');
  await prepare(context, baseURL, false, false);
  await shoot(page, '/notifications/settings', 'settings');
  await page.setViewportSize(DESKTOP);
  await shoot(page, '/', 'desktop-secretary-home');
  await shoot(page, '/work', 'desktop-secretary-work');
  await shoot(page, '/c/1/topics', 'desktop-topics');
  await page.setViewportSize(PHONE);
  await shoot(page, '/c/1/topics', 'topics-list');

  await logout(page);
  await login(page, demo.gridWorker);
  await page.goto('/work');
  const remind = page.getByRole('link').filter({ hasText: '未投票住户' }).first();
  if (await remind.count()) {
    const href = (await remind.getAttribute('href')) ?? '';
    await shoot(page, href, 'reminders');
    await page.setViewportSize(DESKTOP);
    await shoot(page, href, 'desktop-reminders');
    await page.setViewportSize(PHONE);
  }
  await shoot(page, '/~offline', 'offline');
});
