import { expect, type Locator, type Page, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

async function typeDate(page: Page, input: Locator, date: string): Promise<void> {
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
  // Leave the field to close the picker: Escape would close the dialog around it when
  // the picker has already closed by itself.
  await input.press('Tab');
  await expect(page.locator('.ant-picker-dropdown').filter({ visible: true })).toHaveCount(0);
}

test('the calendar counts working days over holidays, make-up days and the centre’s closed days', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.goto('/admin/calendar');
  await expect(page.getByRole('heading', { name: '工作日历' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '2025' })).toBeVisible();

  const add = page.locator('form#add-working-days');
  const result = page.getByTestId('add-working-days-result');
  // National Day 2025: 1–8 October off; the first working day after 30 September is 9 October.
  await typeDate(page, add.getByLabel('起始日'), '2025-09-30');
  await add.getByLabel('加工作日数').fill('1');
  await add.getByLabel('加工作日数').press('Enter');
  await expect(result).toContainText('2025-10-09');

  // A closed day of the centre is not a working day either.
  await page.getByRole('button', { name: '新增闭厅日' }).click();
  const dialog = page.getByRole('dialog', { name: '新增闭厅日' });
  await typeDate(page, dialog.getByLabel('日期'), '2025-10-09');
  await dialog.getByLabel('闭厅原因').fill('中心搬迁');
  await dialog.getByLabel('闭厅原因').press('Enter');
  await expect(dialog).toBeHidden();
  const closed = page.getByRole('row').filter({ hasText: '中心搬迁' });
  await expect(closed).toContainText('2025-10-09');
  await add.getByRole('button', { name: '计算' }).click();
  await expect(result).toContainText('2025-10-10');

  await closed.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '取消闭厅' }).click();
  await expect(closed).toHaveCount(0);
});

test('an administrator loads a year’s arrangement from JSON, and bad data is explained', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/admin/calendar');
  await page.getByRole('button', { name: '导入年度' }).click();
  const dialog = page.getByRole('dialog', { name: '导入年度节假日安排' });
  await dialog.getByLabel('年度').fill('2031');
  const json = dialog.getByLabel('节假日数据（JSON）');
  await json.fill('{"year": 2031, "days": [');
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog.getByText('内容不是合法的 JSON，请检查后重试')).toBeVisible();

  await json.fill(
    JSON.stringify({
      year: 2031,
      papers: ['https://www.gov.cn/'],
      days: [
        { name: '元旦', date: '2031-01-01', isOffDay: true },
        { name: '国庆节', date: '2031-10-01', isOffDay: true },
      ],
    }),
  );
  await dialog.getByRole('button', { name: '导入' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '2031' });
  await expect(row).toContainText('管理员导入');
  await row.getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('dialog', { name: '2031 年节假日安排' })).toContainText('国庆节');
});
