/**
 * The kiosk (自助取号机, DB36/T 2016 §5.2.2; 老年模式 §5.2.2.1; keyboard and screen
 * reader §5.2.2.2) and the mobile ticket (手机取号, 我的排号; issue 4).
 *
 * A centre of its own, open all day on working days, with a published item, five
 * queues (one served by items, one outside its issuing window, one whose quota is
 * spent, one for the mobile tests at a counter of its own), a kiosk device token made by
 * the admin and a clerk with a staff record who calls at that counter.
 *
 * Walk-in tickets are issued only in regular hours of a statutory working day
 * (§8.1.3.5): on a weekend or holiday the issuing tests are skipped, saying why, and the
 * kiosk's "closed" message is checked instead.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { FIXTURE_USCC, guide } from '../src/domain/catalogue/test-fixtures.ts';
import { E2E_ADMIN_PASSWORD, E2E_PORT } from './support.ts';

const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
const CENTRE_NAME = '安义县政务服务中心';
const ITEM_NAME = '食品经营许可证核发（安义）';
const DEPARTMENT_NAME = '安义县市场监督管理局';
const CLERK = { username: 'anyi-kiosk-clerk', password: 'KioskClerk2024pass' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

interface Fixture {
  centreId: string;
  token: string;
  counterNumber: string;
  counterId: string;
  /** Walk-in tickets can be issued now (a working day). */
  open: boolean;
  closedWindow: string;
}

let fx: Fixture;

/** A context signed in through the API, sending its CSRF token on changes. */
async function signedIn(request: APIRequestContext, username: string, password: string) {
  const login = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const headers = { 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
  const call = async <T>(method: 'get' | 'post' | 'patch' | 'delete', url: string, data?: unknown, status = method === 'post' ? 201 : 200): Promise<T> => {
    const res = await request[method](url, { headers, ...(data === undefined ? {} : { data }) });
    expect(res.status(), `${method.toUpperCase()} ${url}: ${await res.text()}`).toBe(status);
    return (res.status() === 204 ? null : await res.json()) as T;
  };
  return call;
}

/** Shanghai minutes since midnight, now. */
function shanghaiMinute(): number {
  const [h, m] = new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false }).split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * Idempotent: Playwright starts a new worker (and runs this again) after a failed test,
 * on the same server, so everything is looked up before it is made.
 */
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  const admin = await signedIn(request, 'admin', E2E_ADMIN_PASSWORD);
  const list = async <T>(url: string) => (await admin<{ items: T[] }>('get', url)).items;

  // A centre open all day on working days, so the tests do not depend on the hour.
  let centre = (await list<{ id: string; name: string; retiredAt: string | null }>('/api/v1/centres')).find((c) => c.name === CENTRE_NAME && c.retiredAt === null);
  centre ??= await admin<{ id: string; name: string; retiredAt: null }>('post', '/api/v1/centres', {
    name: CENTRE_NAME,
    level: 'county',
    divisionCode: '360123',
    address: '江西省南昌市安义县龙津镇',
    phones: { consultation: '0791-83400001', appointment: '0791-83400002', complaint: '0791-83400003', supervision: '12345' },
    serviceHours: {
      morning: { start: '00:00', end: '12:00' },
      afternoon: { start: '12:00', end: '23:59' },
      lunchService: false,
      early: null,
      late: null,
      saturday: null,
      sunday: null,
    },
  });
  const centreId = centre.id;

  const department =
    (await list<{ id: string; name: string }>(`/api/v1/centres/${centreId}/departments`)).find((d) => d.name === DEPARTMENT_NAME) ??
    (await admin<{ id: string }>('post', `/api/v1/centres/${centreId}/departments`, { name: DEPARTMENT_NAME }));

  // A published item (create, submit, legality review), as the catalogue does.
  const found = await request.get(`/api/v1/public/centres/${centreId}/items`, { params: { q: '安义' } });
  let itemId = ((await found.json()) as { items: { id: string; name: string }[] }).items.find((i) => i.name === ITEM_NAME)?.id;
  if (!itemId) {
    const basic = `${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const item = await admin<{ id: string }>('post', `/api/v1/centres/${centreId}/items`, {
      departmentId: department.id,
      level: 'main',
      basicCode: basic,
      implementationCode: `${FIXTURE_USCC}3${basic}`,
      guide: guide({ name: ITEM_NAME }),
    });
    await admin('post', `/api/v1/items/${item.id}/versions/1/submit`, {}, 200);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await admin('post', `/api/v1/items/${item.id}/versions/1/approve`, { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: today }, 200);
    itemId = item.id;
  }

  const counter =
    (await list<{ id: string; number: string }>(`/api/v1/centres/${centreId}/counters`)).find((c) => c.number === '9') ??
    (await admin<{ id: string; number: string }>('post', `/api/v1/centres/${centreId}/counters`, { number: '9', name: '手机取号专窗', kind: 'special' }));

  // A window that does not contain now: the kiosk must say when issuing opens next.
  const closedWindow = shanghaiMinute() < 23 * 60 ? { start: '23:58', end: '23:59' } : { start: '00:00', end: '00:01' };
  const existing = await list<{ id: string; prefix: string }>(`/api/v1/centres/${centreId}/queues`);
  const queue = async (body: { prefix: string } & Record<string, unknown>) => {
    const q = existing.find((e) => e.prefix === body.prefix);
    if (!q) return admin<{ id: string }>('post', `/api/v1/centres/${centreId}/queues`, body);
    const { prefix: _prefix, ...update } = body;
    return admin<{ id: string }>('patch', `/api/v1/queues/${q.id}`, update);
  };
  await queue({ name: '综合受理', prefix: 'A', pool: 'comprehensive', itemIds: [itemId], sortOrder: 1 });
  await queue({ name: '不动产登记', prefix: 'B', pool: 'professional', areaName: '不动产登记区', sortOrder: 2 });
  await queue({ name: '税务专窗', prefix: 'C', pool: 'comprehensive', issuingWindows: [closedWindow], sortOrder: 3 });
  const quota = await queue({ name: '住房公积金', prefix: 'D', pool: 'comprehensive', dailyQuota: 1, sortOrder: 4 });
  await queue({ name: '手机取号测试', prefix: 'M', pool: 'special', counters: [{ counterId: counter.id, weight: 0 }], sortOrder: 5 });

  const created = await admin<{ token: string }>('post', `/api/v1/centres/${centreId}/device-tokens`, { name: '一楼大厅取号机 1', role: 'kiosk' });

  // A clerk with a staff record of the centre calls at the mobile queue's counter.
  const users = (await admin<{ items: { id: string; username: string }[] }>('get', `/api/v1/users?search=${CLERK.username}`)).items;
  const clerk =
    users.find((u) => u.username === CLERK.username) ??
    (await admin<{ id: string }>('post', '/api/v1/users', {
      username: CLERK.username,
      displayName: '窗口测试员',
      password: CLERK.password,
      roles: [{ role: 'window_clerk', centreId, departmentId: null }],
    }));
  const staff = await list<{ workNumber: string }>(`/api/v1/centres/${centreId}/staff`);
  if (!staff.some((s) => s.workNumber === 'AY-009')) {
    await admin('post', `/api/v1/centres/${centreId}/staff`, { name: '李明', workNumber: 'AY-009', title: '综合受理员', userId: clerk.id });
  }

  const kiosk = (await (await request.get(`/api/v1/public/centres/${centreId}/kiosk`)).json()) as { openNow: boolean; queues: { id: string; issuing: boolean }[] };
  if (kiosk.openNow && kiosk.queues.find((q) => q.id === quota.id)?.issuing) {
    // The quota queue's only ticket, taken by the kiosk itself (Bearer device token).
    const spent = await request.post(`/api/v1/centres/${centreId}/tickets`, {
      headers: { authorization: `Bearer ${created.token}` },
      data: { queueId: quota.id, source: 'kiosk' },
    });
    expect(spent.status(), await spent.text()).toBe(201);
  }
  fx = { centreId, token: created.token, counterId: counter.id, counterNumber: counter.number, open: kiosk.openNow, closedWindow: `${closedWindow.start}–${closedWindow.end}` };
  await request.dispose();
});

/** axe-core in the page: the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const results = await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), where).toEqual([]);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}

/** Opens the kiosk; enters the device token on the set-up screen when it asks. */
async function openKiosk(page: Page): Promise<void> {
  // Printing is a no-op in a headless browser: count the calls instead.
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __prints: number; print: () => void };
    w.__prints = 0;
    w.print = () => {
      w.__prints += 1;
    };
  });
  await page.goto('/kiosk/');
  const setup = page.getByRole('heading', { level: 1, name: '取号机设置' });
  const anyStart = page.getByRole('heading', { level: 1, name: /请选择/ });
  await expect(setup.or(anyStart)).toBeVisible();
  if (await setup.isVisible()) {
    await page.getByLabel('设备令牌').fill(fx.token);
    await page.getByRole('button', { name: '保存并启动' }).click();
  }
  await expect(page.locator('.k-centre')).toHaveText(CENTRE_NAME);
}

const prints = (page: Page) => page.evaluate(() => (globalThis as unknown as { __prints: number }).__prints);

test('the kiosk is set up once with a device token: a wrong one is refused, the right one remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto('/kiosk/');
  await expect(page.getByRole('heading', { level: 1, name: '取号机设置' })).toBeVisible();
  await expectAxeClean(page, 'set-up screen');
  await page.getByLabel('设备令牌').fill('ghd_not-a-real-token');
  await page.getByRole('button', { name: '保存并启动' }).click();
  await expect(page.getByRole('alert')).toContainText('设备令牌无效或已被吊销');

  await page.getByLabel('设备令牌').fill(fx.token);
  await page.getByRole('button', { name: '保存并启动' }).click();
  await expect(page.locator('.k-centre')).toHaveText(CENTRE_NAME);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/请选择/);
  await expect(page.locator('.k-device')).toHaveText('一楼大厅取号机 1');
  // The token is stored: the kiosk starts by itself after a restart.
  await page.reload();
  await expect(page.locator('.k-centre')).toHaveText(CENTRE_NAME);
  await expect(page.getByRole('heading', { level: 1, name: '取号机设置' })).toHaveCount(0);
});

test('a revoked token brings the set-up screen back, saying why', async ({ page, playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL });
  const admin = await signedIn(request, 'admin', E2E_ADMIN_PASSWORD);
  const spare = await admin<{ id: string; token: string }>('post', `/api/v1/centres/${fx.centreId}/device-tokens`, { name: '二楼取号机（待吊销）', role: 'kiosk' });
  await page.goto('/kiosk/setup');
  await page.getByLabel('设备令牌').fill(spare.token);
  await page.getByRole('button', { name: '保存并启动' }).click();
  await expect(page.locator('.k-device')).toHaveText('二楼取号机（待吊销）');
  await expect(page).toHaveURL(/\/kiosk\/$/);

  await admin('delete', `/api/v1/device-tokens/${spare.id}`, undefined, 200);
  await request.dispose();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '取号机设置' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('设备令牌已失效');
});

test('outside the issuing window and with the quota spent, the kiosk says so and when issuing opens next', async ({ page }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openKiosk(page);
  if (!fx.open) {
    // A weekend or holiday: the whole kiosk says it does not issue now.
    await expect(page.getByRole('status').filter({ hasText: '当前不在取号时间' })).toContainText(/当前不在中心服务时间|预约/);
    await expectAxeClean(page, 'closed kiosk');
    return;
  }
  await page.getByRole('button', { name: /按业务类别/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '按业务类别取号' })).toBeVisible();
  const closed = page.getByRole('button', { name: /税务专窗/ });
  await expect(closed).toHaveAttribute('aria-disabled', 'true');
  await expect(closed).toContainText(`取号时间为 ${fx.closedWindow}`);
  await expect(closed).toContainText('下次开始取号');
  const quota = page.getByRole('button', { name: /住房公积金/ });
  await expect(quota).toHaveAttribute('aria-disabled', 'true');
  await expect(quota).toContainText('号源已取完（每日 1 个）');
  await expectAxeClean(page, 'categories with refusals');
  await page.screenshot({ path: 'test-results/kiosk/categories-portrait.png' });

  // aria-disabled, not disabled: it stays focusable and, touched, says why.
  await closed.click({ force: true });
  await expect(page.getByRole('heading', { level: 1, name: '该业务暂不能取号' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('下次开始取号');
  await page.getByRole('button', { name: '回到首页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '请选择取号方式' })).toBeFocused();
});

test('normal mode, portrait: by department, a masked phone, a priority, then the 80 mm ticket with its number and QR code', async ({ page }) => {
  test.skip(!fx.open, 'not a statutory working day: walk-in tickets are not issued today (§8.1.3.5)');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openKiosk(page);
  await expectAxeClean(page, 'start screen');
  await page.screenshot({ path: 'test-results/kiosk/start-portrait.png' });

  // Search finds the item of the catalogue, with its queue.
  await page.getByRole('button', { name: /搜索办理事项/ }).click();
  await page.getByLabel('事项名称').fill('食品经营');
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page.getByRole('button', { name: new RegExp(ITEM_NAME.replace(/[()（）]/g, '.')) })).toContainText('综合受理');
  await expectAxeClean(page, 'search results');
  await page.getByRole('button', { name: '回到首页' }).click();

  // By department: department → item → details.
  await page.getByRole('button', { name: /按办理部门/ }).click();
  await page.getByRole('button', { name: new RegExp(DEPARTMENT_NAME) }).click();
  await page.getByRole('button', { name: new RegExp(ITEM_NAME.replace(/[()（）]/g, '.')) }).click();
  await expect(page.getByRole('heading', { level: 1, name: '确认取号信息' })).toBeFocused();

  await page.getByRole('radio', { name: '军人' }).check();
  // The phone, typed on the on-screen pad, is echoed masked.
  await page.getByRole('textbox', { name: /手机号码/ }).click();
  const pad = page.getByRole('group', { name: /数字键盘/ });
  for (const d of '13812345678') await pad.getByRole('button', { name: d, exact: true }).click();
  await expect(page.getByRole('textbox', { name: /手机号码/ })).toHaveValue('138****5678');
  // And from the keyboard: a digit, then Backspace.
  await page.getByRole('textbox', { name: /身份证号码/ }).focus();
  await page.keyboard.type('3601');
  await expect(page.getByRole('textbox', { name: /身份证号码/ })).toHaveValue('3601');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: /身份证号码/ })).toHaveValue('');
  await expectAxeClean(page, 'details screen');
  await page.screenshot({ path: 'test-results/kiosk/details-portrait.png' });

  const issued = page.waitForResponse((r) => r.url().endsWith(`/api/v1/centres/${fx.centreId}/tickets`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: '确认取号' }).click();
  const response = await issued;
  expect(response.status()).toBe(201);
  const ticket = (await response.json()) as { id: string; number: string; peopleAhead: number; priorityClass: string; phoneMasked: string; statusPath: string };
  expect(ticket).toMatchObject({ priorityClass: 'military', phoneMasked: '138****5678', statusPath: `/portal/tickets/${ticket.id}` });
  expect(ticket.number).toMatch(/^A\d{3}$/);

  await expect(page.getByRole('heading', { level: 1, name: '取号成功，请取走号票' })).toBeVisible();
  const slip = page.getByTestId('ticket-slip');
  await expect(slip.locator('.slip-number')).toContainText(ticket.number);
  await expect(slip).toContainText('综合受理');
  await expect(slip).toContainText(`前面等候${ticket.peopleAhead} 人`);
  await expect(slip).toContainText('预计等候');
  await expect(slip).toContainText('取号时间');
  await expect(slip).toContainText('军人');
  await expect(slip).toContainText('138****5678');
  await expect(slip).not.toContainText('13812345678');
  const qr = slip.getByTestId('ticket-qr');
  await expect(qr).toHaveAttribute('aria-label', new RegExp(ticket.number));
  await expect(qr.locator('svg path').first()).toBeAttached();
  await expect.poll(() => prints(page)).toBe(1);
  await expectAxeClean(page, 'ticket screen');
  await page.screenshot({ path: 'test-results/kiosk/ticket-portrait.png' });

  // Printed, the ticket stands alone, 72 mm printable on 80 mm paper.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.k-header')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  const box = await slip.boundingBox();
  expect(box!.width).toBeGreaterThan(268);
  expect(box!.width).toBeLessThan(276);
  const qrBox = await qr.boundingBox();
  expect(qrBox!.width).toBeGreaterThan(100); // 30 mm ≈ 113 px: scannable
  await page.emulateMedia({ media: 'screen' });

  // The status page the QR code leads to knows the ticket.
  const status = await page.request.get(`/api/v1/public/tickets/${ticket.id}`);
  expect(((await status.json()) as { number: string }).number).toBe(ticket.number);

  await page.getByRole('button', { name: '完成，回到首页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '请选择取号方式' })).toBeFocused();
});

test('elderly mode, landscape: big buttons, two taps to a ticket, high contrast, remembered for the session', async ({ page }) => {
  test.skip(!fx.open, 'not a statutory working day: walk-in tickets are not issued today (§8.1.3.5)');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openKiosk(page);
  const rootSize = () =>
    page.locator('html').evaluate((html) => parseFloat((globalThis as unknown as { getComputedStyle: (e: unknown) => { fontSize: string } }).getComputedStyle(html).fontSize));
  const normalSize = await rootSize();

  const toggle = page.getByRole('button', { name: '老年模式（大字）' });
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/elderly/);
  await expect(page.getByRole('button', { name: '退出老年模式' })).toHaveAttribute('aria-pressed', 'true');
  expect(await rootSize()).toBeGreaterThan(normalSize * 1.25);
  await expect(page.getByRole('heading', { level: 1, name: '请选择要办理的业务' })).toBeVisible();
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expectAxeClean(page, 'elderly start screen');
  await page.screenshot({ path: 'test-results/kiosk/elderly-start-landscape.png' });

  // Tap 1: the queue; tap 2: the elderly priority.
  await page.getByRole('button', { name: /^综合受理/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '综合受理' })).toBeFocused();
  await expectAxeClean(page, 'elderly confirmation');
  await page.getByRole('button', { name: /老年人优先取号/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '取号成功，请取走号票' })).toBeVisible();
  const slip = page.getByTestId('ticket-slip');
  await expect(slip.locator('.slip-number')).toHaveText(/A\d{3}/);
  await expect(slip).toContainText('老年人');
  await expect(slip.getByTestId('ticket-qr').locator('svg')).toBeAttached();
  await expect.poll(() => prints(page)).toBe(1);
  await expectAxeClean(page, 'elderly ticket screen');
  await page.screenshot({ path: 'test-results/kiosk/elderly-ticket-landscape.png' });

  // Remembered for the session: a reload keeps it; the toggle turns it off.
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/elderly/);
  await page.getByRole('button', { name: '退出老年模式' }).click();
  await expect(page.locator('html')).not.toHaveClass(/elderly/);
  await expect(page.getByRole('heading', { level: 1, name: '请选择取号方式' })).toBeVisible();
});

test('the kiosk works by keyboard alone', async ({ page }) => {
  test.skip(!fx.open, 'not a statutory working day: walk-in tickets are not issued today (§8.1.3.5)');
  await page.setViewportSize({ width: 1080, height: 1920 });
  await openKiosk(page);
  // Tab to "按业务类别", Enter; then to the first queue, Enter.
  const categories = page.getByRole('button', { name: /按业务类别/ });
  const focused = () => categories.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
  for (let i = 0; i < 10 && !(await focused()); i++) await page.keyboard.press('Tab');
  await expect(categories).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '按业务类别取号' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^综合受理/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '确认取号信息' })).toBeFocused();
  await page.getByRole('button', { name: '确认取号' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-slip').locator('.slip-number')).toHaveText(/A\d{3}/);
});

test('mobile at 375 px: take a number, follow its status live until it is called; the daily limit is the server’s', async ({ page, playwright }) => {
  test.skip(!fx.open, 'not a statutory working day: walk-in tickets are not issued today (§8.1.3.5)');
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto(`/portal/centres/${fx.centreId}/ticket`);
  await expect(page.getByRole('heading', { level: 1, name: '手机取号' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '手机取号' })).toHaveAttribute('aria-current', 'page');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectAxeClean(page, 'mobile ticket page');
  await page.screenshot({ path: 'test-results/kiosk/mobile-take.png', fullPage: true });

  // The phone is required: the page says so before asking the server.
  await page.getByRole('radio', { name: /手机取号测试/ }).check();
  await page.getByRole('button', { name: '确认取号' }).click();
  await expect(page.getByText('请填写手机号码，用于到号提醒')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /手机号码/ })).toBeFocused();

  const phone = '13900001111';
  await page.getByRole('textbox', { name: /手机号码/ }).fill(phone);
  await page.getByRole('button', { name: '确认取号' }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/tickets/${UUID.source}$`));
  const ticketId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: '我的排号' })).toBeVisible();
  const number = page.locator('.ticket-number');
  await expect(number).toHaveText(/M\d{3}/);
  const ticketNumber = (await number.textContent())!.replace(/\D*(M\d{3}).*/, '$1');
  await expect(page.locator('.ticket-status')).toHaveText('等候中');
  // Nobody ahead: the place is near, and the live region says so.
  await expect(page.getByTestId('ticket-live')).toContainText('即将轮到您');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expectAxeClean(page, 'status page');
  await page.screenshot({ path: 'test-results/kiosk/mobile-status.png', fullPage: true });
  await page.locator('button.large-toggle').click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expectAxeClean(page, 'status page, 大字模式');
  await page.locator('button.large-toggle').click();

  // A clerk calls it at the queue's counter: the page, polling, announces the call.
  const clerkRequest = await playwright.request.newContext({ baseURL: BASE_URL });
  const clerk = await signedIn(clerkRequest, CLERK.username, CLERK.password);
  await clerk('post', `/api/v1/counters/${fx.counterId}/sign-in`, {}, 200);
  const called = await clerk<{ id: string; number: string }>('post', `/api/v1/counters/${fx.counterId}/call-next`, {}, 200);
  expect(called).toMatchObject({ id: ticketId, number: ticketNumber });
  await expect(page.getByTestId('ticket-call')).toContainText(`请 ${ticketNumber} 号到 ${fx.counterNumber} 号窗口`, { timeout: 15_000 });
  await expect(page.locator('.ticket-status')).toHaveText('已叫号');
  await expectAxeClean(page, 'status page, called');
  await clerk('post', `/api/v1/tickets/${ticketId}/start`, {}, 200);
  await clerk('post', `/api/v1/tickets/${ticketId}/finish`, { outcome: 'done' }, 200);
  await clerk('post', `/api/v1/counters/${fx.counterId}/sign-out`, {}, 200);
  await clerkRequest.dispose();

  // "我今天的排号" leads back; the per-phone limit (3 a day by default) is the server's message.
  await page.goto(`/portal/centres/${fx.centreId}/ticket`);
  await expect(page.getByRole('region', { name: '我今天的排号' }).getByRole('link', { name: new RegExp(ticketNumber) })).toBeVisible();
  const queues = ((await (await page.request.get(`/api/v1/public/centres/${fx.centreId}/kiosk`)).json()) as { queues: { id: string; prefix: string }[] }).queues;
  const mobileQueue = queues.find((q) => q.prefix === 'M')!.id;
  for (let i = 0; i < 2; i++) {
    const res = await page.request.post(`/api/v1/public/centres/${fx.centreId}/tickets`, { data: { queueId: mobileQueue, phone } });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.getByRole('radio', { name: /手机取号测试/ }).check();
  await page.getByRole('textbox', { name: /手机号码/ }).fill(phone);
  await page.getByRole('button', { name: '确认取号' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未能取号' })).toContainText('每日最多 3 个');
  await expect(page).toHaveURL(new RegExp(`/portal/centres/${fx.centreId}/ticket$`));
  await expectAxeClean(page, 'mobile ticket page with the refusal');
});
