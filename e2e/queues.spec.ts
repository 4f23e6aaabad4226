/** 排队叫号 in the admin console: the demo queues, creating one, field errors, and tidal counters from the live panel (DB36/T 2016 §6.4.7). */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { chooseOption, ensureCentre, loginAsAdmin } from './support.ts';

const DEMO_QUEUES = [
  ['A', '综合受理'],
  ['B', '不动产登记'],
  ['C', '社保医保'],
  ['D', '企业开办'],
  ['E', '出入境'],
  ['F', '户政车驾管'],
  ['G', '税务'],
  ['H', '公积金'],
] as const;

async function csrfOf(request: APIRequestContext): Promise<string> {
  const me = await request.get('/api/v1/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

test('an administrator sees the demo queues, creates one with an issuing window, and meets the field errors', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.reload();
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '排队叫号' }).click();
  await expect(page).toHaveURL(/\/admin\/queues$/);
  await expect(page.getByRole('heading', { name: '排队叫号' })).toBeVisible();

  // The configuration list (the live panel above has rows of its own).
  const config = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '排队叫号' }) });
  for (const [prefix, name] of DEMO_QUEUES) {
    const row = config.getByRole('row').filter({ hasText: name }).filter({ hasText: prefix }).first();
    await expect(row).toBeVisible();
  }
  const estate = config.getByRole('row').filter({ hasText: '不动产登记专区' });
  await expect(estate).toContainText('09:00–11:30，13:30–16:30');
  await expect(estate).toContainText('15 号');
  await expect(config.getByRole('row').filter({ hasText: '出入境' })).toContainText('22 号（30 分）');

  // The live panel has a row per queue.
  const live = page.getByRole('region', { name: '实时排队' });
  for (const [prefix, name] of DEMO_QUEUES) await expect(live.getByRole('row').filter({ hasText: `${prefix} ${name}` })).toHaveCount(1);

  // A new queue with its prefix and one issuing window.
  await page.getByRole('button', { name: '新建队列' }).click();
  const dialog = page.getByRole('dialog', { name: '新建队列' });
  await dialog.getByLabel('队列名称').fill('人才服务');
  await dialog.getByLabel('号码字头').fill('w');
  await dialog.getByRole('button', { name: '添加取号时段' }).click();
  await dialog.getByPlaceholder('开始').fill('09:00');
  await dialog.getByPlaceholder('结束').fill('11:30');
  await dialog.getByLabel('每日号源').fill('50');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const created = config.getByRole('row').filter({ hasText: '人才服务' });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('W');
  await expect(created).toContainText('09:00–11:30');
  await expect(created).toContainText('50');

  // Editing: a professional-area queue needs its area's name (§7.1.6.3).
  await created.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑队列' });
  await expect(edit.getByLabel('号码字头')).toHaveValue('W');
  await chooseOption(page, edit.getByLabel('队列类型'), '专业区域窗口');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('专业区队列须填写专业区名称')).toBeVisible();
  await edit.getByLabel('所属专业区（§7.1.6.3）').fill('人才专区');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(created).toContainText('专业区域窗口（人才专区）');
  await expect(created).toContainText('09:00–11:30');

  // A prefix that is not a letter is refused on the form …
  await page.getByRole('button', { name: '新建队列' }).click();
  await dialog.getByLabel('队列名称').fill('重复字头');
  await dialog.getByLabel('号码字头').fill('1');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('号码字头为一个英文字母')).toBeVisible();
  // … and one another active queue uses is refused by the server, at the field.
  await dialog.getByLabel('号码字头').fill('A');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('字头 A 已被本中心其他队列使用')).toBeVisible();
  await expect(dialog.getByLabel('号码字头')).toBeFocused();
  await expect(dialog.getByRole('alert')).toContainText('请按提示修改后重新提交');
  await dialog.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(config.getByRole('row').filter({ hasText: '重复字头' })).toHaveCount(0);
});

test('a manager opens and closes a tidal counter from the live panel (§6.4.7)', async ({ page }) => {
  await loginAsAdmin(page);
  const centre = await ensureCentre(page.request);
  await page.goto('/admin/queues');
  const counters = (await (await page.request.get(`/api/v1/centres/${centre.id}/counters`)).json()) as { items: { id: string; number: string; kind: string }[] };
  const queues = (await (await page.request.get(`/api/v1/centres/${centre.id}/queues`)).json()) as { items: { id: string; prefix: string }[] };
  const tidal14 = counters.items.find((c) => c.number === '14' && c.kind === 'tidal');
  const queueB = queues.items.find((q) => q.prefix === 'B');
  expect(tidal14 && queueB).toBeTruthy();
  const csrf = await csrfOf(page.request);
  const headers = { 'x-csrf-token': csrf };

  const live = page.getByRole('region', { name: '实时排队' });
  const group = live.getByRole('group', { name: '14 号潮汐窗口' });
  await chooseOption(page, group.getByLabel('14 号潮汐窗口开放给'), 'A 综合受理');
  await group.getByRole('button', { name: '开放潮汐窗口' }).click();
  await expect(page.getByText('已开放 14 号潮汐窗口给“综合受理”')).toBeVisible();
  await expect(group).toContainText('已开放给 综合受理');

  // The server holds the opening: the counter cannot be opened for another queue now.
  const busy = await page.request.post(`/api/v1/counters/${tidal14!.id}/tidal/open`, { headers, data: { queueId: queueB!.id } });
  expect(busy.status()).toBe(409);
  expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('TIDAL_COUNTER_BUSY');

  // After a reload the panel still shows which queue the counter serves.
  await page.reload();
  await expect(live.getByRole('group', { name: '14 号潮汐窗口' })).toContainText('已开放给 综合受理');

  await group.getByRole('button', { name: '关闭潮汐窗口' }).click();
  await expect(page.getByText('已关闭 14 号潮汐窗口')).toBeVisible();
  await expect(group).not.toContainText('已开放给');

  // Closed on the server: closing again is refused; a second close from the panel says so.
  const again = await page.request.post(`/api/v1/counters/${tidal14!.id}/tidal/close`, { headers, data: {} });
  expect(((await again.json()) as { error: { code: string } }).error.code).toBe('TIDAL_COUNTER_NOT_OPEN');
  await group.getByRole('button', { name: '关闭潮汐窗口' }).click();
  await expect(page.getByText('14 号潮汐窗口未开放')).toBeVisible();
});
