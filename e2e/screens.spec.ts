import { expect, test } from '@playwright/test';
import { chooseOption, ensureCentre, loginAsAdmin } from './support.ts';

const PAGES = [
  ['', '中心信息'],
  ['departments', '进驻部门'],
  ['zones', '功能区'],
  ['counters', '窗口'],
  ['staff', '工作人员'],
  ['users', '用户账号'],
  ['device-tokens', '设备令牌'],
  ['calendar', '工作日历'],
  ['audit', '审计日志'],
] as const;

for (const width of [1366, 375]) {
  test(`every page renders at ${width} px without horizontal scrolling`, async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      // Failed requests are checked below, by address.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
    });
    page.on('response', (r) => {
      // Before signing in, /auth/me answers 401: that is how the app learns to show the login page.
      if (r.status() >= 400 && !(r.status() === 401 && r.url().endsWith('/api/v1/auth/me'))) problems.push(`${r.status()} ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.setViewportSize({ width, height: width > 1000 ? 768 : 740 });
    await loginAsAdmin(page);
    await ensureCentre(page.request);
    for (const [path, title] of PAGES) {
      await page.goto(`/admin/${path}`);
      await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
      await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
      await expect(page.locator('.ant-alert-error')).toHaveCount(0);
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow, `${title} fits ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/${path || 'centre'}-${width}.png` });
    }
    // A modal form fits the screen too, and Esc closes it.
    await page.goto('/admin/');
    await page.getByRole('button', { name: '新建中心' }).click();
    const dialog = page.getByRole('dialog', { name: '新建政务服务中心' });
    await expect(dialog.getByLabel('中心名称')).toBeVisible();
    await dialog.getByLabel('中心名称').fill('示例');
    await chooseOption(page, dialog.getByLabel('层级'), '乡镇（街道）');
    // DB36/T 2016 §4.5.3: the naming rule is shown while typing.
    await expect(dialog.getByTestId('centre-name-warning')).toContainText('便民服务中心');
    await page.screenshot({ path: `test-results/screens/centre-create-${width}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(problems, 'no errors in the browser console').toEqual([]);
  });
}
