import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, demo, login } from './fixtures';

const roles: { who: string; mobile: string; compound: string; role: string }[] = [
  { who: 'branch secretary', mobile: demo.secretary, compound: '合和大院', role: '支部书记' },
  { who: 'owners committee chair', mobile: demo.committeeChair, compound: '合和大院', role: '业委会主任' },
  { who: 'owners committee member', mobile: demo.committeeMember, compound: '合和大院', role: '业委会委员' },
  { who: 'owner of two units', mobile: demo.multiOwner, compound: '合和大院', role: '业主' },
  { who: 'co-owner', mobile: demo.coOwner, compound: '合和大院', role: '业主' },
  { who: 'tenant', mobile: demo.tenant, compound: '合和大院', role: '租户' },
  { who: 'party member', mobile: demo.partyMember, compound: '合和大院', role: '支部委员' },
  { who: 'property staff', mobile: demo.propertyStaff, compound: '合和大院', role: '物业' },
  { who: 'grid worker', mobile: demo.gridWorker, compound: '双全楼院', role: '网格员' },
  { who: 'resident representative', mobile: demo.residentRep, compound: '合和大院', role: '居民代表' },
  { who: 'invited lawyer', mobile: demo.guestLawyer, compound: '合和大院', role: '特邀参与人' },
  { who: 'community worker', mobile: demo.communityWorker, compound: '合和大院', role: '社区工作者' },
  { who: 'street staff', mobile: demo.streetStaff, compound: '双全楼院', role: '街道工作人员' },
  { who: 'district admin', mobile: demo.districtAdmin, compound: '清华园', role: '区级管理员' },
];

test.describe('each demo role logs in and lands on its compounds', () => {
  for (const r of roles) {
    test(`${r.who} sees ${r.compound} as ${r.role}`, async ({ page }) => {
      await login(page, r.mobile);
      const card = page.getByRole('link', { name: new RegExp(`^${r.compound}`) });
      await expect(card).toBeVisible();
      await expect(card.getByRole('list', { name: '身份' })).toContainText(r.role);
      await card.click();
      await expect(page.getByRole('heading', { level: 1, name: r.compound })).toBeVisible();
      await expect(page.getByRole('list', { name: '身份' })).toContainText(r.role);
    });
  }
});

test('a party member who owns a unit carries both badges in the compound', async ({ page }) => {
  await login(page, demo.partyMember);
  await page.getByRole('link', { name: /^合和大院/ }).click();
  const badges = page.getByRole('list', { name: '身份' });
  await expect(badges).toContainText('党员');
  await expect(badges).toContainText('业主');
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(demo.secretary);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('手机号或密码不正确，请重新输入。');
  await expect(page).toHaveURL(/\/login/);
});

test('a malformed mobile number is pointed out next to the field', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('手机号').fill('12345');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入 11 位手机号，例如 13800000001。')).toBeVisible();
});

test('after five wrong passwords the account is locked for a while, even with the right one', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('手机号').fill(demo.lockoutVictim);
    await page.getByLabel('密码').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.locator('form').getByRole('alert')).toBeVisible();
  }
  await expect(page.locator('form').getByRole('alert')).toContainText('登录失败次数过多');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText(/请 \d+ 秒后再试/);
});

test('logging out ends the session', async ({ page }) => {
  await login(page, demo.tenant);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('the language can be switched to English and back', async ({ page }) => {
  await login(page, demo.secretary);
  await page.getByRole('button', { name: '切换语言' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 王秋萍');
  await page.getByRole('button', { name: 'Switch language' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('王秋萍，您好');
});
