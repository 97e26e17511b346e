import { type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { DEMO_PASSWORD, demo, login, logout } from './fixtures';

/**
 * Accessibility, checked: axe-core (WCAG 2.1 A/AA) over every page the stories visit, as each role
 * sees it, in the standard look and in elderly mode; the header at 320 px and at 200 % zoom; touch
 * targets; and a walk from raising a topic to voting on it with the keyboard alone.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36).slice(-4);
const topic = { title: `无障碍检查：3号楼门禁失灵（${stamp}）`, url: '', vote: '' };

async function setCare(context: BrowserContext, baseURL: string | undefined, on: boolean) {
  if (on) await context.addCookies([{ name: 'care', value: '1', url: baseURL ?? '' }]);
  else await context.clearCookies({ name: 'care' });
}

test('setup: a topic under deliberation with an open consultation', async ({ page }) => {
  await login(page, demo.secretary);
  await page.goto('/c/1/topics/new');
  await page.getByLabel('标题').fill(topic.title);
  await page.getByLabel('详细描述').fill(`${topic.title}，外人随意进出。`);
  await page.getByLabel('类别').selectOption({ label: '设施维修' });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: topic.title })).toBeVisible();
  topic.url = new URL(page.url()).pathname;
  const review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('列入议程，开始协商').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协商中').first()).toBeVisible();
  await page.getByRole('link', { name: '发起表决' }).click();
  await page.getByLabel('征求意见').check();
  await page.getByRole('button', { name: '发起表决' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '参与情况' })).toBeVisible();
  topic.vote = new URL(page.url()).pathname;
});

/** Every page of the stories, by who opens it. Ids come from the setup and from the pages' own links. */
function pagesOf(role: keyof typeof demo | 'anon'): string[] {
  const voteId = topic.vote.split('/').pop() ?? '';
  switch (role) {
    case 'anon':
      return ['/login'];
    case 'multiOwner':
      return [
        '/',
        '/work',
        '/notifications',
        '/notifications/settings',
        '/account',
        '/c/1',
        '/c/1/topics',
        '/c/1/topics/new',
        topic.url,
        topic.vote,
        '/c/1/board',
        '/c/1/board/anchors',
        '/c/1/meetings',
        '/d/compound/1',
        '/~offline',
      ];
    case 'secretary':
      return [
        '/',
        '/work',
        topic.url,
        '/c/1/register',
        '/c/1/meetings',
        `/c/1/votes/new?topic=${topic.url.split('/').pop()}`,
      ];
    case 'gridWorker':
      return ['/', `/c/1/reminders/${voteId}`];
    case 'propertyStaff':
      return ['/', '/tasks'];
    case 'communityWorker':
      return ['/', '/escalations', '/admin', '/admin/compounds/1', '/admin/people'];
    case 'streetStaff':
      return ['/'];
    default:
      return [];
  }
}

const ROLES = [
  'anon',
  'multiOwner',
  'secretary',
  'gridWorker',
  'propertyStaff',
  'communityWorker',
  'streetStaff',
] as const;

for (const care of [false, true]) {
  for (const role of ROLES) {
    test(`axe: every page ${role === 'anon' ? 'before login' : `of ${role}`}${care ? ', elderly mode' : ''}`, async ({
      page,
      context,
      baseURL,
    }) => {
      await setCare(context, baseURL, care);
      if (role !== 'anon') await login(page, demo[role]);
      const paths = [...pagesOf(role)];
      // Dashboards the staff reach from their home page.
      if (role === 'communityWorker' || role === 'streetStaff') {
        await page.goto('/');
        for (const link of await page.getByRole('link', { name: /^看板：/ }).all()) {
          const href = await link.getAttribute('href');
          if (href) paths.push(href, ...(href.startsWith('/d/street/') ? [`${href}/screen`] : []));
        }
      }
      for (const path of paths) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBeLessThan(400);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expectAccessible(page, role);
      }
    });
  }
}

test('the header reflows at 320 px and at 200 % zoom, and every control in it is at least 44 px (48 in elderly mode)', async ({
  page,
  context,
  baseURL,
}) => {
  await login(page, demo.secretary);
  for (const care of [false, true]) {
    await setCare(context, baseURL, care);
    // 320 CSS px is a phone at 400 % or a 1280 px window at 400 %; 640 px is that window at 200 %.
    for (const width of [320, 390, 640]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
      const controls = page.getByRole('banner').locator('a, button');
      const min = care ? 48 : 44;
      for (const control of await controls.all()) {
        if (!(await control.isVisible())) continue;
        const box = await control.boundingBox();
        const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '';
        expect(box, name).not.toBeNull();
        if (!box) continue;
        expect(box.x + box.width, `${name} inside ${width} px`).toBeLessThanOrEqual(width);
        expect(box.height, `${name} height`).toBeGreaterThanOrEqual(min);
        expect(box.width, `${name} width`).toBeGreaterThanOrEqual(min);
      }
      // "退出登录" stays on one line, not one character a line.
      const logoutBox = await page.getByRole('button', { name: '退出登录' }).boundingBox();
      expect(logoutBox?.height ?? 0).toBeLessThan(min + 12);
      console.log(`reflow: header at ${width} px${care ? ' (elderly mode)' : ''}: no overflow, controls ≥ ${min} px`);
    }
  }
});

test('visible names are the accessible names: the language button is "English"', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'English', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '关怀模式', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

/** Presses Tab until `target` has the focus, which must then be visible; fails after 80 presses. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      const focusable = await target.evaluate((el) => el.matches(':focus-visible'));
      expect(focusable && outline !== 'none', 'a visible focus indicator').toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

async function keyboardLogin(page: Page, mobile: string) {
  await page.goto('/login');
  await tabTo(page, page.getByLabel('手机号'));
  await page.keyboard.type(mobile);
  await tabTo(page, page.getByLabel('密码'));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
}

test('keyboard only: a resident raises a topic, the secretary accepts it and opens a vote, the resident votes', async ({
  page,
}) => {
  const title = `键盘操作：2号楼单元门关不上（${stamp}）`;
  await keyboardLogin(page, demo.residentRep);
  await tabTo(page, page.getByRole('link', { name: /^合和大院/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: '议题', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: '提议题' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('标题'));
  await page.keyboard.type(title);
  await tabTo(page, page.getByLabel('详细描述'));
  await page.keyboard.type('单元门闭门器坏了，门一直开着。');
  const category = page.getByLabel('类别');
  await tabTo(page, category);
  await page.keyboard.press('ArrowDown');
  await expect(category).not.toHaveValue('');
  await tabTo(page, page.getByRole('button', { name: '提交议题' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '退出登录' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login/);

  await keyboardLogin(page, demo.secretary);
  await tabTo(page, page.getByRole('link', { name: /^待办/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link').filter({ hasText: title }));
  await page.keyboard.press('Enter');
  const review = page.getByRole('region', { name: '议题审核' });
  await tabTo(page, review.getByLabel('列入议程，开始协商'));
  await page.keyboard.press('Space');
  await tabTo(page, review.getByRole('button', { name: '确定' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('协商中').first()).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: '发起表决' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('征求意见'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '发起表决' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '参与情况' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: '退出登录' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login/);

  await keyboardLogin(page, demo.residentRep);
  await tabTo(page, page.getByRole('link', { name: /^待办/ }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link').filter({ hasText: '请投票' }).filter({ hasText: title }));
  await page.keyboard.press('Enter');
  const mine = page.getByRole('region', { name: '我的投票' });
  await tabTo(page, mine.getByLabel('同意', { exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: '投票', exact: true }));
  await page.keyboard.press('Enter');
  await expect(mine).toContainText('您的选择');
  await logout(page);
});
