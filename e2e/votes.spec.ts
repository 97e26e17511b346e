import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { demo, login, openCompound } from './fixtures';
import { shiftAssembly } from './time-travel';

test.describe.configure({ mode: 'serial' });

// Every vote in this story ends at the same minute, 1–2 minutes from now (inputs have minute precision).
const endsAt = Math.ceil((Date.now() + 60_000) / 60_000) * 60_000 + 60_000;
const shanghai = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
const urls = { roof: '', festival: '', owners: '', consultation: '', council: '' };

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

async function raiseAndAccept(page: Page, title: string, category: string) {
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议题', exact: true }).click();
  await page.getByRole('link', { name: '提议题' }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('详细描述').fill(`${title}，请大家表决。`);
  await page.getByLabel('类别').selectOption({ label: category });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('列入议程，开始协商').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协商中').first()).toBeVisible();
  return new URL(page.url()).pathname;
}

async function openVote(page: Page, topicUrl: string, kind: string, fill: () => Promise<void>) {
  await page.goto(topicUrl);
  await page.getByRole('link', { name: '发起表决' }).click();
  await page.getByLabel(kind).check();
  await fill();
  await page.getByLabel('结束时间').fill(shanghai(endsAt));
  await page.getByRole('button', { name: '发起表决' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '参与情况' })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function vote(page: Page, url: string, choice: string) {
  await page.goto(url);
  await page.getByRole('region', { name: '我的投票' }).getByLabel(choice, { exact: true }).check();
  await page.getByRole('button', { name: '投票', exact: true }).click();
  // A ballot that cannot be changed asks to be confirmed first.
  await page.getByRole('button', { name: '确认投票' }).click();
  const mine = page.getByRole('region', { name: '我的投票' });
  await expect(mine).toContainText(`您的选择：${choice}`);
  return ((await mine.locator('strong').textContent()) ?? '').trim();
}

test('the secretary puts two topics on the agenda and opens a consultation and a secret council vote', async ({
  page,
}) => {
  await login(page, demo.secretary);
  urls.roof = await raiseAndAccept(page, '使用维修资金更换3号楼屋面防水', '维修资金');
  urls.festival = await raiseAndAccept(page, '春节游园活动怎么办', '其他');
  urls.consultation = await openVote(page, urls.festival, '征求意见', async () => {
    await page.getByLabel('表决事项').fill('是否在中心花园举办春节游园活动？');
  });
  urls.council = await openVote(page, urls.festival, '协商表决（1+3）', async () => {
    await page.getByLabel('表决事项').fill('游园活动经费是否由物业先行垫付？');
    await page.getByLabel('无记名投票').check();
  });
  // The secretary may not open an owners' decision: that is the committee's.
  await page.goto(urls.roof);
  await page.getByRole('link', { name: '发起表决' }).click();
  await expect(page.getByLabel('业主共同决定')).toHaveCount(0);
});

test("the owners' committee calls an owners' assembly; after its notice period it opens with its electorate frozen", async ({
  page,
}) => {
  await login(page, demo.committeeChair);
  // The vote form sends an owners' decision to an assembly, with its notice period.
  await page.goto(`/c/${urls.roof.split('/')[2]}/votes/new?topic=${urls.roof.split('/').pop()}`);
  await page.getByLabel('业主共同决定').check();
  await expect(page.getByText('业主共同决定须由业主委员会召集业主大会')).toBeVisible();
  await page.getByRole('link', { name: '召集业主大会' }).click();
  await page.getByLabel('会议名称').fill('屋面防水业主大会');
  const matter = page.getByRole('group', { name: '第 1 项' });
  await matter
    .getByLabel('决定事项（民法典第278条）')
    .selectOption({ label: '使用建筑物及其附属设施的维修资金（一般事项）' });
  await page.getByRole('button', { name: '公告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '屋面防水业主大会' })).toBeVisible();
  await expect(page.getByText('公告期').first()).toBeVisible();
  const assemblyId = Number(new URL(page.url()).pathname.split('/').pop());
  // As if the notice period had passed: voting opens now and ends with the other votes of this story.
  shiftAssembly(assemblyId, { endsAt });
  await page.reload();
  await expect(page.getByText('投票中').first()).toBeVisible();
  urls.owners = (await page.getByRole('link', { name: /查看本项/ }).getAttribute('href')) ?? '';
  await page.goto(urls.owners);
  await expect(page.getByText('业主共同决定').first()).toBeVisible();
  await expect(page.getByText(/已投票 0 \/ \d+ 人/)).toBeVisible();
  await expect(page.getByText(/已投票面积 0\.00 \/ [\d.]+ m²/)).toBeVisible();
});

let receipt = '';

test('owners vote online: a multi-unit owner once, a co-owned flat through its named voter', async ({ page }) => {
  await login(page, demo.multiOwner);
  await expect(page.getByRole('region', { name: '我的投票' })).toHaveCount(0);
  await page.goto(urls.owners);
  await expect(page.getByText(/代表 刘建国（3号楼1单元301、3号楼2单元502）投票/)).toBeVisible();
  receipt = await vote(page, urls.owners, '同意');
  expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // One ballot, and no second form.
  await expect(page.getByRole('button', { name: '投票', exact: true })).toHaveCount(0);
  await logout(page);

  await login(page, demo.coOwner);
  await page.goto(urls.owners);
  await expect(page.getByRole('region', { name: '我的投票' })).toHaveCount(0);
  await logout(page);

  await login(page, demo.coOwnerVoter);
  await page.goto(urls.owners);
  await expect(page.getByText(/代表 陈志强、李秀英/)).toBeVisible();
  await vote(page, urls.owners, '同意');
  await logout(page);

  await login(page, demo.committeeChair);
  await vote(page, urls.owners, '同意');
  await logout(page);
  await login(page, demo.committeeMember);
  await vote(page, urls.owners, '不同意');
  await expect(page.getByText(/已投票 4 \/ \d+ 人/)).toBeVisible();
});

test('a paper ballot is entered by one committee member and counts only once another confirms it', async ({ page }) => {
  await login(page, demo.committeeChair);
  await page.goto(urls.owners);
  const paper = page.getByRole('region', { name: '录入纸质表决票' });
  // Owners who voted online are not offered.
  await expect(paper.getByLabel('业主（表决主体）').getByRole('option', { name: /刘建国/ })).toHaveCount(0);
  await paper.getByLabel('业主（表决主体）').selectOption({ label: '2号楼2单元501 马春梅' });
  await paper.getByLabel('纸质票编号').fill('HH-2026-001');
  await paper.getByLabel('同意', { exact: true }).check();
  await paper.getByRole('button', { name: '录入' }).click();
  await expect(paper.getByRole('status')).toContainText('已录入 马春梅 的纸质票');
  await expect(page.getByText('另有 1 张纸质票待第二位业委会成员确认。')).toBeVisible();
  // Nobody confirms their own entry.
  await expect(page.getByRole('button', { name: /确认/ })).toHaveCount(0);
  await logout(page);

  await login(page, demo.committeeMember);
  await page.goto(urls.owners);
  await page.getByRole('button', { name: '确认 马春梅' }).click();
  await expect(page.getByText(/已投票 5 \/ \d+ 人/)).toBeVisible();
  await logout(page);

  // The holder can no longer vote online.
  await login(page, '13800000020');
  await page.goto(urls.owners);
  await expect(page.getByText('您家的纸质表决票已登记。')).toBeVisible();
  await expect(page.getByRole('button', { name: '投票', exact: true })).toHaveCount(0);
});

test('residents, tenants included, answer the consultation; the council votes in secret', async ({ page }) => {
  await login(page, demo.tenant);
  await vote(page, urls.consultation, '同意');
  await expect(page.getByText('同意：1', { exact: true })).toBeVisible();
  await logout(page);
  await login(page, demo.multiOwner);
  await vote(page, urls.consultation, '不同意');
  await logout(page);

  for (const member of [demo.secretary, demo.propertyStaff]) {
    await login(page, member);
    await vote(page, urls.council, '同意');
    await expect(page.getByText('无记名投票：结果将在表决结束后公布。')).toBeVisible();
    await expect(page.getByText(/同意：\d/)).toHaveCount(0);
    await logout(page);
  }
  // A tenant is not on the council.
  await login(page, demo.tenant);
  await page.goto(urls.council);
  await expect(page.getByRole('region', { name: '我的投票' })).toHaveCount(0);
});

test('the grid worker sees who has not voted, never what anyone chose', async ({ page }) => {
  await login(page, demo.gridWorker);
  await page.goto(urls.owners);
  const list = page.getByRole('region', { name: /尚未投票/ });
  await expect(list).toContainText('宋德福');
  await expect(list).not.toContainText('刘建国');
  await expect(list).not.toContainText('同意');
});

test('bad ballots are refused with a clear message and change nothing', async ({ page }) => {
  const api = (url: string) => `/api/compounds/${url.split('/')[2]}/votes/${url.split('/').pop()}/ballots`;
  // 杜晓东 (committee member) owns a flat in 合和大院 and has not voted yet.
  await login(page, '13800000019');
  await page.goto(urls.owners);
  const voterKey = (await page.locator('input[name="voterKey"]').first().getAttribute('value')) ?? '';
  expect(voterKey).toMatch(/^h:\d+$/);
  const forged = await page.request.post(api(urls.owners), { data: { voterKey, choice: ['maybe'] } });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).fieldErrors.choice).toBe('所选选项不存在，请刷新页面后重试。');
  const two = await page.request.post(api(urls.owners), { data: { voterKey, choice: ['agree', 'disagree'] } });
  expect((await two.json()).fieldErrors.choice).toBe('本次表决只能选一项。');
  const otherHolder = await page.request.post(api(urls.owners), { data: { voterKey: 'h:1', choice: ['agree'] } });
  expect(otherHolder.status()).toBe(409);
  expect((await otherHolder.json()).message).toBe('您不在本次表决的投票人名单中。');
  const notJson = await page.request.post(api(urls.owners), {
    headers: { 'content-type': 'text/plain' },
    data: JSON.stringify({ voterKey, choice: ['agree'] }),
  });
  expect(notJson.status()).toBe(415);
  // A real ballot through the API, then the same again: refused, one ballot stays.
  const first = await page.request.post(api(urls.owners), { data: { voterKey, choice: ['abstain'] } });
  expect(first.status()).toBe(201);
  const again = await page.request.post(api(urls.owners), { data: { voterKey, choice: ['agree'] } });
  expect(again.status()).toBe(409);
  expect((await again.json()).message).toBe('您已经投过票了，本次表决不允许修改。');
  await page.goto(urls.owners);
  await expect(page.getByRole('region', { name: '我的投票' })).toContainText('您的选择：弃权');
  await logout(page);

  // Another compound's member: the vote does not exist for them.
  await login(page, demo.otherPropertyStaff);
  const foreign = await page.request.post(api(urls.owners), { data: { voterKey, choice: ['agree'] } });
  expect(foreign.status()).toBe(404);
});

test('at the end time the votes close; the results show every figure and the verdict', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  await page.waitForTimeout(Math.max(0, endsAt - Date.now() + 2_000));
  await login(page, demo.multiOwner);
  await page.goto(urls.owners);
  const result = page.getByRole('region', { name: '表决结果' });
  await expect(result.getByRole('status')).toHaveText('✕ 未通过');
  await expect(result.getByRole('listitem', { name: '参与表决的业主人数' })).toContainText('未达到');
  const figures = result.getByRole('table');
  await expect(figures.getByRole('row', { name: /参与表决/ })).toContainText('6');
  await expect(figures.getByRole('row', { name: /同意/ })).toContainText('4');
  await result.getByText(/回执码清单/).click();
  await expect(result.getByText(receipt)).toBeVisible();
  await expect(page.getByRole('button', { name: '投票', exact: true })).toHaveCount(0);

  await page.goto(urls.consultation);
  const consultation = page.getByRole('region', { name: '表决结果' });
  await expect(consultation).toContainText('2 / ');
  await expect(consultation.getByText('同意：1', { exact: true })).toBeVisible();
  await expect(consultation.getByText('不同意：1', { exact: true })).toBeVisible();

  await page.goto(urls.council);
  await expect(page.getByRole('region', { name: '表决结果' }).getByText('同意：2', { exact: true })).toBeVisible();

  await page.goto(urls.roof);
  await expect(page.getByText('已表决').first()).toBeVisible();
});

test('npm run recount recomputes the closed vote from its frozen electorate and finds the same result', () => {
  const voteId = urls.owners.split('/').pop() ?? '';
  const out = execFileSync('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/recount.ts', voteId], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR ?? '.e2e-data' },
    encoding: 'utf8',
  });
  expect(out).toContain('participating 6 owners');
  expect(out).toContain('recount matches the stored result');
});
