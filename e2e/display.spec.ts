/**
 * The hall display and the counter screen (issue 4; DB36/T 2016 §5.2.2 显示屏, §5.2.2.1,
 * §6.4.2, §6.4.5): a ticket issued at a kiosk (its device token), called at a counter by a
 * signed-in clerk, shows on the display together with the sentence the display speaks.
 *
 * Speech: `speechSynthesis.speak` is replaced in the page by a recorder of the utterances
 * it is handed (text, language, rate); the sentence is the page's own work from the
 * `ticket.called` event. Everything runs in a centre of its own, open around the clock,
 * so the test neither depends on the hour nor disturbs the demo centre.
 */
import { createServer, connect, type Socket } from 'node:net';
import { expect, request as newRequest, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_PORT } from './support.ts';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
/** A 2×2 grey PNG: the clerk's photo on the seat card (§6.4.5). */
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYGD4z8DAwMDAxMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

interface Session {
  readonly api: APIRequestContext;
  readonly csrf: string;
}

async function signIn(username: string, password: string): Promise<Session> {
  const api = await newRequest.newContext({ baseURL: BASE });
  const r = await api.post('/api/v1/auth/login', { data: { username, password } });
  expect(r.status(), await r.text()).toBe(200);
  return { api, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function ok<T>(response: Promise<APIResponse>, status = 200): Promise<T> {
  const r = await response;
  expect(r.status(), `${r.url()}: ${await r.text()}`).toBe(status);
  return (status === 204 ? undefined : await r.json()) as T;
}

function post<T>(s: Session, path: string, data: unknown, status = 200): Promise<T> {
  return ok<T>(s.api.post(path, { data, headers: { 'x-csrf-token': s.csrf } }), status);
}

/** Digits one by one, as a ticket number is read out (A012 → A零一二). */
function spokenDigits(text: string): string {
  return text.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!);
}

interface Utterance {
  readonly text: string;
  readonly lang: string;
  readonly rate: number;
}

/** The page's globals the recorder touches (the server's tsconfig has no DOM types). */
interface SpeechGlobals {
  __spoken: Utterance[];
  speechSynthesis: { speak(u: Utterance): void };
}

/** Installs the recorder before any script of the page runs. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as SpeechGlobals;
    const spoken: Utterance[] = [];
    g.__spoken = spoken;
    g.speechSynthesis.speak = (u: Utterance) => {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
    };
  });
}

function spoken(page: Page): Promise<Utterance[]> {
  return page.evaluate(() => [...(globalThis as unknown as SpeechGlobals).__spoken]);
}

async function spokenTimes(page: Page, sentence: string): Promise<number> {
  return (await spoken(page)).filter((u) => u.text === sentence).length;
}

/**
 * A TCP relay between the hall display and the server: `cut()` drops every connection and
 * refuses new ones, as a pulled cable or a restarting server would, until `restore()`.
 */
async function relay(targetPort: number) {
  const open = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        open.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay: no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const s of open) s.destroy();
    },
    restore() {
      down = false;
    },
    close() {
      this.cut();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Centre {
  readonly id: string;
  readonly name: string;
}
interface Counter {
  readonly id: string;
  readonly number: string;
  readonly name: string;
}
interface Ticket {
  readonly id: string;
  readonly number: string;
}

test('a ticket issued at the kiosk and called at a counter is shown and spoken on the hall display, and shown on the counter screen', async ({ page, browser }) => {
  const admin = await signIn('admin', E2E_ADMIN_PASSWORD);
  const run = String(Date.now() % 1_000_000);

  // A centre of its own, open around the clock on working days and weekends.
  const centre = await post<Centre>(
    admin,
    '/api/v1/centres',
    {
      name: `叫号测试${run}县政务服务中心`,
      level: 'county',
      divisionCode: '360124',
      address: '江西省南昌市进贤县民和镇',
      phones: { consultation: '0791-85600001', appointment: '0791-85600002', complaint: '0791-85600003', supervision: '12345' },
      serviceHours: {
        morning: { start: '00:00', end: '12:00' },
        afternoon: { start: '12:00', end: '23:59' },
        lunchService: true,
        early: null,
        late: null,
        saturday: { start: '00:00', end: '23:59' },
        sunday: { start: '00:00', end: '23:59' },
      },
    },
    201,
  );
  const c = centre.id;
  const counter = await post<Counter>(admin, `/api/v1/centres/${c}/counters`, { number: '5', name: '综合受理', kind: 'special' }, 201);
  const queue = await post<{ id: string }>(
    admin,
    `/api/v1/centres/${c}/queues`,
    { name: '综合受理', prefix: 'A', pool: 'special', counters: [{ counterId: counter.id, weight: 0 }], issuingWindows: [{ start: '00:00', end: '24:00' }] },
    201,
  );
  const notice = '请保管好随身物品。办事高峰期请耐心等候，过号请到咨询导办台重新取号。';
  await ok(admin.api.put(`/api/v1/centres/${c}/queue-settings`, { data: { display: { notice } }, headers: { 'x-csrf-token': admin.csrf } }));

  // The clerk: an account and the staff record with the seat card's photo, title and work number (§6.4.5).
  const username = `display.clerk.${run}`;
  const password = `Clerk-${run}-Pass-2025`;
  const user = await post<{ id: string }>(
    admin,
    '/api/v1/users',
    { username, displayName: '李晓燕', password, roles: [{ role: 'window_clerk', centreId: c, departmentId: null }] },
    201,
  );
  await post(admin, `/api/v1/centres/${c}/staff`, { name: '李晓燕', workNumber: `XS${run}`, title: '综合受理员', photoUrl: PHOTO, userId: user.id }, 201);

  const display = await post<{ id: string; token: string }>(admin, `/api/v1/centres/${c}/device-tokens`, { name: '一楼大厅显示屏', role: 'display' }, 201);
  const displayToken = display.token;
  const kioskToken = (await post<{ token: string }>(admin, `/api/v1/centres/${c}/device-tokens`, { name: '一楼大厅取号机', role: 'kiosk' }, 201)).token;

  // --- The hall display is set up once with its device token, and speech is switched on by a click.
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await recordSpeech(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The display reaches the server through a relay, so the test can cut its network.
  const network = await relay(E2E_PORT);
  await page.goto(`${network.origin}/display/hall`);
  await page.getByLabel('设备令牌').fill(displayToken);
  await page.getByRole('button', { name: '连接' }).click();
  await expect(page.getByLabel('政务服务中心')).toHaveValue(c);
  await page.getByRole('button', { name: '开始显示' }).click();
  await expect(page).toHaveURL(/\/display\/hall$/);
  await page.getByRole('button', { name: /点击开启语音播报/ }).click();
  await expect(page.getByRole('button', { name: /点击开启语音播报/ })).toHaveCount(0);

  const hall = page.getByTestId('hall-display');
  await expect(hall).toContainText(centre.name);
  await expect(hall).toContainText('暂无叫号');
  await expect(page.getByTestId('notice-text')).toContainText('请保管好随身物品');
  await expect(page.getByTestId('link-badge')).toHaveCount(0);

  // --- A ticket at the kiosk (its own device token); the waiting count follows live (queue.stats).
  const kiosk = await newRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { authorization: `Bearer ${kioskToken}` } });
  const issue = async (): Promise<Ticket> => {
    const r = await kiosk.post(`/api/v1/centres/${c}/tickets`, { data: { queueId: queue.id, source: 'kiosk' } });
    const body = (await r.json()) as Ticket & { error?: { code: string } };
    // §8.1.3.5 c, d: at weekends the centre serves appointments only; the kiosk then checks an appointment in.
    if (r.status() === 422 && body.error?.code === 'CENTRE_APPOINTMENT_ONLY') {
      return ok<Ticket>(kiosk.post(`/api/v1/centres/${c}/tickets`, { data: { queueId: queue.id, source: 'appointment' } }), 201);
    }
    test.skip(r.status() === 422 && body.error?.code === 'CENTRE_CLOSED_NOW', 'a public holiday: the centre issues no tickets today');
    expect(r.status(), JSON.stringify(body)).toBe(201);
    return body;
  };
  const ticket = await issue();
  expect(ticket.number).toBe('A001');
  await expect(page.locator('[data-queue="A"] td.col-waiting')).toHaveText('1');

  // --- The clerk signs in to counter 5 and calls the next ticket.
  const clerk = await signIn(username, password);
  await post(clerk, `/api/v1/counters/${counter.id}/sign-in`, {});
  const called = await post<Ticket>(clerk, `/api/v1/counters/${counter.id}/call-next`, {});
  expect(called.id).toBe(ticket.id);

  await expect(page.getByTestId('call-now-number')).toHaveText('A001');
  await expect(page.getByTestId('call-now-counter')).toHaveText('5号窗口');
  await expect(page.getByTestId('call-now-text')).toHaveText('请A001号到5号窗口办理');
  await expect(page.locator('[data-queue="A"] td.col-waiting')).toHaveText('0');
  // Spoken in Mandarin, the number digit by digit, twice (the default voice settings), a little slower than normal.
  const sentence = `请${spokenDigits('A001')}号到五号窗口办理`;
  expect(sentence).toBe('请A零零一号到五号窗口办理');
  await expect.poll(() => spokenTimes(page, sentence)).toBe(2);
  const utterance = (await spoken(page)).find((u) => u.text === sentence)!;
  expect(utterance.lang).toBe('zh-CN');
  expect(utterance.rate).toBeLessThan(1);

  // --- A recall is shown and spoken again.
  await post(clerk, `/api/v1/tickets/${ticket.id}/recall`, {});
  await expect(page.getByTestId('call-now-text')).toContainText('再次呼叫');
  await expect(page.getByTestId('call-now-text')).toContainText('请A001号到5号窗口办理');
  await expect.poll(async () => (await spoken(page)).filter((u) => u.text.endsWith(sentence) && u.text.startsWith('再次呼叫')).length).toBe(2);
  // The original call was not spoken again by the recall, and nothing else was said.
  expect(await spokenTimes(page, sentence)).toBe(2);

  // --- A second ticket, called: the first one moves to the recent calls.
  const second = await issue();
  expect(second.number).toBe('A002');
  await post(clerk, `/api/v1/tickets/${ticket.id}/start`, {});
  await post(clerk, `/api/v1/tickets/${ticket.id}/finish`, { outcome: 'done' });
  await post(clerk, `/api/v1/counters/${counter.id}/call-next`, {});
  await expect(page.getByTestId('call-now-number')).toHaveText('A002');
  await expect(page.getByTestId('recent-calls')).toContainText('A001');
  await expect.poll(() => spokenTimes(page, `请${spokenDigits('A002')}号到五号窗口办理`)).toBe(2);

  // --- Network loss: the badge shows; back online, the display catches up by itself: the call
  // made meanwhile is shown and spoken. Its cookie is gone too (as after a browser restart), so
  // it first signs in again with its stored device token.
  let signIns = 0;
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.url().endsWith('/api/v1/auth/device-session') && r.status() === 200) signIns++;
  });
  network.cut();
  await expect(page.getByTestId('link-badge')).toHaveText('连接中断，正在重连…');
  await page.context().clearCookies();
  await post(clerk, `/api/v1/tickets/${second.id}/start`, {});
  await post(clerk, `/api/v1/tickets/${second.id}/finish`, { outcome: 'done' });
  const third = await issue();
  await post(clerk, `/api/v1/counters/${counter.id}/call-next`, {});
  network.restore();
  await expect(page.getByTestId('link-badge')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('call-now-number')).toHaveText(third.number);
  await expect.poll(() => spokenTimes(page, `请${spokenDigits(third.number)}号到五号窗口办理`)).toBe(2);
  expect(signIns, 'signed in again with the stored token').toBeGreaterThan(0);
  // Re-read after the reconnection, the latest calls list each ticket once (A001 was called and recalled).
  const recent = page.getByTestId('recent-calls').locator('li');
  await expect(recent.filter({ hasText: 'A001' })).toHaveCount(1);
  await expect(recent.filter({ hasText: 'A002' })).toHaveCount(1);

  // 1920×1080, nothing scrolls.
  const overflow = await page.locator('html').evaluate((html) => ({ x: html.scrollWidth - html.clientWidth, y: html.scrollHeight - html.clientHeight }));
  expect(overflow).toEqual({ x: 0, y: 0 });
  await page.screenshot({ path: 'test-results/screens/display-hall-1920.png' });

  // prefers-reduced-motion: the notice stands still and shows a sentence at a time.
  const scrolling = page.getByTestId('notice-text');
  await expect(scrolling).toHaveCSS('animation-name', 'notice-scroll');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(scrolling).toHaveText('请保管好随身物品。');
  await expect(scrolling).toHaveCSS('animation-name', 'none');

  // --- The counter screen, on a device of its own (§6.4.2, §6.4.5).
  const counterContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const screen = await counterContext.newPage();
  screen.on('pageerror', (e) => problems.push(e.message));
  await screen.goto(`/display/counter/${counter.id}`);
  await screen.getByLabel('设备令牌').fill(displayToken);
  await screen.getByRole('button', { name: '连接' }).click();
  await expect(screen.getByLabel('窗口')).toHaveValue(counter.id);
  await screen.getByRole('button', { name: '开始显示' }).click();
  await expect(screen.getByTestId('counter-number')).toHaveText('5号窗口');
  await expect(screen.getByTestId('counter-name')).toHaveText('综合受理');
  await expect(screen.getByTestId('clerk-name')).toHaveText('李晓燕');
  await expect(screen.getByTestId('counter-screen')).toContainText('综合受理员');
  await expect(screen.getByTestId('clerk-work-number')).toContainText(`XS${run}`);
  await expect(screen.getByTestId('clerk-photo')).toBeVisible();
  await expect(screen.getByTestId('current-number')).toHaveText(third.number);

  // Live: the finished ticket leaves the screen, the next call appears on it.
  await post(clerk, `/api/v1/tickets/${third.id}/start`, {});
  await post(clerk, `/api/v1/tickets/${third.id}/finish`, { outcome: 'done' });
  await expect(screen.getByTestId('counter-status')).toContainText('等待叫号');
  const fourth = await issue();
  await post(clerk, `/api/v1/counters/${counter.id}/call-next`, {});
  await expect(screen.getByTestId('current-number')).toHaveText(fourth.number);
  await expect(page.getByTestId('call-now-number')).toHaveText(fourth.number);
  await post(clerk, `/api/v1/tickets/${fourth.id}/no-show`, {});

  // Away with whereabouts and the expected return (§5.1.5.1, §6.4.6): "暂停服务" on the counter screen.
  const back = new Date(Date.now() + 30 * 60_000);
  await ok(
    admin.api.put(`/api/v1/counters/${counter.id}/status`, {
      data: { status: 'away', awayReason: '到后台取件', expectedReturnAt: back.toISOString() },
      headers: { 'x-csrf-token': admin.csrf },
    }),
  );
  const status = screen.getByTestId('counter-status');
  await expect(status).toContainText('暂停服务');
  await expect(status).toContainText('去向：到后台取件');
  const hhmm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(back);
  await expect(status).toContainText(hhmm);
  await screen.screenshot({ path: 'test-results/screens/display-counter-1920.png' });

  // --- The display's token is revoked while it is away: back, it returns to its set-up and says why.
  network.cut();
  await ok(admin.api.delete(`/api/v1/device-tokens/${display.id}`, { headers: { 'x-csrf-token': admin.csrf } }));
  network.restore();
  await expect(page.getByRole('alert')).toContainText('设备令牌已失效', { timeout: 20_000 });
  await expect(page.getByLabel('设备令牌')).toHaveValue('');

  expect(problems, 'no errors in the pages').toEqual([]);
  await counterContext.close();
  await network.close();
  await kiosk.dispose();
  await admin.api.dispose();
  await clerk.api.dispose();
});
