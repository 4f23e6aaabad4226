/**
 * The catalogue in the admin console (issue 3): the item list, an item's guide from
 * draft to legality review to publication (DB36/T 2016 §7.3.2.2, §7.3.3.3), field
 * errors at their field, the workbook import's cell report, and 一件事 (§8.2.4).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ensureCentre, loginAsAdmin } from './support.ts';

interface Department {
  id: string;
  name: string;
  uscc: string | null;
  retiredAt: string | null;
}

/**
 * Picks an option of an antd select from the keyboard: open it, type to search, walk
 * the options with the arrow keys to the one wanted, Enter.
 */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.focus();
  await select.press('ArrowDown');
  await page.keyboard.type(text);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(dropdown.locator('.ant-select-item-option', { hasText: text }).first()).toBeVisible();
  for (let i = 0; i < 60; i++) {
    const active = (await dropdown.locator('.ant-select-item-option-active').first().textContent()) ?? '';
    if (active.includes(text)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** Checks a radio button from the keyboard (antd draws a label over the input). */
async function pick(radio: Locator): Promise<void> {
  await radio.focus();
  await radio.press('Space');
  await expect(radio).toBeChecked();
}

async function openCatalogue(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '事项管理' }).click();
  await expect(page.getByRole('heading', { name: '事项管理' })).toBeVisible();
}

/** Nothing on the page is wider than the 1366 × 768 screen. */
async function expectNoSideways(page: Page): Promise<void> {
  const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the item list is searched by name and code and filtered by status, from the keyboard', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await openCatalogue(page);
  await expectNoSideways(page);

  const search = page.getByRole('searchbox', { name: '搜索事项' });
  await search.focus();
  await page.keyboard.type('护照');
  await page.keyboard.press('Enter');
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('护照');
  const names = await rows.locator('td:first-child').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n).toContain('护照');
  await expect(rows.first()).toContainText('第 1 版');

  // A code substring finds the same item.
  const code = (await rows.first().locator('td').nth(1).innerText()).trim();
  await search.fill(code.slice(-12));
  await search.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(code);

  // The demo catalogue is published: no item waits in 待审查.
  await search.fill('');
  await search.press('Enter');
  await choose(page, page.getByRole('combobox', { name: '版本状态' }), '已发布');
  await expect(page.getByText(/共 \d+ 项/)).toBeVisible();
  const total = Number((await page.getByText(/共 \d+ 项/).innerText()).replace(/\D/g, ''));
  expect(total).toBeGreaterThanOrEqual(59);

  // Tab reaches the first item's link; Enter opens it.
  await rows.first().getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('tab', { name: /办事指南/ })).toBeVisible();
  await expectNoSideways(page);
});

test('a manager creates an item with one material, submits it for review, approves it and sees it published', async ({ page }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  const departments = (await (await page.request.get(`/api/v1/centres/${centre.id}/departments`)).json()) as { items: Department[] };
  const dept = departments.items.find((d) => d.uscc !== null && d.retiredAt === null);
  expect(dept, 'the demo centre has a department with a USCC').toBeTruthy();
  const uscc = dept!.uscc!;
  const seq = String(Date.now()).slice(-8);
  const basicCode = `0199${seq}`;
  const implementationCode = `${uscc}4${basicCode}`;
  const name = `小作坊登记（测试${seq}）`;

  await openCatalogue(page);
  await page.getByRole('button', { name: '新增事项' }).click();
  await expect(page.getByRole('heading', { name: '新增事项' })).toBeVisible();
  await choose(page, page.getByLabel('进驻部门'), dept!.name);
  // Picking the department fills in the implementing body (its name and USCC).
  await expect(page.getByLabel('实施机构统一社会信用代码')).toHaveValue(uscc);
  await page.getByLabel('基本编码').fill(basicCode);
  // A code whose first 18 characters are not the implementing body's USCC.
  await page.getByLabel('实施编码').fill(`${uscc.slice(0, 17)}${uscc.endsWith('0') ? '1' : '0'}4${basicCode}`);
  await page.getByLabel('事项名称').fill(name);
  await page.getByLabel('事项名称').press('Enter');
  // The API's error is shown at 实施编码, which takes the focus.
  const implementationItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('实施编码') });
  await expect(implementationItem.locator('.ant-form-item-explain-error').first()).toContainText('实施编码');
  await expect(page.getByLabel('实施编码')).toBeFocused();

  await page.getByLabel('实施编码').fill(implementationCode);
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('tab', { name: /第 1 版草稿/ })).toBeVisible();

  // Submitting an incomplete guide lists what is missing (§7.3.3.3) and marks the fields.
  await page.getByRole('button', { name: '保存并提交审查' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '办事指南不能发布' });
  await expect(refusal).toContainText('设定依据');
  await expect(refusal.getByRole('list', { name: '不能发布的原因' }).getByRole('listitem').first()).toBeVisible();
  const basisItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('设定依据') });
  await expect(basisItem.locator('.ant-form-item-explain-error')).toContainText('缺少办事指南要素：设定依据');
  await expect(page.getByLabel('设定依据')).toBeFocused();

  // The rest of the guide, mostly from the keyboard.
  await page.getByLabel('设定依据').fill('《中华人民共和国食品安全法》第三十六条');
  await page.getByLabel('法定办结时限', { exact: true }).fill('20');
  await page.getByLabel('承诺办结时限', { exact: true }).fill('5');
  await pick(page.getByRole('radio', { name: '承诺件' }));
  await page.getByLabel('结果名称').fill('食品小作坊登记证');
  // §6.3.2: samples and blank forms are stored files, uploaded here.
  const pdf = (file: string) => ({ name: file, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${file}\n%%EOF\n`) });
  await page.getByLabel('结果样本').setInputFiles(pdf('登记证样本.pdf'));
  await expect(page.getByRole('link', { name: '登记证样本.pdf' })).toBeVisible();
  await pick(page.getByRole('radio', { name: '不收费' }));
  await page.getByRole('button', { name: '添加材料' }).click();
  const material = page.getByRole('group', { name: '第 1 项材料' });
  await material.getByLabel('材料名称').fill('食品小作坊登记申请书');
  await material.getByLabel('空白表格').setInputFiles(pdf('登记申请书.pdf'));
  await expect(material.getByRole('link', { name: '登记申请书.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '按“申请、受理、审查、决定、送达”填入' }).click();
  await expect(page.getByRole('group', { name: '第 5 步' })).toBeVisible();
  await page.getByLabel('审查标准').fill('申请材料齐全、符合法定形式');
  await choose(page, page.getByLabel('通办范围'), '全市');
  for (const [flag, answer] of [['预约办理', '是'], ['网上支付', '否'], ['物流快递', '否']] as const) {
    await pick(page.getByRole('radiogroup', { name: flag }).getByRole('radio', { name: answer, exact: true }));
  }
  await page.getByLabel('办理地点').fill('政务服务中心一楼综合窗口');
  await page.getByLabel('办理时间').fill('工作日 9:00–17:00');
  await page.getByLabel('咨询电话').fill('0791-83771107');
  await page.getByLabel('监督电话').fill('12345');
  await page.getByRole('button', { name: '保存并提交审查' }).click();
  await expect(page.getByText('已提交合法性审查')).toBeVisible();
  await expect(page.getByText('待审查').first()).toBeVisible();
  // Under review the guide is read-only.
  await expect(page.getByRole('button', { name: '保存草稿' })).toHaveCount(0);

  // §7.3.2.2c legality review: the reviewer's opinion and the effective date.
  await page.getByRole('button', { name: '审查通过并发布' }).click();
  const dialog = page.getByRole('dialog', { name: /合法性审查通过并发布第 1 版/ });
  await expect(dialog.getByLabel('合法性审查人')).toHaveValue('系统管理员');
  await dialog.getByLabel('审查意见').fill('设定依据合法有效，要素齐全，同意发布');
  await dialog.getByRole('button', { name: '审查通过并发布' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('第 1 版已发布')).toBeVisible();
  await expect(page.getByText('已发布').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑', exact: true })).toBeVisible();

  // The version history records the review.
  await page.getByRole('tab', { name: '版本记录' }).click();
  await expect(page.getByRole('tabpanel', { name: '版本记录' }).getByRole('row').filter({ hasText: '第 1 版' })).toContainText('设定依据合法有效');

  // A published version is read-only: 编辑 starts version 2 as a draft (§7.3.2.2).
  await page.getByRole('tab', { name: /办事指南/ }).click();
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await page.getByRole('button', { name: '添加材料' }).click();
  await page.getByRole('group', { name: '第 2 项材料' }).getByLabel('材料名称').fill('从业人员健康证明');
  await page.getByRole('button', { name: '保存为新草稿版本' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  await expect(page.getByRole('tab', { name: /第 2 版草稿/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存草稿' })).toBeVisible();

  // §7.3.2.2d: what changed between the published version and the draft, field by field.
  await page.getByRole('tab', { name: '版本记录' }).click();
  const history = page.getByRole('tabpanel', { name: '版本记录' });
  await history.getByRole('button', { name: '比较差异' }).click();
  const diff = history.getByRole('table', { name: /第 1 版 → 第 2 版/ });
  await expect(diff.getByRole('row').filter({ hasText: '申请材料 › 从业人员健康证明' })).toContainText('新增');

  // The list shows the published version and the draft waiting.
  await page.getByRole('link', { name: '返回事项列表' }).click();
  await page.getByRole('searchbox', { name: '搜索事项' }).fill(seq);
  await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(implementationCode);
  await expect(row.getByRole('cell').nth(4)).toHaveText('第 1 版');
  await expect(row.getByRole('cell').nth(5)).toContainText('第 2 版');
  await expect(row.getByRole('cell').nth(5)).toContainText('草稿');
  await expect(row).toContainText(dept!.name);
});

test('a workbook with faulty rows is refused with every faulty cell listed', async ({ page }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  const template = await page.request.get(`/api/v1/centres/${centre.id}/items/template.xlsx`);
  expect(template.ok()).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await template.body()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('事项')!;
  const column = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, n) => column.set(String(cell.value), n));
  const put = (header: string, value: string | number) => {
    const n = column.get(header);
    expect(n, `template column ${header}`).toBeDefined();
    sheet.getRow(2).getCell(n!).value = value;
  };
  put('基本编码', 'ab-1');
  put('实施编码', '123');
  put('事项名称', '导入测试事项');
  put('事项类型', '行政许可');
  // 行政许可 is 01: 02 is 行政处罚.
  put('事项类型代码', '02');
  put('实施机构', '某单位');
  put('实施机构统一社会信用代码', '91360000000000000X');
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await openCatalogue(page);
  await page.getByRole('button', { name: '导入' }).click();
  const dialog = page.getByRole('dialog', { name: '导入事项' });
  await expect(dialog.getByRole('link', { name: '下载导入模板' })).toBeVisible();
  await pick(dialog.getByRole('radio', { name: '全部（任一行有错误则全部不导入）' }));
  await dialog.getByLabel('选择导入文件').setInputFiles({ name: '事项导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await expect(dialog.getByRole('status')).toContainText('未导入任何事项');
  const report = dialog.getByRole('table', { name: '导入错误明细' });
  await expect(report.getByRole('columnheader')).toHaveText(['工作表', '行', '列', '错误代码', '说明']);
  const basic = report.getByRole('row').filter({ hasText: '基本编码' }).first();
  await expect(basic).toContainText('事项');
  await expect(basic.getByRole('cell').nth(1)).toHaveText('2');
  await expect(basic.getByRole('cell').nth(2)).toHaveText('A');
  await expect(report.getByRole('row').filter({ hasText: 'ITEM_TYPE_CODE' })).not.toHaveCount(0);
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: '搜索事项' }).fill('导入测试事项');
  await page.getByRole('searchbox', { name: '搜索事项' }).press('Enter');
  await expect(page.locator('.ant-empty-description', { hasText: '暂无数据' })).toBeVisible();
});

test('a 一件事 bundle is created from catalogue items in order, with its flow', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '一件事' }).click();
  await expect(page.getByRole('heading', { name: '一件事' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '企业开办一件事' })).toBeVisible();

  const name = `测试出行一件事${String(Date.now()).slice(-6)}`;
  await page.getByRole('button', { name: '新建一件事' }).click();
  const dialog = page.getByRole('dialog', { name: '新建一件事' });
  await dialog.getByLabel('名称', { exact: true }).fill(name);
  const picker = dialog.getByLabel('所含事项（按办理顺序）');
  await choose(page, picker, '普通护照签发');
  await choose(page, picker, '往来港澳通行证');
  await expect(dialog.getByText('1. 普通护照签发')).toBeVisible();
  // Reordered from the keyboard-reachable buttons.
  await dialog.getByRole('button', { name: '上移第 2 个事项' }).click();
  await expect(dialog.getByText(/^1\. 往来港澳通行证/)).toBeVisible();
  const step = dialog.getByRole('group', { name: '第 1 环节' });
  await step.getByLabel('环节名称').fill('出入境证件一并申请');
  const stepItems = step.getByLabel('本环节办理的事项');
  await choose(page, stepItems, '普通护照签发');
  await page.keyboard.press('Tab');
  await choose(page, stepItems, '往来港澳通行证');
  await page.keyboard.press('Tab');
  await expect(step.locator('.ant-select-selection-item')).toHaveCount(2);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: '搜索一件事' }).fill(name);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('1. 往来港澳通行证');
  await expect(row).toContainText('2. 普通护照签发');
  await expect(row).toContainText('综合窗口');
});
