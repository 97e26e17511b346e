import { expect, type Page, test } from '@playwright/test';
import { demo, login, openCompound } from './fixtures';

test.describe.configure({ mode: 'serial' });

// A real 1×1 PNG, so the browser can show it.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let topicUrl = '';

async function raise(page: Page, title: string, category: string, building?: string) {
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议题', exact: true }).click();
  await page.getByRole('link', { name: '提议题' }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('详细描述').fill(`${title}。已经持续一周，影响整个单元的住户，希望尽快解决。`);
  await page.getByLabel('类别').selectOption({ label: category });
  if (building) await page.getByLabel('涉及楼栋').selectOption({ label: building });
}

async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('a resident raises a blocked drain with a photo; a bad file is refused and the form is kept', async ({ page }) => {
  await login(page, demo.multiOwner);
  await raise(page, '3号楼下水管堵塞，污水反涌', '设施维修', '3号楼');
  await page
    .getByLabel(/照片/)
    .setInputFiles([{ name: 'drain.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html>not an image</html>') }]);
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByText('文件“drain.jpg”不是 JPEG、PNG 或 WebP 图片。').first()).toBeVisible();
  await expect(page.getByLabel('标题')).toHaveValue('3号楼下水管堵塞，污水反涌');

  await page.getByLabel(/照片/).setInputFiles([{ name: 'drain.png', mimeType: 'image/png', buffer: PNG }]);
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '3号楼下水管堵塞，污水反涌' })).toBeVisible();
  await expect(page.getByText('征集中').first()).toBeVisible();
  const photo = page.getByRole('img', { name: '议题照片 1' });
  await expect(photo).toBeVisible();
  // The grid shows the phone-sized WebP made at upload; opening it gives the photo as uploaded.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.currentSrc !== '')).toBe(true);
  const shown = await photo.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(new URL(shown).search).toMatch(/^\?w=(256|1024)$/);
  expect((await page.request.get(shown)).headers()['content-type']).toBe('image/webp');
  const href = (await page.getByRole('link').filter({ has: photo }).getAttribute('href')) ?? '';
  const original = await page.request.get(href);
  expect(original.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await original.body()).equals(PNG)).toBe(true);
  topicUrl = new URL(page.url()).pathname;
});

test('two neighbours co-sign; co-signing twice is not possible', async ({ page }) => {
  for (const neighbour of [demo.residentRep, demo.partyMember]) {
    await login(page, neighbour);
    await page.goto(topicUrl);
    await page.getByRole('button', { name: /附议/ }).click();
    await expect(page.getByRole('status')).toHaveText('✓ 已附议，您会收到这个议题的进展通知。');
    await expect(page.getByText('您已附议')).toBeVisible();
    await expect(page.getByRole('button', { name: /附议/ })).toHaveCount(0);
    await logout(page);
  }
  await login(page, demo.multiOwner);
  await page.goto(topicUrl);
  await expect(page.getByText('2 人附议')).toBeVisible();
  // The author was told.
  await page.getByRole('link', { name: /^通知/ }).click();
  await expect(
    page
      .getByRole('list')
      .getByText(/附议了您的议题“3号楼下水管堵塞/)
      .first(),
  ).toBeVisible();
});

test('the secretary accepts it onto the agenda', async ({ page }) => {
  await login(page, demo.secretary);
  await page.goto(topicUrl);
  const review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('列入议程，开始协商').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('协商中').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '议题审核' })).toHaveCount(0);
});

test('the property company and the owners committee post positions; an edit keeps the history', async ({ page }) => {
  await login(page, demo.propertyStaff);
  await page.goto(topicUrl);
  const property = page.getByRole('listitem', { name: '物业公司' });
  await property.getByLabel(/立场内容/).fill('物业将于本周五安排管道疏通，费用由公共维修基金列支，需业委会确认。');
  await property.getByRole('button', { name: '发表立场' }).click();
  await expect(property.getByText('物业将于本周五安排管道疏通').first()).toBeVisible();
  // The branch's position is not theirs to post.
  await expect(page.getByRole('listitem', { name: '党支部' }).getByRole('button')).toHaveCount(0);
  await logout(page);

  await login(page, demo.committeeChair);
  await page.goto(topicUrl);
  const committee = page.getByRole('listitem', { name: '业主委员会' });
  await committee.getByLabel(/立场内容/).fill('业委会同意先行疏通。');
  await committee.getByRole('button', { name: '发表立场' }).click();
  await expect(committee.getByText('业委会同意先行疏通。').first()).toBeVisible();
  await committee.locator('summary', { hasText: '修改立场' }).click();
  await committee.getByLabel(/立场内容/).fill('业委会同意先行疏通，并建议同时检查2号楼的排水管。');
  await committee.getByRole('button', { name: '修改立场' }).click();
  await expect(committee.getByText('（已修改 1 次）')).toBeVisible();
  await committee.locator('summary', { hasText: '修改记录' }).click();
  await expect(committee.getByText('业委会同意先行疏通。', { exact: true })).toBeVisible();
});

test('residents discuss, with their role badges; a reply goes one level deep', async ({ page }) => {
  await login(page, demo.coOwnerVoter);
  await page.goto(topicUrl);
  await page.getByLabel('您的看法').fill('我家在2单元一楼，反涌最严重，支持尽快疏通。');
  await page.getByRole('button', { name: '发表评论' }).click();
  await expect(page.getByRole('article', { name: '陈志强' })).toContainText('反涌最严重');
  await expect(page.getByRole('article', { name: '陈志强' }).getByRole('list', { name: '身份' })).toContainText('业主');
  await logout(page);

  await login(page, demo.tenant);
  await page.goto(topicUrl);
  const chen = page.getByRole('article', { name: '陈志强' });
  await chen.getByRole('button', { name: /回复/ }).click();
  await page.getByLabel('回复内容').fill('租户也受影响，同意。');
  await page.getByRole('button', { name: '发送' }).click();
  const reply = page.getByRole('article', { name: '赵敏' });
  await expect(reply).toContainText('租户也受影响');
  await expect(reply.getByRole('list', { name: '身份' })).toContainText('租户');
  // Replies have no reply button of their own.
  await expect(reply.getByRole('button', { name: /回复/ })).toHaveCount(0);
});

test('a rude comment is reported and hidden: other residents no longer see it, its author sees why', async ({
  page,
}) => {
  await login(page, demo.committeeMember);
  await page.goto(topicUrl);
  await page.getByLabel('您的看法').fill('物业都是吃干饭的，一群废物！');
  await page.getByRole('button', { name: '发表评论' }).click();
  await expect(page.getByText('一群废物')).toBeVisible();
  await logout(page);

  await login(page, demo.multiOwner);
  await page.goto(topicUrl);
  const rude = page.getByRole('article', { name: '张丽萍' });
  await rude.getByRole('button', { name: /举报/ }).click();
  await rude.getByLabel('举报理由').fill('人身攻击');
  await rude.getByRole('button', { name: '举报', exact: true }).click();
  await expect(rude.getByText('已举报', { exact: true })).toBeVisible();
  await logout(page);

  await login(page, demo.secretary);
  await page.goto(topicUrl);
  const flagged = page.getByRole('article', { name: '张丽萍' });
  await expect(flagged.getByText('1 次举报')).toBeVisible();
  await flagged.getByRole('button', { name: /隐藏/ }).click();
  await flagged.getByLabel('隐藏理由（作者可见）').fill('人身攻击，请文明发言');
  await flagged.getByRole('button', { name: '隐藏', exact: true }).click();
  await expect(flagged.getByText('已隐藏（理由：人身攻击，请文明发言）')).toBeVisible();
  await logout(page);

  await login(page, demo.coOwner);
  await page.goto(topicUrl);
  await expect(page.getByText('一群废物')).toHaveCount(0);
  await expect(page.getByText('此评论已被隐藏。')).toBeVisible();
  await logout(page);

  await login(page, demo.committeeMember);
  await page.goto(topicUrl);
  await expect(page.getByText('一群废物')).toBeVisible();
  await expect(page.getByRole('note')).toHaveText(
    '您的这条评论已被隐藏，理由：人身攻击，请文明发言。其他居民看不到它。',
  );
});

test('the secretary holds a deliberation meeting and records its minutes, which show on the topic', async ({
  page,
}) => {
  await login(page, demo.secretary);
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议事会' }).click();
  const form = page.getByRole('region', { name: '安排议事会' });
  await form.getByLabel('会议名称').fill('3号楼排水问题议事会');
  await form.getByLabel('时间').fill('2030-12-02T19:00');
  await form.getByLabel('地点').fill('中兴社区议事厅');
  await form.getByLabel('3号楼下水管堵塞，污水反涌').check();
  await form.getByLabel(/^曲晶/).check();
  await form.getByLabel(/^周海燕/).check();
  await form.getByLabel(/^林志远/).check();
  await form.getByLabel('另邀居民（手机号，可选）').fill('13800000004');
  await form.getByRole('button', { name: '安排议事会' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '3号楼排水问题议事会' })).toBeVisible();
  await expect(page.getByRole('region', { name: '记录会议情况' }).getByLabel('刘建国')).toBeVisible();

  const record = page.getByRole('region', { name: '记录会议情况' });
  await record.getByLabel('曲晶').check();
  await record.getByLabel('周海燕').check();
  await record.getByLabel('刘建国').check();
  await record.getByLabel('会议纪要').fill('各方同意：物业周五疏通3号楼主管道，费用由维修资金列支；业委会负责监督。');
  await record.getByRole('button', { name: '保存纪要' }).click();
  await expect(page.getByRole('status')).toContainText('会议记录已保存');

  await page.goto(topicUrl);
  const meetings = page.getByRole('region', { name: '议事会' });
  await expect(meetings).toContainText('各方同意：物业周五疏通3号楼主管道');
  await expect(meetings).toContainText('出席：');
  const timeline = page.getByRole('region', { name: '议题进程' });
  for (const step of [
    '提出议题',
    '附议',
    '列入议程',
    '发表立场',
    '修改立场',
    '隐藏评论',
    '安排议事会',
    '召开议事会并记录纪要',
  ]) {
    await expect(timeline.getByText(step, { exact: true }).first()).toBeVisible();
  }
  await expect(timeline).toContainText('征集中 → 协商中');
});

test('the invited resident was notified of the meeting', async ({ page }) => {
  await login(page, demo.multiOwner);
  await page.getByRole('link', { name: /^通知/ }).click();
  await expect(page.getByText('王秋萍 邀请您参加议事会：3号楼排水问题议事会')).toBeVisible();
  await expect(page.getByText(/您关注的议题“3号楼下水管堵塞，污水反涌”状态变为：协商中/)).toBeVisible();
});

test('a second topic is rejected with a reason its author sees; a third goes straight to the property company', async ({
  page,
}) => {
  await login(page, demo.coOwnerVoter);
  await raise(page, '要求小区门口增设收费停车位', '停车');
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '要求小区门口增设收费停车位' })).toBeVisible();
  const rejectUrl = new URL(page.url()).pathname;
  await raise(page, '2号楼楼道灯不亮', '设施维修', '2号楼');
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2号楼楼道灯不亮' })).toBeVisible();
  const smallUrl = new URL(page.url()).pathname;
  await logout(page);

  // A resident cannot review.
  await login(page, demo.tenant);
  await page.goto(rejectUrl);
  await expect(page.getByRole('region', { name: '议题审核' })).toHaveCount(0);
  await logout(page);

  await login(page, demo.secretary);
  await page.goto(rejectUrl);
  let review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('不予采纳（须说明理由）').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(review.getByText('此项不能为空。')).toBeVisible();
  await review.getByLabel('理由或说明').fill('小区门口属市政道路，不在小区管理范围内，已转告街道。');
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('未采纳理由：小区门口属市政道路').first()).toBeVisible();

  await page.goto(smallUrl);
  review = page.getByRole('region', { name: '议题审核' });
  await review.getByLabel('小事一格解决：转物业直接办理').check();
  await review.getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('已转交 安居物业服务有限公司 办理。')).toBeVisible();
  await logout(page);

  await login(page, demo.coOwnerVoter);
  await page.goto(rejectUrl);
  await expect(page.getByText('未采纳理由：小区门口属市政道路，不在小区管理范围内，已转告街道。')).toBeVisible();
  await logout(page);

  await login(page, demo.propertyStaff);
  await page.getByRole('link', { name: /^通知/ }).click();
  // Told that the task is theirs to take on, not merely that a status changed.
  await expect(page.getByText('“2号楼楼道灯不亮”已交由您方实施，请承接')).toBeVisible();
});

test('the topic list filters by status and category and finds Chinese text', async ({ page }) => {
  await login(page, demo.tenant);
  await openCompound(page, '合和大院');
  await page.getByRole('link', { name: '议题', exact: true }).click();
  await page.getByLabel('搜索议题').fill('下水管');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('link', { name: /3号楼下水管堵塞/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /楼道灯/ })).toHaveCount(0);
  // Two characters: too short for the trigram index, still found.
  await page.getByLabel('搜索议题').fill('楼道');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('link', { name: /2号楼楼道灯不亮/ })).toBeVisible();
  await page.getByLabel('搜索议题').fill('');
  await page.getByLabel('全部状态').selectOption({ label: '未采纳' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByText('共 1 个议题')).toBeVisible();
  await expect(page.getByRole('link', { name: /收费停车位/ })).toBeVisible();
});

test('a forged topic id from another compound answers 404', async ({ page }) => {
  await login(page, demo.otherSecretary);
  const own = await page.getByRole('link', { name: /^亿泰庄园/ }).getAttribute('href');
  const topicId = topicUrl.split('/').pop();
  expect((await page.goto(`${own}/topics/${topicId}`))?.status()).toBe(404);
  expect((await page.goto(topicUrl))?.status()).toBe(404);
});
