import { expect, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

test('an administrator creates a counter in the demo centre and sees it listed', async ({ page }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  await page.reload();
  await expect(page.getByLabel('当前中心')).toBeVisible();
  await expect(page.getByText(centre.name).first()).toBeVisible();

  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '窗口' }).click();
  await expect(page).toHaveURL(/\/admin\/counters$/);
  await expect(page.getByRole('heading', { name: '窗口' })).toBeVisible();

  // A number no seed uses, so the row found is the one created here.
  const number = `E${String(Date.now() % 100000)}`;
  await page.getByRole('button', { name: '新建窗口' }).click();
  const dialog = page.getByRole('dialog', { name: '新建窗口' });
  await dialog.getByLabel('窗口编号').fill(number);
  await dialog.getByLabel('窗口功能（§5.1.5.1）').fill('企业开办综合受理');
  // The form is submitted with Enter, as a keyboard user would.
  await dialog.getByLabel('窗口功能（§5.1.5.1）').press('Enter');
  await expect(dialog).toBeHidden();

  // The demo centre has many counters: find the new one with the search box.
  await page.getByRole('searchbox', { name: '搜索窗口' }).fill(number);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('企业开办综合受理');
  await expect(row).toContainText('综合窗口');
  await expect(row).toContainText('未开放');

  // The number is unique in the centre.
  await page.getByRole('button', { name: '新建窗口' }).click();
  await dialog.getByLabel('窗口编号').fill(number);
  await dialog.getByLabel('窗口功能（§5.1.5.1）').fill('重复编号');
  await dialog.getByRole('button', { name: '保存' }).click();
  // The API's Chinese error appears next to the field at fault, which takes the focus.
  await expect(dialog.getByText(/窗口编号.*已存在/)).toBeVisible();
  await expect(dialog.getByLabel('窗口编号')).toBeFocused();
  await expect(dialog.getByRole('alert')).toContainText('请按提示修改后重新提交');
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: number })).toHaveCount(1);
});
