import type { Page } from '@playwright/test';

const SIZES = [
  [390, 844],
  [1280, 800],
] as const;

/**
 * With SCREENSHOTS=1, the page as it is now at a 390 px phone and a 1280 px desktop, in Chinese and
 * English, into docs/screenshots/assembly/ (the README links them). `again` re-creates what only the
 * browser holds (an opened confirmation, say) after each reload. Without the variable it does nothing.
 */
export async function shots(page: Page, name: string, again?: () => Promise<void>) {
  if (!process.env.SCREENSHOTS) return;
  const url = page.url();
  for (const locale of ['zh-CN', 'en'] as const) {
    await page.context().addCookies([{ name: 'locale', value: locale, url }]);
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.goto(url);
      await again?.();
      await page.screenshot({
        path: `docs/screenshots/assembly/${name}-${locale === 'en' ? 'en' : 'zh'}-${width}.jpg`,
        fullPage: true,
        type: 'jpeg',
        quality: 70,
      });
    }
  }
  await page.context().addCookies([{ name: 'locale', value: 'zh-CN', url }]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(url);
}
