import fs from 'node:fs';
import path from 'node:path';
import { type Browser, test } from '@playwright/test';
import { DEMO_PASSWORD, demo } from './fixtures';

/**
 * Screenshots of every households screen at 390×844 and 1280×800, in Chinese and English, for the README and for
 * looking at (docs/screenshots/households/). Not a story: it only opens pages and takes pictures.
 */
const SHOTS = path.join('docs', 'screenshots', 'households');
const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '1280', width: 1280, height: 800 },
] as const;

async function as(browser: Browser, mobile: string | null, locale: 'zh-CN' | 'en', size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: size });
  await context.addCookies([{ name: 'locale', value: locale, url: 'http://127.0.0.1' }]);
  const page = await context.newPage();
  if (mobile) {
    await page.goto('/login');
    await page.locator('input[name="mobile"]').fill(mobile);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  }
  return page;
}

const SCREENS: { name: string; who: string | null; path: string }[] = [
  { name: 'households', who: demo.communityWorker, path: '/c/1/households' },
  { name: 'transfers', who: demo.communityWorker, path: '/c/1/households/transfers' },
  { name: 'activate', who: null, path: '/activate?code=ABCD-EFGH-JKMN' },
  { name: 'join', who: null, path: '/join' },
  { name: 'login', who: null, path: '/login' },
  { name: 'privacy', who: null, path: '/privacy' },
  { name: 'account', who: demo.coOwnerVoter, path: '/account' },
  { name: 'corrections', who: demo.communityWorker, path: '/admin/corrections' },
  { name: 'dev-sms', who: null, path: '/dev/sms' },
];

test('every households screen, on a phone and a desktop, in Chinese and English', async ({ browser }) => {
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const size of SIZES) {
      for (const s of SCREENS) {
        const page = await as(browser, s.who, locale, size);
        await page.goto(s.path);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: path.join(SHOTS, `${s.name}-${size.name}-${locale}.png`), fullPage: true });
        await page.context().close();
      }
    }
  }
});
