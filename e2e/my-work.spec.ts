import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { demo, login, logout, openCompound } from './fixtures';
import { shiftAssembly } from './time-travel';

/**
 * My work (待办), role by role, on a phone: what waits for each person appears in their list (and
 * in the header's badge), is done from there in one tap, and then leaves the list.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const stamp = Date.now().toString(36).slice(-4);
const hall = { title: `4号楼快递柜堵住消防通道（${stamp}）`, url: '' };
const lamp = { title: `4号楼二单元楼道灯坏了（${stamp}）`, url: '' };
const question = `是否把快递柜移到4号楼东侧空地？（${stamp}）`;
const ownersQuestion = `是否同意在4号楼东侧共有空地设快递柜？（${stamp}）`;
const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
let voteUrl = '';
let ownersUrl = '';

/** The item of My work that says `action` about `title`, on the full list. */
async function workItem(page: Page, action: string, title: string) {
  await page.goto('/work');
  await expect(page.getByRole('heading', { level: 1, name: '我的待办' })).toBeVisible();
  return page.getByRole('link').filter({ hasText: action }).filter({ hasText: title });
}

async function raise(page: Page, t: { title: string; url: string }) {
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议题', exact: true }).click();
  await page.getByRole('link', { name: '提议题' }).click();
  await page.getByLabel('标题').fill(t.title);
  await page.getByLabel('详细描述').fill(`${t.title}，请尽快处理。`);
  await page.getByLabel('类别').selectOption({ label: '设施维修' });
  await page.getByLabel('楼栋').selectOption({ label: '4号楼' });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  t.url = new URL(page.url()).pathname;
}

test('the secretary finds new topics in My work, reviews them from there, and they leave it', async ({ page }) => {
  await login(page, demo.residentRep);
  await raise(page, hall);
  await raise(page, lamp);
  await logout(page);

  await login(page, demo.secretary);
  // The badge in the header counts what the list shows.
  await expect(page.getByRole('link', { name: /^待办 \d+/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /我的待办/ }).getByText(hall.title)).toBeVisible();
  const item = await workItem(page, '审核新议题', hall.title);
  await expect(item).toBeVisible();
  await expectAccessible(page, 'my work (secretary)');
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${hall.url}#review-h$`));
  const review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('列入议程，开始协商').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协商中').first()).toBeVisible();
  await expect(await workItem(page, '审核新议题', hall.title)).toHaveCount(0);

  (await workItem(page, '审核新议题', lamp.title)).click();
  await review.getByLabel('小事一格解决：转物业直接办理').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已转交 安居物业服务有限公司 办理。')).toBeVisible();
  await expect(await workItem(page, '审核新议题', lamp.title)).toHaveCount(0);
  // She was told of both as they were raised.
  await page.goto('/notifications');
  await expect(page.getByText(`韩梅 提出了议题“${hall.title}”，请审核`)).toBeVisible();
});

test('property staff are told a task is theirs, accept it from My work, and it leaves it', async ({ page }) => {
  await login(page, demo.propertyStaff);
  await page.goto('/notifications');
  await expect(page.getByText(`“${lamp.title}”已交由您方实施，请承接`)).toBeVisible();
  await expect(page.getByText(`“${lamp.title}”状态变为`)).toHaveCount(0);
  const item = await workItem(page, '承接新任务', lamp.title);
  await item.click();
  await page.getByRole('button', { name: '承接任务' }).click();
  await expect(page.getByText('实施中').first()).toBeVisible();
  await expect(await workItem(page, '承接新任务', lamp.title)).toHaveCount(0);
});

test('a task the clock marks overdue comes back to property staff, and its timeline names 系统', async ({ page }) => {
  const id = lamp.url.split('/').pop() ?? '';
  const out = execFileSync(
    'node',
    ['--conditions=react-server', '--import', 'tsx', 'scripts/clock.ts', '--advance-days', '8', '--topic', id],
    { env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? '.e2e-data' }, encoding: 'utf8' },
  );
  expect(out).toContain('"overdue":1');
  await login(page, demo.propertyStaff);
  await expect(await workItem(page, '任务已逾期，请报告进展', lamp.title)).toBeVisible();
  await page.goto(lamp.url);
  const timeline = page.getByRole('region', { name: '议题进程' });
  await expect(timeline.getByText(/^系统 ·/)).toBeVisible();
});

test('a resident is asked to vote in My work, votes from there, and it leaves it', async ({ page }) => {
  await login(page, demo.secretary);
  await page.goto(hall.url);
  await page.getByRole('link', { name: '发起表决' }).click();
  await page.getByLabel('征求意见').check();
  await page.getByLabel('表决事项').fill(question);
  await page.getByLabel('4号楼').check();
  await page.getByLabel('结束时间').fill(shanghai(Date.now() + 3 * 86_400_000));
  await page.getByRole('button', { name: '发起表决' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '参与情况' })).toBeVisible();
  voteUrl = new URL(page.url()).pathname;
  await logout(page);

  await login(page, demo.residentRep);
  const item = await workItem(page, '请投票', question);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${voteUrl}$`));
  const mine = page.getByRole('region', { name: '我的投票' });
  await mine.getByLabel('同意', { exact: true }).check();
  await page.getByRole('button', { name: '投票', exact: true }).click();
  // A ballot that cannot be changed is confirmed first (issue 19).
  await mine.getByRole('button', { name: '确认投票' }).click();
  await expect(mine.getByText(/回执码：/)).toBeVisible();
  await expect(await workItem(page, '请投票', question)).toHaveCount(0);
});

test('the grid worker reminds the households of 4号楼 who have not voted, by phone, from My work', async ({ page }) => {
  await login(page, demo.gridWorker);
  const item = await workItem(page, '户未投票住户', question);
  await expect(item).toContainText('提醒 19 户未投票住户');
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: '提醒未投票住户' })).toBeVisible();
  const building = page.getByRole('region', { name: '4号楼' });
  await expect(building.getByText('19 户未投票，19 户未提醒')).toBeVisible();
  // The one who voted is not on it; the others come with a number to call.
  await expect(building.getByText('韩梅')).toHaveCount(0);
  await expect(building.getByRole('link', { name: /^电话 1380000\d{4}$/ }).first()).toBeVisible();
  await expectAccessible(page, 'reminders (grid worker)');
  await building
    .getByRole('button', { name: /^标为已提醒/ })
    .first()
    .click();
  await expect(building.getByText('19 户未投票，18 户未提醒')).toBeVisible();
  await expect(building.getByText(/吴刚已于.*提醒/)).toBeVisible();
  await building.getByRole('button', { name: '4号楼全部标为已提醒（18 户）' }).click();
  await expect(page.getByText('还有 19 户没有投票，其中 0 户尚未提醒')).toBeVisible();
  await expect(await workItem(page, '户未投票住户', question)).toHaveCount(0);
});

test('a committee member confirms, from My work, the paper ballot the chair entered', async ({ page }) => {
  // An owners' decision is held as an assembly (issue 16); its notice period is skipped by moving its dates back.
  await login(page, demo.committeeChair);
  await page.goto(hall.url);
  await page.getByRole('link', { name: '召集业主大会' }).click();
  await page.getByLabel('会议名称').fill(`快递柜位置业主大会（${stamp}）`);
  const matter = page.getByRole('group', { name: '第 1 项' });
  await matter
    .getByLabel('决定事项（民法典第278条）')
    .selectOption({ label: '改变共有部分的用途或者利用共有部分从事经营活动（特别事项）' });
  await matter.getByLabel('表决事项', { exact: true }).fill(ownersQuestion);
  await page.getByRole('button', { name: '公告' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('快递柜位置业主大会');
  shiftAssembly(Number(new URL(page.url()).pathname.split('/').pop()), { startsAt: Date.now() - 60_000 });
  await page.reload();
  await page
    .getByRole('link', { name: /查看本项/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '参与情况' })).toBeVisible();
  ownersUrl = new URL(page.url()).pathname;
  const paper = page.getByRole('region', { name: '录入纸质表决票' });
  const holder = paper.getByLabel('业主（表决主体）');
  await holder.selectOption({ index: 1 });
  const name = ((await holder.locator('option:checked').textContent()) ?? '').trim().split(' ').pop() ?? '';
  await paper.getByLabel('纸质票编号').fill(`MW-${stamp}`);
  await paper.getByLabel('同意', { exact: true }).check();
  await paper.getByRole('button', { name: '录入' }).click();
  await expect(paper.getByRole('status')).toContainText('已录入');
  await logout(page);

  await login(page, demo.committeeMember);
  const item = await workItem(page, '确认 1 张纸质选票', ownersQuestion);
  await item.click();
  await expect(page).toHaveURL(new RegExp(`${ownersUrl}#paper-h$`));
  await page.getByRole('button', { name: `确认 ${name}` }).click();
  await expect(page.getByRole('button', { name: `确认 ${name}` })).toHaveCount(0);
  await expect(await workItem(page, '确认 1 张纸质选票', ownersQuestion)).toHaveCount(0);
});

test('the community answers, from My work, a matter the secretary sent up', async ({ page }) => {
  await login(page, demo.secretary);
  await page.goto(hall.url);
  await page.getByText('上报社区', { exact: true }).first().click();
  await page.getByLabel('上报理由').fill('快递柜属于快递公司，小区协调不动，请社区出面。');
  await page.getByRole('button', { name: '上报社区' }).click();
  await expect(page.getByRole('region', { name: '上报' }).getByText('等待上级答复')).toBeVisible();
  await logout(page);

  await login(page, demo.communityWorker);
  const item = await workItem(page, '处理上报事项', hall.title);
  await item.click();
  const matter = page.getByRole('article').filter({ hasText: hall.title });
  await matter.getByLabel('答复内容（说明做了什么）').fill('社区已联系快递公司，本周内移走快递柜。');
  await matter.getByRole('button', { name: '提交答复' }).click();
  await expect(page.getByRole('region', { name: '最近已处理' }).getByText(hall.title)).toBeVisible();
  await expect(await workItem(page, '处理上报事项', hall.title)).toHaveCount(0);
});

test('finished work stays on the notice board with its rating; a resident rates it from My work, without stars first', async ({
  page,
}) => {
  await login(page, demo.propertyStaff);
  await page.goto(lamp.url);
  const task = page.getByRole('article', { name: '实施' });
  await task.locator('summary', { hasText: '标记完成' }).click();
  // The photo field speaks the page's language, not the browser's ("Choose Files").
  await expect(task.getByText('选择照片').last()).toBeVisible();
  await expect(task.getByText('未选择照片').last()).toBeVisible();
  await task.getByLabel('完成情况与凭证说明').fill('二单元三至六楼灯具全部更换，已试亮。');
  await task.getByRole('button', { name: '标记完成' }).click();
  await expect(page.getByText('评议中').first()).toBeVisible();
  await logout(page);

  await login(page, demo.residentRep);
  await page.goto('/c/1/board');
  const done = page.getByRole('region', { name: /近期完成/ });
  await expect(done.getByRole('link', { name: lamp.title })).toBeVisible();
  await expect(done.getByText(/评议中，已有 0 人评价/)).toBeVisible();

  const item = await workItem(page, '评价完成情况', lamp.title);
  await item.click();
  const rating = page.getByRole('region', { name: '评议' });
  await rating.getByRole('button', { name: '提交评议' }).click();
  // Said once, beside the stars: what to do, not "请输入整数。".
  await expect(rating.getByText('请点选 1 到 5 颗星。')).toHaveCount(1);
  await expect(page.getByText('请输入整数。')).toHaveCount(0);
  await rating.getByLabel('4 星', { exact: true }).check();
  await rating.getByRole('button', { name: '提交评议' }).click();
  await expect(rating.getByText('您打了 4 星。')).toBeVisible();
  await expect(await workItem(page, '评价完成情况', lamp.title)).toHaveCount(0);
  await page.goto('/c/1/board');
  await expect(page.getByRole('region', { name: /近期完成/ }).getByText(/评议中，已有 1 人评价/)).toBeVisible();
});
