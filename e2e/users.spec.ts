import { expect, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

test('an administrator creates a window clerk, who signs in and may not change counters', async ({ page, browser }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: '用户账号' })).toBeVisible();

  const username = `clerk${String(Date.now() % 100000)}`;
  const password = 'Clerk2024pass';
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill('测试窗口人员');
  // A weak password is refused by the API with its Chinese rule.
  await dialog.getByLabel('初始密码').fill('onlyletters');
  await expect(dialog.getByRole('combobox', { name: /角色/ })).toHaveCount(1);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('密码至少 10 位，且须包含字母和数字')).toBeVisible();
  await expect(dialog.getByLabel('初始密码')).toBeFocused();
  await dialog.getByLabel('初始密码').fill(password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: '搜索用户' }).fill(username);
  const row = page.getByRole('row').filter({ hasText: username });
  await expect(row).toContainText('窗口工作人员');
  await expect(row).toContainText('正常');

  const context = await browser.newContext();
  const clerk = await context.newPage();
  await clerk.goto('/admin/');
  await clerk.getByLabel('用户名').fill(username);
  await clerk.getByLabel('密码').fill(password);
  await clerk.getByLabel('密码').press('Enter');
  await expect(clerk.getByRole('banner')).toContainText(centre.name);
  await clerk.goto('/admin/counters');
  await expect(clerk.getByRole('heading', { name: '窗口' })).toBeVisible();
  await expect(clerk.getByRole('row').nth(1)).toBeVisible();
  await expect(clerk.getByRole('button', { name: '新建窗口' })).toHaveCount(0);
  await expect(clerk.getByRole('button', { name: '编辑' })).toHaveCount(0);
  // A clerk sets the status of counters (§5.1.5.1).
  await expect(clerk.getByRole('button', { name: '状态' }).first()).toBeVisible();
  await context.close();
});
