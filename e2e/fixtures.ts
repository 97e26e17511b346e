import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'yishi2026';

/** The demo accounts the stories use (README lists them all). */
export const demo = {
  secretary: '13800000001', // 王秋萍, branch secretary of 合和大院
  committeeChair: '13800000002', // 曲晶
  committeeMember: '13800000003', // 张丽萍
  multiOwner: '13800000004', // 刘建国, owns two units
  coOwnerVoter: '13800000005', // 陈志强, co-owns with 李秀英 and votes
  coOwner: '13800000006', // 李秀英
  tenant: '13800000007', // 赵敏
  partyMember: '13800000008', // 孙立华
  propertyStaff: '13800000009', // 周海燕, 安居物业
  gridWorker: '13800000010', // 吴刚
  communityWorker: '13800000011', // 郑丽, 中兴社区
  streetStaff: '13800000012', // 钱伟, 老虎滩街道
  districtAdmin: '13800000013', // 冯军, 中山区
  residentRep: '13800000014', // 韩梅
  guestLawyer: '13800000015', // 林志远
  otherPropertyStaff: '13800000016', // 唐建华, 亿泰物业
  otherCommunityWorker: '13800000017', // 许文斌, 林海社区
  otherSecretary: '13800000018', // 蒋玉兰, 亿泰庄园
  lockoutVictim: '13800000021', // 宋德福, used only by the lock-out story
} as const;

export async function login(page: Page, mobile: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(mobile);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('您好');
}

/** Opens a compound from the home page by its name, as a person would. */
export async function openCompound(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}
