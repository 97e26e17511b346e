import { type Browser, expect, type Page, test } from '@playwright/test';
import { attemptLogin, behindProxyAt, someAddress, someLoopback, unknownMobile } from './clients';
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

async function tryPassword(page: Page, mobile: string, password: string) {
  await page.getByLabel('手机号').fill(mobile);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** A browser somewhere else: a context of its own, at its own address behind the proxy. */
async function elsewhere(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', ...behindProxyAt(someAddress()) });
  return context.newPage();
}

test.describe('failed logins', () => {
  test('a client that forges X-Forwarded-For is still one address to the per-address limit', async ({ baseURL }) => {
    const base = baseURL ?? '';
    // Connecting directly, not through the proxy: the header it sends is its own invention.
    const attacker = { localAddress: someLoopback() };
    for (let i = 0; i < 30; i++) {
      const error = await attemptLogin(base, unknownMobile(), 'not-the-password', {
        ...attacker,
        forwardedFor: `10.9.9.${i}`,
      });
      expect(error).toMatch(i < 29 ? /^invalid$/ : /^wait:address:\d+$/);
    }
    // The Trust II report's last step: the right password, "from" yet another address.
    const last = await attemptLogin(base, demo.guestLawyer, DEMO_PASSWORD, { ...attacker, forwardedFor: '10.9.9.10' });
    expect(last).toMatch(/^wait:address:\d+$/);
  });

  test('behind the trusted proxy the client is the hop the proxy added, not what the client wrote', async ({
    baseURL,
  }) => {
    const base = baseURL ?? '';
    const client = someAddress();
    for (let i = 0; i < 30; i++) {
      await attemptLogin(base, unknownMobile(), 'not-the-password', { forwardedFor: `10.9.9.${i}, ${client}` });
    }
    const last = await attemptLogin(base, demo.guestLawyer, DEMO_PASSWORD, { forwardedFor: `10.9.9.10, ${client}` });
    expect(last).toMatch(/^wait:address:\d+$/);
    // Everyone else behind the same proxy is a client of their own.
    expect(await attemptLogin(base, demo.guestLawyer, DEMO_PASSWORD, { forwardedFor: someAddress() })).toBeNull();
  });

  test('a stranger guessing at an account holds back only their own tries; the owner gets in and is told', async ({
    page,
    browser,
    baseURL,
  }) => {
    const owner = demo.lockoutVictim;
    await test.step('the owner logs in on his own phone once, so it is a device the account knows', async () => {
      await login(page, owner);
      await page.getByRole('button', { name: '退出登录' }).click();
      await expect(page).toHaveURL(/\/login/);
    });

    await test.step('five wrong passwords make the stranger wait, even with the right one', async () => {
      const stranger = await elsewhere(browser, baseURL);
      await stranger.goto('/login');
      for (let i = 0; i < 5; i++) {
        await tryPassword(stranger, owner, `wrong-password-${i}`);
        await expect(stranger.locator('form').getByRole('alert')).toBeVisible();
      }
      await expect(stranger.locator('form').getByRole('alert')).toContainText('登录失败次数过多');
      await tryPassword(stranger, owner, DEMO_PASSWORD);
      await expect(stranger.locator('form').getByRole('alert')).toContainText(/请 \d+ 秒后再试/);
      await stranger.context().close();
    });

    await test.step('the owner, elsewhere on a phone that never logged in, gets in and is told', async () => {
      const newPhone = await elsewhere(browser, baseURL);
      await login(newPhone, owner);
      await newPhone.getByRole('link', { name: /^通知/ }).click();
      await expect(
        newPhone.getByText('您的账号在 24 小时内有 5 次登录失败。如果不是您本人在尝试，请修改密码。'),
      ).toBeVisible();
      await newPhone.context().close();
    });

    await test.step('strangers at ever new addresses soon have to wait between guesses', async () => {
      let answer: string | null = null;
      for (let i = 0; i < 10 && !answer?.startsWith('wait:'); i++) {
        answer = await attemptLogin(baseURL ?? '', owner, `guess-${i}`, { forwardedFor: someAddress() });
      }
      expect(answer).toMatch(/^wait:account:\d+$/);
      // Another address buys nothing, and nor does the right password: it is not even tried.
      const next = await attemptLogin(baseURL ?? '', owner, DEMO_PASSWORD, { forwardedFor: someAddress() });
      expect(next).toMatch(/^wait:account:\d+$/);
    });

    await test.step('a device that never logged in waits too, and is told how the owner can get in', async () => {
      const borrowed = await elsewhere(browser, baseURL);
      await borrowed.goto('/login');
      await tryPassword(borrowed, owner, DEMO_PASSWORD);
      await expect(borrowed.locator('form').getByRole('alert')).toContainText(
        '在您以前登录过的手机或电脑上可以直接登录',
      );
      await borrowed.context().close();
    });

    await test.step("the owner's own phone gets straight in, and the one notice has the latest count", async () => {
      await login(page, owner);
      await page.getByRole('link', { name: /^通知/ }).click();
      await expect(page.getByText(/次登录失败/)).toHaveCount(1);
      await expect(page.getByText('您的账号在 24 小时内有 10 次登录失败。', { exact: false })).toBeVisible();
    });
  });
});

test('a logged-out session token gets no session and no fresh cookie', async ({ page, baseURL }) => {
  await login(page, demo.tenant);
  const cookie = (await page.context().cookies())
    .filter((c) => c.name.endsWith('next-auth.session-token'))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const session = () => fetch(new URL('/api/auth/session', baseURL), { headers: { cookie } });
  expect(((await (await session()).json()) as { user?: { name?: string } }).user?.name).toBe('赵敏');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  const after = await session();
  expect(await after.json()).toEqual({});
  expect(after.headers.getSetCookie().filter((c) => /session-token=[^;]/.test(c))).toEqual([]);
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
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 王秋萍');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('王秋萍，您好');
});
