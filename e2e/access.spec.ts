import { expect, test } from '@playwright/test';
import { demo, login, openCompound } from './fixtures';

test("a resident opening another compound's page gets 404", async ({ page }) => {
  // The district admin sees every compound; note where 亿泰庄园 lives.
  await login(page, demo.districtAdmin);
  const href = await page.getByRole('link', { name: /^亿泰庄园/ }).getAttribute('href');
  expect(href).toMatch(/^\/c\/\d+$/);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  await login(page, demo.multiOwner);
  await expect(page.getByRole('link', { name: /^亿泰庄园/ })).toHaveCount(0);
  const res = await page.goto(`${href}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '没有找到这个页面' })).toBeVisible();
  // Nor may they see the register or the administration of their own compound.
  await openCompound(page, '合和大院');
  const own = page.url();
  expect(own).toMatch(/\/c\/\d+$/);
  expect((await page.goto(`${own}/register`))?.status()).toBe(404);
  expect((await page.goto(own.replace('/c/', '/admin/compounds/')))?.status()).toBe(404);
  expect((await page.goto('/admin'))?.status()).toBe(404);
});

test('property staff of another company cannot open 合和大院', async ({ page }) => {
  await login(page, demo.otherPropertyStaff);
  await expect(page.getByRole('link', { name: /^亿泰庄园/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^合和大院/ })).toHaveCount(0);
});

test('a page without a session sends you to the login page', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login/);
});
