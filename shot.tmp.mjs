// usage: node /tmp/shot.mjs mobile path name [care] [width] [height] [en]
import { chromium } from '@playwright/test';
const [mobile, path, name, care, w, h, en] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: Number(w || 390), height: Number(h || 844) }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const base = 'http://127.0.0.1:3331';
const cookies = [];
if (care === '1') cookies.push({ name: 'care', value: '1', url: base });
if (en === 'en') cookies.push({ name: 'locale', value: 'en', url: base });
if (cookies.length) await ctx.addCookies(cookies);
const page = await ctx.newPage();
if (mobile !== '-') {
  await page.goto(base + '/login');
  await page.locator('input[name=mobile]').fill(mobile);
  await page.locator('input[name=password]').fill('yishi2026');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
await page.goto(base + path);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
console.log(name, 'horizontal overflow px:', overflow);
await browser.close();
