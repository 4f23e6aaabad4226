import { expect, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

test('a device token is shown once on creation and can be revoked', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.goto('/admin/device-tokens');
  await expect(page.getByRole('heading', { name: '设备令牌' })).toBeVisible();

  const name = `测试取号机 ${String(Date.now() % 100000)}`;
  await page.getByRole('button', { name: '新建令牌' }).click();
  const form = page.getByRole('dialog', { name: '新建设备令牌' });
  await form.getByLabel('设备名称').fill(name);
  await form.getByLabel('设备名称').press('Enter');

  const shown = page.getByRole('dialog', { name: '设备令牌已生成' });
  await expect(shown).toContainText('只显示这一次');
  const token = (await shown.getByTestId('device-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(16);
  await shown.getByRole('button', { name: '我已保存' }).click();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('有效');
  // The list never shows the token itself, only its first characters.
  await expect(page.getByText(token)).toHaveCount(0);

  await row.getByRole('button', { name: '吊销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '吊销' }).click();
  await expect(row).toContainText('已吊销');
  await expect(row.getByRole('button', { name: '吊销' })).toHaveCount(0);
});
