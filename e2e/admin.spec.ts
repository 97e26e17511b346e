import { expect, test } from '@playwright/test';
import { demo, login } from './fixtures';

const header = '楼栋,户号,楼层,面积,面积来源,产权类型,业主,投票人';

function csv(lines: string[]) {
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}

test('community staff add a building and import its units: a bad file imports nothing, a good one does', async ({
  page,
}) => {
  await login(page, demo.communityWorker);
  await page.getByRole('link', { name: '管理后台' }).click();
  await page.getByRole('link', { name: '管理 双全楼院' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('管理：双全楼院');

  const buildings = page.getByRole('region', { name: /楼栋/ });
  await buildings.getByLabel('新楼栋名称').fill('5号楼');
  await buildings.getByLabel('层数').last().fill('5');
  await buildings.getByRole('button', { name: '添加楼栋' }).click();
  await expect(buildings.getByRole('status')).toHaveText('✓ 已保存。');

  const importer = page.getByRole('region', { name: /导入房屋/ });
  await importer.getByLabel('CSV 文件').setInputFiles({
    name: 'units-bad.csv',
    mimeType: 'text/csv',
    buffer: csv([
      '5号楼,1单元101,1,78.35,不动产登记,个人,王建国:13800009001,',
      '5号楼,1单元102,1,65.355,测绘,个人,赵立新:13800009002,',
      '9号楼,1单元201,2,70.00,合同,个人,钱淑珍:13800009003,',
    ]),
  });
  await importer.getByRole('button', { name: '导入' }).click();
  await expect(importer.getByRole('alert')).toContainText('文件中有 2 处错误，未导入任何数据');
  const errors = importer.getByRole('list', { name: '错误明细' });
  await expect(errors).toContainText('第 3 行：面积“65.355”最多保留两位小数。');
  await expect(errors).toContainText('第 4 行：本小区没有楼栋“9号楼”');

  // Nothing was imported: the new building still has no units.
  await page.goto(page.url().replace('/admin/compounds/', '/c/'));
  await page.getByRole('link', { name: '房屋与业主名册' }).click();
  await page.getByRole('link', { name: '5号楼' }).click();
  await expect(page.getByText('共 0 户')).toBeVisible();
  await page.goBack();
  await page.goBack();
  await page.goBack();

  const good = csv([
    '5号楼,1单元101,1,78.35,不动产登记,个人,王建国:13800009001,',
    '5号楼,1单元102,1,65.20,测绘,共有,赵立新:13800009002;钱淑珍:13800009003,13800009002',
    '5号楼,1单元201,2,78.35,合同,个人,王建国:13800009001,',
  ]);
  await page
    .getByRole('region', { name: /导入房屋/ })
    .getByLabel('CSV 文件')
    .setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: good,
    });
  await page
    .getByRole('region', { name: /导入房屋/ })
    .getByRole('button', { name: '导入' })
    .click();
  await expect(page.getByRole('region', { name: /导入房屋/ }).getByRole('status')).toContainText(
    '导入完成：新增 3 户，更新 0 户，未变 0 户；新建表决主体 2 个，新登记人员 3 人。',
  );

  // The same file again changes nothing.
  await page
    .getByRole('region', { name: /导入房屋/ })
    .getByLabel('CSV 文件')
    .setInputFiles({
      name: 'units.csv',
      mimeType: 'text/csv',
      buffer: good,
    });
  await page
    .getByRole('region', { name: /导入房屋/ })
    .getByRole('button', { name: '导入' })
    .click();
  await expect(page.getByRole('region', { name: /导入房屋/ }).getByRole('status')).toContainText(
    '新增 0 户，更新 0 户，未变 3 户',
  );

  await page.getByRole('link', { name: '房屋与业主名册' }).click();
  await page.getByRole('link', { name: '5号楼' }).click();
  await expect(page.getByText('共 3 户')).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /5号楼1单元102/ })).toContainText('赵立新、钱淑珍');
  await expect(table.getByRole('row', { name: /5号楼1单元201/ })).toContainText('王建国');
});

test('a CSV without the required columns is refused with the missing ones named', async ({ page }) => {
  await login(page, demo.communityWorker);
  await page.goto('/admin');
  await page.getByRole('link', { name: '管理 双全楼院' }).click();
  const importer = page.getByRole('region', { name: /导入房屋/ });
  await importer.getByLabel('CSV 文件').setInputFiles({
    name: 'wrong.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('楼栋,户号\n双全楼,1单元101\n', 'utf8'),
  });
  await importer.getByRole('button', { name: '导入' }).click();
  await expect(importer.getByRole('list', { name: '错误明细' })).toContainText('缺少必需的列');
});

test('street staff create a compound, open an account and make its holder the branch secretary', async ({ page }) => {
  await login(page, demo.streetStaff);
  await page.goto('/admin');
  const create = page.getByRole('region', { name: '新建小区' });
  await create.getByLabel('所属社区').selectOption({ label: '老虎滩街道 · 石道街社区' });
  await create.getByLabel('小区名称').fill('海韵园');
  await create.getByLabel('地址').fill('中山区老虎滩街道海韵路8号');
  await create.getByRole('button', { name: '新建小区' }).click();
  await expect(create.getByRole('status')).toHaveText('✓ 已新建小区“海韵园”。');

  // The same name again in the same community is refused beside the field.
  await create.getByLabel('所属社区').selectOption({ label: '老虎滩街道 · 石道街社区' });
  await create.getByLabel('小区名称').fill('海韵园');
  await create.getByRole('button', { name: '新建小区' }).click();
  await expect(create.getByText('该社区已有同名小区。').first()).toBeVisible();

  await page.getByRole('link', { name: '账号与身份' }).click();
  const account = page.getByRole('region', { name: '开通账号' });
  await account.getByLabel('姓名').fill('高振华');
  await account.getByLabel('手机号').fill('13800000088');
  await account.getByLabel('初始密码').fill('12345678');
  await account.getByRole('button', { name: '开通账号' }).click();
  await expect(account.getByText('这个密码太常见，容易被猜到，请换一个。')).toBeVisible();
  await expect(account.getByLabel('姓名')).toHaveValue('高振华');
  await account.getByLabel('初始密码').fill('haiyun-2026');
  await account.getByRole('button', { name: '开通账号' }).click();
  await expect(account.getByRole('status')).toHaveText('✓ 已为“高振华”开通账号。');
  await account.getByRole('link', { name: '为此人设置身份 →' }).click();
  // The search page has a role form too: wait for the person's own page before choosing.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('高振华');

  // The scopes follow the chosen role once the form is interactive: choose again until they do.
  await expect(async () => {
    await page.getByRole('combobox', { name: '身份' }).selectOption({ label: '支部书记' });
    await page.getByLabel('所在范围').selectOption({ label: '石道街社区 · 海韵园' }, { timeout: 1000 });
  }).toPass();
  await page.getByRole('button', { name: '授予' }).click();
  await expect(page.getByRole('status')).toHaveText('✓ 已保存。');
  await expect(page.getByRole('region', { name: '身份' }).getByRole('listitem').first()).toContainText('支部书记');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  await login(page, '13800000088', 'haiyun-2026');
  const card = page.getByRole('link', { name: /^海韵园/ });
  await expect(card.getByRole('list', { name: '身份' })).toContainText('支部书记');
});

test('a community worker cannot give street-level roles', async ({ page }) => {
  await login(page, demo.communityWorker);
  await page.goto('/admin/people');
  await page.getByRole('searchbox').or(page.getByLabel('姓名或手机号')).fill('王秋萍');
  await page.getByRole('button', { name: '查找' }).click();
  await page.getByRole('link', { name: /王秋萍/ }).click();
  const roleSelect = page.getByRole('combobox', { name: '身份' });
  await expect(roleSelect.getByRole('option', { name: '街道工作人员' })).toHaveCount(0);
  await expect(roleSelect.getByRole('option', { name: '社区工作者' })).toHaveCount(0);
  await expect(roleSelect.getByRole('option', { name: '支部委员' })).toHaveCount(1);
});

test('staff find only the people of the places they look after', async ({ page }) => {
  const search = async (q: string) => {
    await page.goto('/admin/people');
    await page.getByLabel('姓名或手机号').fill(q);
    await page.getByRole('button', { name: '查找' }).click();
  };
  // The district admin finds the branch secretary of 亿泰庄园 (林海社区) and her page.
  await login(page, demo.districtAdmin);
  await search('蒋玉兰');
  const href = await page.getByRole('link', { name: /蒋玉兰/ }).getAttribute('href');
  expect(href).toMatch(/^\/admin\/people\/\d+$/);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  // 中兴社区's worker finds her own residents, but not 林海's, neither by name nor by opening the page.
  await login(page, demo.communityWorker);
  await search('刘建国');
  await expect(page.getByRole('link', { name: /刘建国/ })).toBeVisible();
  await search('蒋玉兰');
  await expect(page.getByText('没有找到匹配的人员。')).toBeVisible();
  await expect(page.getByRole('link', { name: /蒋玉兰/ })).toHaveCount(0);
  expect((await page.goto(href ?? ''))?.status()).toBe(404);
  expect((await page.goto(`${href}?mobile=13800000017`))?.status()).toBe(404);

  // Her full mobile number alone finds nothing.
  await search('13800000018');
  await expect(page.getByText('没有找到匹配的人员。')).toBeVisible();

  // With her full mobile number and her name, both typed, she can be given a role at one of 中兴's places
  // (say, as a volunteer); a wrong name is the same answer as an unknown number.
  await page.goto('/admin/people');
  const elsewhere = page.getByRole('region', { name: '为其他辖区的居民授予身份' });
  await elsewhere.getByLabel('手机号').fill('13800000018');
  await elsewhere.getByLabel('姓名').fill('蒋玉芝');
  await expect(async () => {
    await elsewhere.getByRole('combobox', { name: '身份' }).selectOption({ label: '特邀参与人' });
    await elsewhere
      .getByRole('combobox', { name: '所在范围' })
      .selectOption({ label: '中兴社区 · 双全楼院' }, { timeout: 1000 });
    await elsewhere.getByRole('combobox', { name: '特邀类别' }).selectOption({ label: '志愿者' }, { timeout: 1000 });
  }).toPass();
  await elsewhere.getByRole('button', { name: '授予' }).click();
  await expect(elsewhere.getByText('没有找到手机号与姓名都相符的人，请核对后再试。').first()).toBeVisible();
  await elsewhere.getByLabel('姓名').fill('蒋玉兰');
  await elsewhere.getByRole('button', { name: '授予' }).click();
  await expect(elsewhere.getByText('已保存')).toBeVisible();

  // Now she is partly within 中兴's reach: found, and seen only at 中兴's places — never her 亿泰庄园 role,
  // and her password cannot be reset here.
  await search('蒋玉兰');
  await page.getByRole('link', { name: /蒋玉兰.*部分在您的管理范围外/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('蒋玉兰');
  await expect(page.getByText('此人在您的管理范围以外另有房屋或身份')).toBeVisible();
  await expect(page.getByRole('region', { name: '身份' }).getByText('双全楼院', { exact: true })).toBeVisible();
  await expect(page.getByText('亿泰庄园')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '重置密码' })).toHaveCount(0);
});

test("a look-alike of the branch secretary's name, with a zero width space in it, cannot be opened as an account", async ({
  page,
}) => {
  await login(page, demo.communityWorker);
  await page.goto('/admin/people');
  const account = page.getByRole('region', { name: '开通账号' });
  await account.getByLabel('姓名').fill('王秋萍\u200B');
  await account.getByLabel('手机号').fill('13800000089');
  await account.getByLabel('初始密码').fill('heher-2026');
  await account.getByRole('button', { name: '开通账号' }).click();
  // The message says which character it is, since nobody can see it; what was typed stays.
  await expect(account.getByText('含有看不见的字符（U+200B）').first()).toBeVisible();
  await expect(account.getByLabel('姓名')).toHaveValue('王秋萍\u200B');
  await expect(account.getByRole('status')).toHaveCount(0);
});
