import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { demo, login, openCompound } from './fixtures';

test.describe.configure({ mode: 'serial' });

// A real 1×1 PNG, so the browser can show it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const drain = { title: '3号楼下水管反复堵塞，需要彻底更换', url: '', id: '' };
const roof = { title: '4号楼楼顶漏水，维修一直没人管', url: '', id: '' };

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Time passes for one topic: the platform's clock runs as if `days` later (npm run clock). */
function daysPass(topicId: string, days: number): string {
  return execFileSync(
    'node',
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'scripts/clock.ts',
      '--advance-days',
      String(days),
      '--topic',
      topicId,
    ],
    { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? '.e2e-data' }, encoding: 'utf8' },
  );
}

async function raiseAndAccept(page: Page, t: typeof drain, category: string) {
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议题', exact: true }).click();
  await page.getByRole('link', { name: '提议题' }).click();
  await page.getByLabel('标题').fill(t.title);
  await page.getByLabel('详细描述').fill(`${t.title}。已经反映多次，影响整栋楼的住户。`);
  await page.getByLabel('类别').selectOption({ label: category });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  t.url = new URL(page.url()).pathname;
  t.id = t.url.split('/').pop() ?? '';
}

async function accept(page: Page, t: typeof drain) {
  await page.goto(t.url);
  const review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('列入议程，开始协商').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协商中').first()).toBeVisible();
}

async function decideAndPublish(page: Page, t: typeof drain, body: string) {
  await page.goto(t.url);
  await page.getByLabel('决议内容').fill(body);
  await page.getByLabel('会议纪要').fill('议事会一致同意：由物业先行维修，费用按物业服务合同承担。');
  await expect(page.getByLabel('责任方')).toHaveValue('property');
  await page.getByRole('button', { name: '保存决议' }).click();
  await expect(page.getByText('已形成决议').first()).toBeVisible();
  await page.getByRole('button', { name: '公示决议' }).click();
  await expect(page.getByText('公示中').first()).toBeVisible();
  await expect(page.getByText(/公示期至 .*，还剩 7 天/)).toBeVisible();
}

test('the secretary records the decision on the drain and publishes it; the notice prints on A4', async ({ page }) => {
  await login(page, demo.multiOwner);
  await raiseAndAccept(page, drain, '设施维修');
  await logout(page);
  await login(page, demo.secretary);
  await accept(page, drain);

  // A deadline in the past is refused beside the field, and nothing is recorded.
  await page.getByLabel('决议内容').fill('由安居物业更换3号楼全部下水主管。');
  await page.getByLabel('完成期限').fill('2020-01-01T10:00');
  await page.getByRole('button', { name: '保存决议' }).click();
  await expect(page.getByText('完成期限必须是将来的时间。').first()).toBeVisible();
  await expect(page.getByText('协商中').first()).toBeVisible();

  await decideAndPublish(page, drain, '由安居物业更换3号楼全部下水主管。');
  await page.getByRole('link', { name: '打印公示' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '决议公示' })).toBeVisible();
  await expect(page.getByText('由安居物业更换3号楼全部下水主管。')).toBeVisible();
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
});

test('a resident objects; the secretary dismisses it with a reason every resident sees', async ({ page }) => {
  await login(page, demo.tenant);
  await page.goto(drain.url);
  await page.getByLabel('异议理由').fill('更换期间停水几天？希望先公布施工时间。');
  await page.getByRole('button', { name: '提出异议' }).click();
  await expect(page.getByText('等待答复').first()).toBeVisible();
  // A second objection while the first waits is not offered.
  await expect(page.getByRole('button', { name: '提出异议' })).toHaveCount(0);
  await logout(page);

  await login(page, demo.secretary);
  await page.goto(drain.url);
  const objections = page.getByRole('region', { name: '异议' });
  await objections.getByLabel('驳回（说明理由）').check();
  await objections.getByLabel('答复理由（所有居民可见）').fill('施工时间将在开工前三天另行通知，每次停水不超过4小时。');
  await objections.getByRole('button', { name: '提交答复' }).click();
  await expect(objections.getByText(/未采纳（王秋萍）/)).toBeVisible();
  await logout(page);

  await login(page, demo.multiOwner);
  await page.goto(drain.url);
  await expect(
    page.getByRole('region', { name: '异议' }).getByText(/未采纳（王秋萍）：施工时间将在开工前三天另行通知/),
  ).toBeVisible();
});

test('the notice period ends; the company accepts, reports progress with a photo and marks it done', async ({
  page,
}) => {
  expect(daysPass(drain.id, 8)).toContain('"noticesEnded":1');

  await login(page, demo.propertyStaff);
  await page.getByRole('link', { name: '我的任务' }).click();
  await page.getByRole('link', { name: new RegExp(drain.title) }).click();
  await expect(page.getByText('待承接').first()).toBeVisible();
  await page.getByRole('button', { name: '承接任务' }).click();
  await expect(page.getByText('实施中').first()).toBeVisible();

  const task = page.getByRole('article', { name: '实施' });
  // A percent over 100 is refused beside the field.
  await task.getByLabel('完成百分比（0–100）').fill('150');
  await task.getByLabel('进展说明').fill('已进场施工。');
  await task.getByRole('button', { name: '报告进展' }).click();
  await expect(task.getByText('数值超出允许范围。')).toBeVisible();
  await expect(task.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');

  await task.getByLabel('完成百分比（0–100）').fill('60');
  await task.getByLabel('进展说明').fill('1–3单元主管已更换，4–6单元下周施工。');
  await task
    .getByLabel(/照片/)
    .first()
    .setInputFiles([{ name: 'pipe.png', mimeType: 'image/png', buffer: PNG }]);
  await task.getByRole('button', { name: '报告进展' }).click();
  await expect(task.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60');
  await expect(task.getByText('1–3单元主管已更换，4–6单元下周施工。')).toBeVisible();
  const photo = task.getByRole('img', { name: '进展照片 1' });
  await expect(photo).toBeVisible();
  // The phone-sized WebP made at upload is shown; opening it gives the photo as uploaded.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.currentSrc !== '')).toBe(true);
  const shown = await photo.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect((await page.request.get(shown)).headers()['content-type']).toBe('image/webp');
  const href =
    (await task
      .getByRole('link')
      .filter({ has: page.getByRole('img', { name: '进展照片 1' }) })
      .getAttribute('href')) ?? '';
  expect(Buffer.from(await (await page.request.get(href)).body()).equals(PNG)).toBe(true);

  await task.locator('summary', { hasText: '标记完成' }).click();
  await task.getByLabel('完成情况与凭证说明').fill('全部6个单元主管已更换，试水72小时无堵塞。');
  await task.getByRole('button', { name: '标记完成' }).click();
  await expect(page.getByText('评议中').first()).toBeVisible();
});

test('residents rate it and, when the rating period ends, it closes with its average', async ({ page }) => {
  for (const [who, stars] of [
    [demo.multiOwner, '5 星'],
    [demo.tenant, '4 星'],
  ] as const) {
    await login(page, who);
    await page.goto(drain.url);
    const rating = page.getByRole('region', { name: '评议' });
    await rating.getByLabel(stars, { exact: true }).check();
    await rating.getByRole('button', { name: '提交评议' }).click();
    await expect(rating.getByText(`您打了 ${stars.replace(' 星', '')} 星。`)).toBeVisible();
    await logout(page);
  }
  expect(daysPass(drain.id, 16)).toContain('"ratingsClosed":1');
  await login(page, demo.multiOwner);
  await page.goto(drain.url);
  await expect(page.getByText('已办结，居民评议平均 4.5 分。')).toBeVisible();
  await expect(page.getByRole('region', { name: '评议' }).getByRole('button')).toHaveCount(0);
});

test('a second task goes overdue and escalates to 中兴社区; the community answers and the compound sees it', async ({
  page,
}) => {
  await login(page, demo.secretary);
  await raiseAndAccept(page, roof, '设施维修');
  await accept(page, roof);
  await decideAndPublish(page, roof, '由安居物业维修4号楼楼顶防水。');
  await logout(page);
  expect(daysPass(roof.id, 8)).toContain('"noticesEnded":1');
  // The deadline is 30 days after the decision; more than 7 days past it the task escalates by itself.
  const late = daysPass(roof.id, 40);
  expect(late).toContain('"overdue":1');
  expect(late).toContain('"escalated":1');

  await login(page, demo.communityWorker);
  await page.getByRole('link', { name: '上报事项', exact: true }).click();
  const item = page.getByRole('article').filter({ hasText: roof.title });
  await expect(item.getByText('任务逾期超过 7 天，自动上报。')).toBeVisible();
  await item.getByLabel('答复内容（说明做了什么）').fill('社区已约谈安居物业，要求本周内进场维修，并将跟进验收。');
  await item.getByRole('button', { name: '提交答复' }).click();
  await expect(page.getByRole('region', { name: '最近已处理' }).getByText(roof.title)).toBeVisible();
  await logout(page);

  await login(page, demo.multiOwner);
  await page.goto(roof.url);
  const escalations = page.getByRole('region', { name: '上报' });
  await expect(escalations.getByText('郑丽 答复', { exact: false })).toBeVisible();
  await expect(escalations.getByText('社区已约谈安居物业，要求本周内进场维修，并将跟进验收。')).toBeVisible();
  await expect(page.getByText(/已逾期 \d+ 天/)).toBeVisible();
});

test('property staff see every task of the compounds their company serves, overdue first', async ({ page }) => {
  await login(page, demo.propertyStaff);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { level: 1, name: '我的任务' })).toBeVisible();
  const items = page.getByRole('main').getByRole('listitem');
  // Overdue first: the demo's year of life has older overdue work too, so the roof is among the overdue.
  await expect(items.first()).toContainText(/已逾期 \d+ 天/);
  await expect(items.filter({ hasText: roof.title })).toContainText(/已逾期 \d+ 天/);
  await expect(page.getByText('双全楼院').first()).toBeVisible();
});

test('a resident cannot open the escalation queue or the task list, and cannot export records', async ({ page }) => {
  await login(page, demo.multiOwner);
  for (const path of ['/escalations', '/tasks']) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
  }
  const res = await page.request.get('/api/compounds/1/export?from=2026-01-01&to=2026-12-31');
  expect(res.status()).toBe(403);
  await openCompound(page, '合和大院');
  await expect(page.getByRole('region', { name: '导出记录' })).toHaveCount(0);
});

test('the secretary exports the compound records as CSV for Excel', async ({ page }) => {
  await login(page, demo.secretary);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const res = await page.request.get(`/api/compounds/1/export?from=2026-01-01&to=${today}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8');
  expect(text).toContain(drain.title);
  expect(text).toContain('已办结');
  const bad = await page.request.get('/api/compounds/1/export?from=2026-13-01&to=x');
  expect(bad.status()).toBe(400);
});
