/**
 * 窗口工作台 (issue 4; DB36/T 2016 §7.1.5, §7.1.6.2, §5.1.5.1): the demo clerk signs in
 * to a comprehensive counter, a ticket issued through the API appears in the waiting
 * list live, F1 calls it, F3 starts, F4 finishes with an outcome; a paused counter
 * cannot call, neither on screen nor through the API.
 */
import { expect, request as newRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_PORT, ensureCentre } from './support.ts';

/** README "demo accounts": the window clerk, linked to a staff member of the demo centre. */
const CLERK = { username: 'clerk', password: 'Demo-2025-clerk' };
/** A comprehensive counter of the demo centre (DEMO_COUNTERS), serving at start. */
const COUNTER_NUMBER = '3';

interface Session {
  readonly api: APIRequestContext;
  readonly csrf: string;
}

async function apiSession(username: string, password: string): Promise<Session> {
  const api = await newRequest.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const res = await api.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The browser's own session (the clerk logged in on the page), for API calls made as the clerk. */
async function pageSession(page: Page): Promise<Session> {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  return { api: page.request, csrf: ((await me.json()) as { csrfToken: string }).csrfToken };
}

const post = (s: Session, url: string, data: unknown = {}) => s.api.post(url, { headers: { 'x-csrf-token': s.csrf }, data });

interface QueueRow {
  id: string;
  prefix: string;
  pool: string;
  retiredAt: string | null;
}

/** A comprehensive-pool queue of the centre (§7.1.6.2), created when the demo has none. */
async function comprehensiveQueue(admin: Session, centreId: string): Promise<QueueRow> {
  const list = await admin.api.get(`/api/v1/centres/${centreId}/queues`);
  expect(list.status(), await list.text()).toBe(200);
  const { items } = (await list.json()) as { items: QueueRow[] };
  const found = items.find((q) => q.pool === 'comprehensive' && q.retiredAt === null);
  if (found) return found;
  const used = new Set(items.map((q) => q.prefix));
  const prefix = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((p) => !used.has(p))!;
  const created = await post(admin, `/api/v1/centres/${centreId}/queues`, { name: '综合受理', prefix, pool: 'comprehensive' });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as QueueRow;
}

/**
 * Tickets are issued only while the centre serves (§8.1.3.5); the test runs at any hour,
 * so the centre's weekly hours are widened for its duration and restored afterwards.
 */
async function openAllDay(admin: Session, centreId: string): Promise<() => Promise<void>> {
  const res = await admin.api.get(`/api/v1/centres/${centreId}`);
  const { serviceHours } = (await res.json()) as { serviceHours: unknown };
  const allDay = { start: '00:00', end: '23:59' };
  const widened = await admin.api.patch(`/api/v1/centres/${centreId}`, {
    headers: { 'x-csrf-token': admin.csrf },
    data: { serviceHours: { morning: { start: '00:00', end: '12:00' }, afternoon: { start: '12:00', end: '23:59' }, lunchService: false, early: null, late: null, saturday: allDay, sunday: allDay } },
  });
  expect(widened.status(), await widened.text()).toBe(200);
  return async () => {
    const back = await admin.api.patch(`/api/v1/centres/${centreId}`, { headers: { 'x-csrf-token': admin.csrf }, data: { serviceHours } });
    expect(back.status(), await back.text()).toBe(200);
  };
}

const codeOf = async (res: { json: () => Promise<unknown> }) => ((await res.json()) as { error?: { code?: string } }).error?.code;

/**
 * Issues a ticket as the clerk. On a weekend the centre serves appointments only
 * (§8.1.3.5 c, d), so the ticket is an appointment check-in; on a public holiday it
 * serves nobody and the test is skipped, saying why.
 */
async function issue(clerk: Session, centreId: string, queueId: string): Promise<{ id: string; number: string }> {
  let res = await post(clerk, `/api/v1/centres/${centreId}/tickets`, { queueId, source: 'counter' });
  if (res.status() === 422 && (await codeOf(res)) === 'CENTRE_APPOINTMENT_ONLY') {
    res = await post(clerk, `/api/v1/centres/${centreId}/tickets`, { queueId, source: 'appointment' });
  }
  test.skip(res.status() === 422 && (await codeOf(res)) === 'CENTRE_CLOSED_NOW', 'a public holiday: the centre issues no tickets today');
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}

/** Logs the clerk in on the page and signs in to the counter by its number; answers the counter's id. */
async function signInAtCounter(page: Page, admin: Session, centreId: string, number: string): Promise<string> {
  await page.goto('/counter/');
  await page.getByLabel('用户名').fill(CLERK.username);
  await page.getByLabel('密码').fill(CLERK.password);
  await page.getByLabel('密码').press('Enter');
  await page.getByLabel('查找窗口').fill(number);
  await page.getByLabel('查找窗口').press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^${number} 号窗口`) })).toBeVisible();
  const counters = (await (await admin.api.get(`/api/v1/centres/${centreId}/counters`)).json()) as { items: { id: string; number: string }[] };
  return counters.items.find((c) => c.number === number)!.id;
}

/** Earlier tests may have left tickets in the shared pool: call them away first. */
async function drainPool(clerk: Session, counterId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const called = await post(clerk, `/api/v1/counters/${counterId}/call-next`);
    if (called.status() === 204) return;
    expect(called.status(), await called.text()).toBe(200);
    const { id } = (await called.json()) as { id: string };
    expect((await post(clerk, `/api/v1/tickets/${id}/no-show`)).status()).toBe(200);
  }
}

test('a clerk signs in to a comprehensive counter, calls, starts and finishes by keyboard; a paused counter cannot call', async ({ page }) => {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  const centre = await ensureCentre(admin.api);
  const queue = await comprehensiveQueue(admin, centre.id);
  const restoreHours = await openAllDay(admin, centre.id);
  try {
    // Log in with the admin console's accounts.
    await page.goto('/counter/');
    await expect(page.getByRole('heading', { name: '政务服务中心 · 窗口工作台' })).toBeVisible();
    await page.getByLabel('用户名').fill(CLERK.username);
    await page.getByLabel('密码').fill(CLERK.password);
    await page.getByLabel('密码').press('Enter');

    // Choose the counter by typing its number and Enter (as on a keypad); the status board updates.
    await expect(page.getByRole('heading', { name: /选择窗口签到/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: '综合窗口' })).toBeVisible();
    await page.getByLabel('查找窗口').fill(COUNTER_NUMBER);
    await page.getByLabel('查找窗口').press('Enter');
    await expect(page.getByRole('heading', { name: new RegExp(`^${COUNTER_NUMBER} 号窗口`) })).toBeVisible();
    await expect(page.getByTestId('counter-status')).toHaveText('服务中');
    await expect(page.getByTestId('clerk')).toContainText('工号');
    const counters = (await (await admin.api.get(`/api/v1/centres/${centre.id}/counters`)).json()) as { items: { id: string; number: string }[] };
    const counterId = counters.items.find((c) => c.number === COUNTER_NUMBER)!.id;
    const screen = (await (await admin.api.get(`/api/v1/counters/${counterId}/screen`)).json()) as { status: string; clerk: { name: string } | null };
    expect(screen.status).toBe('serving');
    expect(screen.clerk?.name).toBeTruthy();
    await expect(page.getByTestId('clerk')).toContainText(screen.clerk!.name);

    const clerk = await pageSession(page);
    await drainPool(clerk, counterId);
    await expect(page.getByTestId('current-number')).toHaveText('—');
    await expect(page.getByTestId('waiting-count')).toHaveText('0 人');

    // F1 with nobody waiting: a clear message, nothing called (204).
    await page.keyboard.press('F1');
    await expect(page.getByTestId('feedback')).toContainText('当前无人等候');

    // A ticket issued through the API appears in the waiting list live (event stream, no reload).
    const served = Number(await page.locator('.cw-today .ant-statistic').first().locator('.ant-statistic-content-value').innerText());
    const ticket = await issue(clerk, centre.id, queue.id);
    await expect(page.getByRole('table', { name: /等候队列/ })).toContainText(ticket.number);
    await expect(page.getByTestId('waiting-count')).toHaveText('1 人');

    // F1 calls it: the number in large type, the focus on "start".
    await page.keyboard.press('F1');
    await expect(page.getByTestId('current-number')).toHaveText(ticket.number);
    await expect(page.getByTestId('current-status')).toHaveText('已叫号');
    await expect(page.getByTestId('feedback')).toContainText(`已呼叫 ${ticket.number} 号`);
    await expect(page.getByRole('button', { name: /开始办理/ })).toBeFocused();
    await expect(page.getByRole('button', { name: /呼叫下一位/ })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screens/counter-called-1366.png' });

    // The help overlay lists every shortcut.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '快捷键' });
    await expect(help).toContainText('呼叫下一位');
    await expect(help).toContainText('暂时离开');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // F3 starts, F4 finishes with an outcome chosen by its digit, Enter confirms.
    await page.keyboard.press('F3');
    await expect(page.getByTestId('current-status')).toHaveText('办理中');
    await expect(page.getByRole('button', { name: /办结/ })).toBeFocused();
    await page.keyboard.press('F4');
    const finish = page.getByRole('dialog', { name: `办结 ${ticket.number} 号` });
    await expect(finish).toBeVisible();
    await page.keyboard.press('2');
    await expect(finish.getByRole('radio', { name: /已受理/ })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(finish).toBeHidden();
    await expect(page.getByTestId('feedback')).toContainText(`${ticket.number} 号已办结`);
    await expect(page.getByTestId('current-number')).toHaveText('—');
    await expect(page.locator('.cw-today .ant-statistic').first().locator('.ant-statistic-content-value')).toHaveText(String(served + 1));
    await expect(page.getByRole('button', { name: /呼叫下一位/ })).toBeFocused();
    const detail = (await (await clerk.api.get(`/api/v1/tickets/${ticket.id}`)).json()) as { status: string; outcome: string; events: { type: string; counterNumber: string | null }[] };
    expect(detail.status).toBe('finished');
    expect(detail.outcome).toBe('accepted');
    expect(detail.events.map((e) => e.type)).toEqual(expect.arrayContaining(['issued', 'called', 'started', 'finished']));
    expect(detail.events.find((e) => e.type === 'called')?.counterNumber).toBe(COUNTER_NUMBER);

    // F9 pauses with a reason (§5.1.5.1): the screen and the counter's board say "暂停服务" and why, and the counter cannot call.
    await page.keyboard.press('F9');
    const pause = page.getByRole('dialog', { name: '暂停服务' });
    await pause.getByLabel('暂停原因（选填）').fill('系统维护');
    await pause.getByLabel('暂停原因（选填）').press('Enter');
    await expect(pause).toBeHidden();
    await expect(page.getByTestId('counter-status')).toHaveText('暂停服务');
    await expect(page.getByRole('group', { name: '叫号操作' }).getByRole('button', { name: /恢复服务/ })).toBeFocused();
    expect((await (await admin.api.get(`/api/v1/counters/${counterId}/screen`)).json()) as { status: string }).toMatchObject({ status: 'paused', awayReason: '系统维护' });
    await expect(page.getByTestId('counter-banner')).toContainText('暂停服务：系统维护');
    const second = await issue(clerk, centre.id, queue.id);
    await expect(page.getByRole('table', { name: /等候队列/ })).toContainText(second.number);
    await page.keyboard.press('F1');
    await expect(page.getByTestId('feedback')).toContainText('暂停服务');
    await expect(page.getByTestId('current-number')).toHaveText('—');
    // The server refuses too, with its stable code, and nothing changes.
    const refused = await post(clerk, `/api/v1/counters/${counterId}/call-next`);
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('COUNTER_CANNOT_CALL');
    expect(((await (await clerk.api.get(`/api/v1/tickets/${second.id}`)).json()) as { status: string }).status).toBe('waiting');

    // F9 again resumes; the waiting ticket is called and, unanswered, marked a no-show (confirmed).
    await page.keyboard.press('F9');
    await expect(page.getByTestId('counter-status')).toHaveText('服务中');
    await expect(page.getByTestId('counter-banner')).toHaveCount(0);
    await page.keyboard.press('F1');
    await expect(page.getByTestId('current-number')).toHaveText(second.number);
    await page.keyboard.press('F5');
    const noShow = page.getByRole('dialog', { name: `确认 ${second.number} 号过号？` });
    await expect(noShow.getByRole('button', { name: /确认过号/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(noShow).toBeHidden();
    await expect(page.getByTestId('current-number')).toHaveText('—');

    // Usable at 1024 px: nothing is cut off sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByRole('button', { name: /暂时离开/ })).toBeInViewport();
    expect(await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/screens/counter-1024.png' });

    // Sign out: back to the choice of counters, and the counter's board says it is not open.
    await page.getByRole('button', { name: '签退', exact: true }).click();
    await expect(page.getByRole('heading', { name: /选择窗口签到/ })).toBeVisible();
    const after = (await (await admin.api.get(`/api/v1/counters/${counterId}/screen`)).json()) as { status: string; clerk: unknown };
    expect(after.status).toBe('closed');
    expect(after.clerk).toBeNull();
  } finally {
    await restoreHours();
    await admin.api.dispose();
  }
});

test('recall, park and resume, transfer to another counter, away with whereabouts and cancel, all by keyboard', async ({ page }) => {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  const centre = await ensureCentre(admin.api);
  const queue = await comprehensiveQueue(admin, centre.id);
  const restoreHours = await openAllDay(admin, centre.id);
  try {
    const counterId = await signInAtCounter(page, admin, centre.id, COUNTER_NUMBER);
    // The chosen counter is remembered: a reload returns to the workbench.
    await page.reload();
    await expect(page.getByRole('heading', { name: new RegExp(`^${COUNTER_NUMBER} 号窗口`) })).toBeVisible();
    const clerk = await pageSession(page);
    await drainPool(clerk, counterId);
    await expect(page.getByTestId('waiting-count')).toHaveText('0 人');

    // Call, recall (F2), park with a reason (F7): the ticket waits aside, the counter may call on.
    const first = await issue(clerk, centre.id, queue.id);
    await expect(page.getByTestId('waiting-count')).toHaveText('1 人');
    await page.keyboard.press('F1');
    await expect(page.getByTestId('current-number')).toHaveText(first.number);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('feedback')).toContainText(`已重呼 ${first.number} 号（第 1 次重呼）`);
    await page.keyboard.press('F7');
    const park = page.getByRole('dialog', { name: `挂起 ${first.number} 号` });
    await expect(park.getByLabel('挂起原因（选填）')).toBeFocused();
    await page.keyboard.type('去复印材料');
    await page.keyboard.press('Enter');
    await expect(park).toBeHidden();
    await expect(page.getByRole('region', { name: /已挂起/ })).toContainText(first.number);
    await expect(page.getByTestId('current-number')).toHaveText('—');

    // The next ticket is transferred to another counter, keeping its priority (F6).
    const second = await issue(clerk, centre.id, queue.id);
    await expect(page.getByTestId('waiting-count')).toHaveText('1 人');
    await page.keyboard.press('F1');
    await expect(page.getByTestId('current-number')).toHaveText(second.number);
    await page.keyboard.press('F6');
    const transfer = page.getByRole('dialog', { name: `转移 ${second.number} 号` });
    await transfer.getByText('指定窗口').click();
    await transfer.getByLabel('目标窗口').fill('4 号');
    await page.keyboard.press('Enter');
    await expect(transfer.getByLabel('保留原优先级和取号时间（不重新排到末尾）')).toBeChecked();
    await transfer.getByLabel('转移说明（选填）').fill('需到 4 号窗口统一出件');
    await transfer.getByLabel('转移说明（选填）').press('Enter');
    await expect(transfer).toBeHidden();
    await expect(page.getByTestId('feedback')).toContainText(`${second.number} 号已转至4 号窗口`);
    expect(((await (await clerk.api.get(`/api/v1/tickets/${second.id}`)).json()) as { status: string }).status).toBe('transferred');

    // F7 now resumes the parked ticket; F4 and Enter finish it with the default outcome.
    await page.keyboard.press('F7');
    await expect(page.getByTestId('current-number')).toHaveText(first.number);
    await expect(page.getByTestId('current-status')).toHaveText('办理中');
    await page.keyboard.press('F4');
    // Enter belongs to the dialog only once it holds the focus (its default outcome).
    const finish = page.getByRole('dialog', { name: `办结 ${first.number} 号` });
    await expect(finish.getByRole('radio', { checked: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(finish).toBeHidden();
    await expect(page.getByTestId('feedback')).toContainText(`${first.number} 号已办结`);
    expect(((await (await clerk.api.get(`/api/v1/tickets/${first.id}`)).json()) as { outcome: string }).outcome).toBe('done');

    // L: away with whereabouts and return time (§5.1.5.1), on the screen and the counter's board.
    await page.keyboard.press('l');
    const away = page.getByRole('dialog', { name: '暂时离开' });
    await expect(away.getByLabel('去向')).toBeFocused();
    await page.keyboard.type('到后台协助审核');
    await page.keyboard.press('Enter');
    await expect(away).toBeHidden();
    await expect(page.getByTestId('counter-banner')).toContainText('暂时离开：到后台协助审核，预计');
    await expect(page.getByTestId('counter-status')).toHaveText('暂时离开');
    const board = (await (await admin.api.get(`/api/v1/counters/${counterId}/screen`)).json()) as { status: string; awayReason: string; expectedReturnAt: string };
    expect(board).toMatchObject({ status: 'away', awayReason: '到后台协助审核' });
    expect(new Date(board.expectedReturnAt).getTime()).toBeGreaterThan(Date.now());
    await page.keyboard.press('F1');
    await expect(page.getByTestId('feedback')).toContainText('暂时离开，不能叫号');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('counter-status')).toHaveText('服务中');

    // F8 cancels, after a confirmation with an optional reason.
    const third = await issue(clerk, centre.id, queue.id);
    await expect(page.getByTestId('waiting-count')).toHaveText('1 人');
    await page.keyboard.press('F1');
    await expect(page.getByTestId('current-number')).toHaveText(third.number);
    await page.keyboard.press('F8');
    const cancel = page.getByRole('dialog', { name: `确认取消 ${third.number} 号？` });
    await expect(cancel.getByLabel('取消原因（选填）')).toBeFocused();
    await page.keyboard.type('办事人主动放弃');
    await page.keyboard.press('Enter');
    await expect(cancel).toBeHidden();
    await expect(page.getByTestId('feedback')).toContainText(`${third.number} 号已取消`);
    expect(((await (await clerk.api.get(`/api/v1/tickets/${third.id}`)).json()) as { status: string }).status).toBe('cancelled');

    // The transferred ticket waits for counter 4 only; it is cancelled so no later test meets it.
    const counters = (await (await admin.api.get(`/api/v1/centres/${centre.id}/counters`)).json()) as { items: { id: string; number: string }[] };
    const four = counters.items.find((c) => c.number === '4')!.id;
    const bench = (await (await clerk.api.get(`/api/v1/counters/${four}/workbench`)).json()) as { waiting: { id: string; number: string }[] };
    const moved = bench.waiting.find((w) => w.number !== second.number && w.id !== second.id);
    expect(moved, 'the new ticket of the transfer waits at counter 4').toBeDefined();
    expect((await post(clerk, `/api/v1/tickets/${moved!.id}/cancel`, { reason: '测试结束' })).status()).toBe(200);
  } finally {
    await restoreHours();
    await admin.api.dispose();
  }
});
