/**
 * The public portal (门户), no login. DB36/T 2016 §5.2.2.2 barrier-free web pages:
 * axe-core finds no serious or critical violation on each page, in normal and in
 * large-text mode; everything works by keyboard; nothing overflows at 375 px. The §8.2
 * lists (清单公开) with their .xlsx downloads, and the "一件事" bundle guide (§8.2.4).
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
  // The printable guide (PDF) and the QR code of the page, with a text alternative.
  const guideId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('link', { name: '打印办事指南（PDF）' })).toHaveAttribute('href', `/api/v1/public/items/${guideId}/guide.pdf`);
  const qr = page.getByRole('img', { name: new RegExp(`${name.replace(/[()（）]/g, '.')}.*二维码`) });
  await expect(qr).toHaveAttribute('src', `/api/v1/public/items/${guideId}/qr.svg`);
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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ListEntry {
  id: string;
  name: string;
  code: string;
}
interface PublicLists {
  agencyHelp: ListEntry[];
  toleranceAcceptance: (ListEntry & { materials: { name: string; conditions: string | null; completionDeadline: { value: number; unit: string } | null }[] })[];
  bundles: { id: string; name: string; items: ListEntry[] }[];
  [kind: string]: unknown;
}
interface PublicBundle {
  id: string;
  centreId: string;
  name: string;
  items: { id: string; name: string; publishedNumber: number | null }[];
  steps: { order: number; name: string; itemIds: string[] }[];
  materials: { name: string }[];
  acceptingCounterKind: string;
}

const LIST_TITLES = [
  '帮代办服务事项清单',
  '24小时自助办理事项清单',
  '“高效办成一件事”服务事项清单',
  '免证办事项清单',
  '“跨省通办”事项清单',
  '“省内通办”事项清单',
  '“市内通办”事项清单',
  '告知承诺制事项清单',
  '容缺受理事项清单',
  '延时错时服务事项清单',
  '预约服务事项清单',
];

async function publicLists(page: Page, centreId: string): Promise<PublicLists> {
  const res = await page.request.get(`/api/v1/public/centres/${centreId}/lists`);
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as PublicLists;
}

interface Focused {
  readonly text: string;
  readonly href: string;
  readonly className: string;
}

/** What has the keyboard focus. */
async function focused(page: Page): Promise<Focused> {
  return page.locator('html').evaluate((html) => {
    const el = html.ownerDocument.activeElement;
    return { text: el?.textContent ?? '', href: el?.getAttribute('href') ?? '', className: el?.getAttribute('class') ?? '' };
  });
}

/** Presses Tab until the focused element satisfies `test`; false after `max` presses. */
async function tabUntil(page: Page, test: (el: Focused) => boolean, max = 200): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (test(await focused(page))) return true;
  }
  return false;
}

async function expectShell(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toHaveCount(1);
}

test('the lists page (清单公开) shows every §8.2 list with guide links, 容缺 conditions and .xlsx downloads; axe in both modes', async ({ page }) => {
  const centre = await firstCentre(page);
  const lists = await publicLists(page, centre.id);
  expect(lists.agencyHelp.length, 'the demo centre has a 帮代办 list').toBeGreaterThan(0);
  expect(lists.toleranceAcceptance.length, 'the demo centre has a 容缺受理 list').toBeGreaterThan(0);
  expect(lists.bundles.length, 'the demo centre has bundles').toBeGreaterThan(0);

  // From the centre page.
  await page.goto(`/portal/centres/${centre.id}`);
  await page.getByRole('main').getByRole('link', { name: '查看清单公开' }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/centres/${centre.id}/lists$`));
  await expect(page.getByRole('heading', { level: 1, name: '清单公开' })).toBeVisible();
  await expectShell(page);
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '清单公开' })).toHaveAttribute('aria-current', 'page');
  for (const title of LIST_TITLES) await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  await expect(page.getByText('依据 DB36/T 2016—2024 §8.2.7 公布')).toHaveCount(2);

  // Entries link to their guides; tables have captions and column headers.
  const help = page.locator('#list-agencyHelp');
  await expect(help.locator('table caption')).toHaveText(`帮代办服务事项清单（共 ${lists.agencyHelp.length} 项）`);
  await expect(help.getByRole('columnheader')).toHaveText(['序号', '事项名称', '实施编码', '实施部门']);
  const first = lists.agencyHelp[0]!;
  await expect(help.getByRole('link', { name: first.name, exact: true })).toHaveAttribute('href', `/portal/items/${first.id}`);
  await expect(help.getByRole('row')).toHaveCount(lists.agencyHelp.length + 1);
  for (const table of await page.locator('main table').all()) {
    await expect(table.locator('caption')).toHaveCount(1);
    expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(1);
  }

  // 容缺受理 (§8.2.7): each tolerated material with its conditions and deadline.
  const tolerance = page.locator('#list-toleranceAcceptance');
  const tolerant = lists.toleranceAcceptance.find((t) => t.materials.length > 0)!;
  const m = tolerant.materials[0]!;
  await expect(tolerance.getByRole('columnheader')).toHaveText(['序号', '事项名称', '实施部门', '可容缺材料', '容缺条件', '补齐时限']);
  const materialRow = tolerance.getByRole('row').filter({ hasText: m.name }).first();
  await expect(materialRow).toBeVisible();
  if (m.conditions) await expect(materialRow).toContainText(m.conditions);
  if (m.completionDeadline) await expect(materialRow).toContainText(`${m.completionDeadline.value} 个`);

  // The bundles link to their guide pages.
  const bundle = lists.bundles[0]!;
  await expect(page.locator('#list-bundles').getByRole('link', { name: bundle.name, exact: true })).toHaveAttribute('href', `/portal/bundles/${bundle.id}`);

  // Every list downloads as a workbook.
  const downloads = page.getByRole('link', { name: /^下载 Excel 表格：/ });
  await expect(downloads).toHaveCount(LIST_TITLES.length);
  for (const link of await downloads.all()) {
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/api/v1/public/centres/${centre.id}/lists/[A-Za-z0-9]+\\.xlsx$`));
    const res = await page.request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type']).toBe(XLSX_TYPE);
    expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="[A-Za-z0-9]+\.xlsx"; filename\*=UTF-8''/);
    expect((await res.body()).subarray(0, 2).toString('latin1'), 'a zip (xlsx) file').toBe('PK');
  }
  // Clicking one downloads it under the centre's name and the list's title.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Excel 表格：容缺受理事项清单' }).click()]);
  expect(download.suggestedFilename()).toBe(`${centre.name}容缺受理事项清单.xlsx`);

  for (const large of [false, true]) {
    await setLargeText(page, large);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/portal-lists${large ? '-large' : ''}-1366.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-lists-large-375.png', fullPage: true });
  await setLargeText(page, false);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 768 });

  // The search filter offers the same lists and finds the same items.
  await page.getByRole('link', { name: '在办事指南查询中查看帮代办服务事项清单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办事指南查询' })).toBeVisible();
  await expect(page.getByLabel('事项清单')).toHaveValue('agencyHelp');
  await expect(page.getByRole('heading', { level: 2, name: `查询结果（共 ${lists.agencyHelp.length} 项）` })).toBeVisible();
  const options = await page.getByLabel('事项清单').locator('option').allTextContents();
  expect(options.slice(1)).toEqual(LIST_TITLES.filter((t) => !t.includes('一件事')));
});

test('a bundle page (一件事) shows its items, merged materials, ordered steps and the accepting counter; axe in both modes', async ({ page }) => {
  const centre = await firstCentre(page);
  const { bundles } = await publicLists(page, centre.id);
  const entry = bundles[0]!;
  const res = await page.request.get(`/api/v1/public/bundles/${entry.id}`);
  expect(res.ok()).toBe(true);
  const bundle = (await res.json()) as PublicBundle;

  await page.goto(`/portal/bundles/${bundle.id}`);
  await expect(page.getByRole('heading', { level: 1, name: bundle.name })).toBeVisible();
  await expectShell(page);
  for (const title of ['受理方式', '包含事项', '办理流程', '申请材料（合并清单）']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  expect(bundle.acceptingCounterKind).toBe('comprehensive');
  await expect(page.getByText('综合窗口统一受理', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: '打印办事指南（PDF）' })).toHaveAttribute('href', `/api/v1/public/bundles/${bundle.id}/guide.pdf`);
  await expect(page.getByRole('link', { name: '返回清单公开' })).toHaveAttribute('href', `/portal/centres/${bundle.centreId}/lists`);

  // Items, each linked to its guide.
  const items = page.getByRole('region', { name: '包含事项' });
  for (const it of bundle.items.filter((i) => i.publishedNumber !== null)) {
    await expect(items.getByRole('link', { name: it.name, exact: true })).toHaveAttribute('href', `/portal/items/${it.id}`);
  }
  // The flow in order (§8.2.4 流程图).
  const steps = [...bundle.steps].sort((a, b) => a.order - b.order).map((s) => s.name);
  await expect(page.locator('ol.flow > li > strong')).toHaveText(steps);
  // One merged material list (§8.2.4), each material once with the items it serves.
  const materials = page.getByRole('list', { name: `申请材料，共 ${bundle.materials.length} 项` });
  await expect(materials.getByRole('listitem')).toHaveCount(bundle.materials.length);
  await expect(materials.getByRole('listitem').first()).toContainText(`1. ${bundle.materials[0]!.name}`);
  await expect(materials.getByRole('listitem').first()).toContainText('适用事项：');
  // The items table has a caption and column headers.
  await expect(items.locator('table caption')).toHaveText(`“${bundle.name}”包含的事项`);
  await expect(items.getByRole('columnheader')).toHaveText(['序号', '事项名称', '事项编码']);

  for (const large of [false, true]) {
    await setLargeText(page, large);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screens/portal-bundle${large ? '-large' : ''}-1366.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-bundle-large-375.png', fullPage: true });
  await setLargeText(page, false);

  // An unknown bundle: the empty state, still accessible.
  await page.goto('/portal/bundles/00000000-0000-4000-8000-000000000000');
  await expect(page.getByText('暂无此“一件事”')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard only: from the centre page through the lists page to a bundle', async ({ page }) => {
  const centre = await firstCentre(page);
  await page.goto(`/portal/centres/${centre.id}`);
  await expect(page.getByRole('heading', { level: 1, name: centre.name })).toBeVisible();

  expect(await tabUntil(page, (el) => el.text === '查看清单公开'), 'Tab reaches 查看清单公开').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '清单公开' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page.locator('#list-bundles')).toBeVisible();

  expect(await tabUntil(page, (el) => el.className.split(' ').includes('bundle-link')), 'Tab reaches a bundle').toBe(true);
  const { text: name } = await focused(page);
  await expect(page.locator(':focus')).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/portal\/bundles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();

  // And back to an item's guide from the bundle, still by keyboard.
  expect(await tabUntil(page, (el) => el.href.startsWith('/portal/items/')), 'Tab reaches an item').toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/portal\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: '申请材料' })).toBeVisible();
});
