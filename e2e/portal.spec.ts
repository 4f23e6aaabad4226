/**
 * The public portal (门户), no login. DB36/T 2016 §5.2.2.2 barrier-free web pages:
 * axe-core finds no serious or critical violation on each page, in normal and in
 * large-text mode; everything works by keyboard; nothing overflows at 375 px.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { FIXTURE_USCC, guide } from '../src/domain/catalogue/test-fixtures.ts';
import { E2E_ADMIN_PASSWORD } from './support.ts';

interface PublicCentreSummary {
  id: string;
  name: string;
}

async function firstCentre(page: Page): Promise<PublicCentreSummary> {
  const res = await page.request.get('/api/v1/public/centres');
  expect(res.ok(), await res.text()).toBe(true);
  const { items } = (await res.json()) as { items: PublicCentreSummary[] };
  expect(items.length).toBeGreaterThan(0);
  return items[0]!;
}

/** Publishes an item through the admin API (create, submit, legality review), as the catalogue does. */
async function publishItem(page: Page, centreId: string, name: string): Promise<string> {
  const login = await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: E2E_ADMIN_PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const depts = await page.request.get(`/api/v1/centres/${centreId}/departments`);
  const departmentId = ((await depts.json()) as { items: { id: string }[] }).items[0]?.id;
  expect(departmentId, 'the centre has a department').toBeTruthy();
  const basic = `${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const created = await page.request.post(`/api/v1/centres/${centreId}/items`, {
    headers,
    data: { departmentId, level: 'main', basicCode: basic, implementationCode: `${FIXTURE_USCC}3${basic}`, guide: guide({ name }) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const submit = await page.request.post(`/api/v1/items/${id}/versions/1/submit`, { headers, data: {} });
  expect(submit.status(), await submit.text()).toBe(200);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const approve = await page.request.post(`/api/v1/items/${id}/versions/1/approve`, {
    headers,
    data: { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: today },
  });
  expect(approve.status(), await approve.text()).toBe(200);
  // The portal needs no session: forget the admin's.
  await page.context().clearCookies();
  return id;
}

/** Runs axe-core in the page; answers the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const results = await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}

async function setLargeText(page: Page, on: boolean): Promise<void> {
  const toggle = page.locator('button.large-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(page.locator('html')).toHaveClass(on ? /large-text/ : /^(?!.*large-text).*$/);
}

test('the centre page shows hours, phones, Wi-Fi, floors, counters and staff, with no serious axe violation', async ({ page }) => {
  const centre = await firstCentre(page);
  // The home page leads to the centre: its page straight away, or a link when there are several.
  await page.goto('/portal/');
  const link = page.getByRole('main').getByRole('link', { name: centre.name });
  await expect(page.getByRole('heading', { level: 1, name: centre.name }).or(link)).toBeVisible();
  if (await link.isVisible()) await link.click();
  else await page.goto(`/portal/centres/${centre.id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('北纬')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: centre.name })).toBeVisible();
  for (const title of ['服务时间', '联系电话', '免费无线网络', '楼层索引', '服务窗口', '岗位公示']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  // Landmarks of §5.2.2.2.
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  // The public data behind it.
  const detail = (await (await page.request.get(`/api/v1/public/centres/${centre.id}`)).json()) as {
    counters: { number: string }[];
    floors: { floor: string }[];
    staffBoard: { name: string }[];
  };
  if (detail.counters[0]) await expect(page.getByText(`${detail.counters[0].number} 号窗口`, { exact: true })).toBeVisible();
  if (detail.floors[0]) await expect(page.getByRole('heading', { level: 3, name: detail.floors[0].floor })).toBeVisible();
  if (detail.staffBoard[0]) await expect(page.locator('.staff-name', { hasText: detail.staffBoard[0].name }).first()).toBeVisible();

  await setLargeText(page, false);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-centre-1366.png', fullPage: true });

  await setLargeText(page, true);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-centre-large-1366.png', fullPage: true });

  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/portal-centre-large-375.png', fullPage: true });
  // Viewport shots of each part, to look at the layout at phone width.
  for (const title of ['服务时间', '服务窗口', '岗位公示']) {
    await page.getByRole('heading', { level: 2, name: title }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/portal-centre-large-375-${title}.png` });
  }
  await setLargeText(page, false);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/portal-centre-375.png', fullPage: true });
});

test('keyboard walk: Tab to the skip link, Enter, into the search box, Enter opens the results', async ({ page }) => {
  const centre = await firstCentre(page);
  await page.goto(`/portal/centres/${centre.id}`);
  await expect(page.getByRole('heading', { level: 1, name: centre.name })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expect(skip).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await page.keyboard.press('Tab');
  const search = page.getByLabel('搜索办事事项');
  await expect(search).toBeFocused();
  await page.keyboard.type('身份证');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/portal/centres/${centre.id}/items\\?q=`));
  await expect(page.getByRole('heading', { level: 1, name: '办事指南查询' })).toBeVisible();
  await expect(page.getByLabel('事项名称或编码')).toHaveValue('身份证');
  // Results, or the empty state: either way the page answered.
  await expect(page.locator('.results li, .empty').first()).toBeVisible();
  // Focus moved to the new content for keyboard and screen-reader users.
  await expect(page.getByRole('main')).toBeFocused();
});

test('large-text mode is switched by keyboard, persists, and keeps the layout at 375 px', async ({ page }) => {
  const centre = await firstCentre(page);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/portal/centres/${centre.id}`);
  await expect(page.getByRole('heading', { level: 1, name: centre.name })).toBeVisible();
  const before = await page.locator('html').evaluate((html) => parseFloat(html.ownerDocument.defaultView!.getComputedStyle(html).fontSize));

  const toggle = page.getByRole('button', { name: '大字模式' });
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await toggle.evaluate((el) => el === el.ownerDocument.activeElement);
  }
  expect(reached, 'Tab reaches the 大字模式 button').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expect(page.getByRole('button', { name: '标准字体' })).toHaveAttribute('aria-pressed', 'true');
  const after = await page.locator('html').evaluate((html) => parseFloat(html.ownerDocument.defaultView!.getComputedStyle(html).fontSize));
  expect(after).toBeGreaterThan(before);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  // Remembered across visits.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: centre.name })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await page.getByRole('button', { name: '标准字体' }).press('Space');
  await expect(page.locator('html')).not.toHaveClass(/large-text/);
});

test('search finds a published item; its guide shows every element; both pages pass axe in both modes', async ({ page }) => {
  const centre = await firstCentre(page);
  const name = '食品经营许可证核发（门户测试）';
  await publishItem(page, centre.id, name);

  await page.goto(`/portal/centres/${centre.id}/items`);
  await expect(page.getByRole('heading', { level: 1, name: '办事指南查询' })).toBeVisible();
  await page.getByLabel('事项名称或编码').fill('门户测试');
  await page.getByLabel('事项名称或编码').press('Enter');
  const result = page.getByRole('link', { name });
  await expect(result).toBeVisible();
  for (const large of [false, true]) {
    await setLargeText(page, large);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/portal-items${large ? '-large' : ''}-1366.png`, fullPage: true });
  }
  await setLargeText(page, false);

  // A search that matches nothing says so.
  await page.getByLabel('事项名称或编码').fill('不存在的事项名称甲乙丙');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('暂无事项')).toBeVisible();
  await page.getByLabel('事项名称或编码').fill('门户测试');
  await page.getByLabel('事项名称或编码').press('Enter');

  // The guide, opened by keyboard.
  await result.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  for (const title of ['基本信息', '申请材料', '办理流程', '审查标准', '办理地点、时间与电话']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  await expect(page.getByText('食品经营许可申请书')).toBeVisible();
  await expect(page.getByText('《中华人民共和国食品安全法》第三十五条')).toBeVisible();
  await expect(page.getByText('5 个工作日（不含现场核查时间）')).toBeVisible();
  for (const large of [false, true]) {
    await setLargeText(page, large);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/portal-guide${large ? '-large' : ''}-1366.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/portal-guide-large-375.png', fullPage: true });
  await setLargeText(page, false);
  await page.screenshot({ path: 'test-results/screens/portal-guide-375.png' });

  // An unknown item: the empty state, still accessible.
  await page.goto('/portal/items/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('暂无事项')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
