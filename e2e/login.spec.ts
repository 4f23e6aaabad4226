import { expect, test } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './support.ts';

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.getByRole('heading', { name: '政务服务中心管理后台' })).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(`${E2E_ADMIN_PASSWORD}-wrong`);
  // Enter submits the form.
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');
  await expect(page.getByRole('button', { name: '退出' })).toHaveCount(0);
  // The password field is cleared for the next attempt.
  await expect(page.getByLabel('密码')).toHaveValue('');
  await page.screenshot({ path: 'test-results/screens/login-error-1366.png' });
});

test('empty fields are flagged next to the fields', async ({ page }) => {
  await page.goto('/admin/');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('repeated failures lock the account, and the page says for how long', async ({ page }) => {
  // An account of its own, so the lock does not reach the other tests.
  const username = `locked${String(Date.now() % 100000)}`;
  await page.goto('/admin/');
  const error = page.getByTestId('login-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(`wrong-${attempt}-password`);
    // Each attempt waits for its answer before the next one.
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: '登录' }).click();
    expect((await answer).status()).toBe(attempt < 5 ? 401 : 429);
    await expect(error).toBeVisible();
  }
  await expect(error).toContainText('登录失败次数过多');
  await expect(error).toContainText(/请 \d+ 分钟后再试/);
});
