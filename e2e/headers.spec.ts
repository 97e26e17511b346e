import { expect, test } from '@playwright/test';
import { demo, login } from './fixtures';

test('pages carry the security headers, and still work under the policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/login');
  const h = res?.headers() ?? {};
  const csp = h['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-inline' 'nonce");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Served over plain HTTP here, so no HSTS (it is sent when the request came over HTTPS).
  expect(h['strict-transport-security']).toBeUndefined();

  // Every inline script in the served HTML carries that response's nonce.
  const raw = await page.request.get('/login');
  const rawNonce = /'nonce-([^']+)'/.exec(raw.headers()['content-security-policy'] ?? '')?.[1];
  const inline = [...(await raw.text()).matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? '');
  expect(inline.length).toBeGreaterThan(0);
  for (const attrs of inline) expect(attrs).toContain(`nonce="${rawNonce}"`);

  // Hydrated and interactive: logging in and switching language are client-side.
  await login(page, demo.secretary);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, 王秋萍');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('王秋萍，您好');
  expect(violations).toEqual([]);

  const api = await page.request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('HTML typed into a topic is shown as text, never run as markup', async ({ page }) => {
  const title = '<img src=x onerror="document.title=1">楼道';
  const script = '<script>window.pwned = true</script>说明';
  await login(page, demo.partyMember);
  await page.goto('/c/1/topics/new');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('详细描述').fill(script);
  await page.getByLabel('类别').selectOption({ label: '其他' });
  await page.getByRole('button', { name: '提交议题' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(script)).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
});
