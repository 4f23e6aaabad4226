import { expect, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

test('the centre page saves changes and shows the §4.5.3 naming warning the API returns', async ({ page }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  await page.reload();
  const name = page.getByLabel('中心名称');
  await expect(name).toHaveValue(centre.name);
  await page.screenshot({ path: 'test-results/screens/centre-full-1366.png', fullPage: true });

  // A name off the standard's pattern is accepted, with the warning from the API.
  await name.fill('新建区行政服务大厅');
  await expect(page.getByTestId('centre-name-warning')).toContainText('§4.5.3');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存中心信息')).toBeVisible();
  await expect(page.locator('.ant-alert-warning')).toContainText('名称不符合 DB36/T 2016 §4.5.3');
  await expect(page.getByRole('banner')).toContainText('新建区行政服务大厅');

  // A field the API refuses is marked next to the field.
  await page.getByLabel('行政区划代码').fill('999999');
  await page.getByLabel('行政区划代码').press('Enter');
  await expect(page.getByText('行政区划代码 999999 不存在')).toBeVisible();

  // Put the name back: the warning goes away.
  await page.getByLabel('行政区划代码').fill('');
  await page.reload();
  await name.fill(centre.name);
  await name.press('Enter');
  await expect(page.getByText('已保存中心信息')).toBeVisible();
  await expect(page.locator('.ant-alert-warning')).toHaveCount(0);
  await expect(page.getByTestId('centre-name-warning')).toHaveCount(0);
});
