/** Shared by the browser tests: the server's settings and a few steps every test takes. */
import { expect, request as newRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_ADMIN_PASSWORD = 'E2eAdmin2024pass';

/**
 * Chooses an option of an antd select with the mouse, as a clerk does. A click that lands
 * while the dropdown is still opening is lost (seen on a loaded machine), so the choice is
 * made again until the select shows it.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const select = combobox.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if ((await open.count()) === 0) await combobox.click();
    await open.locator('.ant-select-item-option').filter({ hasText: option }).first().click({ timeout: 2_000 });
    await expect(select.locator('.ant-select-selection-item, .ant-select-content').first()).toContainText(option, { timeout: 1_000 });
    await expect(open).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

export async function loginAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

interface Centre {
  id: string;
  name: string;
}

/**
 * The demo centre when the server seeded one; otherwise one created through the
 * API, so the tests run on any database.
 */
export async function ensureCentre(request: APIRequestContext): Promise<Centre> {
  const me = await request.get('/api/v1/auth/me');
  expect(me.ok()).toBe(true);
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const list = await request.get('/api/v1/centres');
  const { items } = (await list.json()) as { items: (Centre & { retiredAt: string | null })[] };
  const live = items.find((c) => c.retiredAt === null);
  if (live) return live;
  const created = await request.post('/api/v1/centres', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name: '进贤县政务服务中心',
      level: 'county',
      divisionCode: '360124',
      address: '江西省南昌市进贤县民和镇',
      phones: { consultation: '0791-85600001', appointment: '0791-85600002', complaint: '0791-85600003', supervision: '12345' },
      serviceHours: {
        morning: { start: '09:00', end: '12:00' },
        afternoon: { start: '13:30', end: '17:00' },
        lunchService: true,
        early: null,
        late: null,
        saturday: { start: '09:00', end: '12:00' },
        sunday: null,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as Centre;
}

/** The e2e server's origin, for request contexts and browser contexts made by hand. */
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** A signed-in API session of its own (cookie jar and CSRF token), apart from any page. */
export interface ApiSession {
  readonly api: APIRequestContext;
  readonly csrf: string;
}

/** Logs `username` in through the API in a request context of its own. */
export async function apiSession(username: string, password: string): Promise<ApiSession> {
  const api = await newRequest.newContext({ baseURL: E2E_BASE_URL });
  const res = await api.post('/api/v1/auth/login', { data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return { api, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * One API call as `session` that must answer `status` (201 for a POST, 200 otherwise,
 * unless told); answers the JSON body, undefined for 204. Changes carry the CSRF token.
 */
export async function apiCall<T>(session: ApiSession, method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, data?: unknown, status = method === 'post' ? 201 : 200): Promise<T> {
  const res = await session.api.fetch(path, { method: method.toUpperCase(), headers: { 'x-csrf-token': session.csrf }, ...(data === undefined ? {} : { data }) });
  expect(res.status(), `${method.toUpperCase()} ${path}: ${await res.text()}`).toBe(status);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** A device token of the centre (admin console 设备令牌): a kiosk's or a display's. */
export function createDeviceToken(admin: ApiSession, centreId: string, role: 'kiosk' | 'display', name: string): Promise<{ id: string; token: string }> {
  return apiCall(admin, 'post', `/api/v1/centres/${centreId}/device-tokens`, { name, role });
}

/**
 * Weekly hours covering the whole day: regular service on statutory working days from
 * 00:00 to 23:59 (the last minute of the day is outside every window: times are `HH:MM`
 * up to 23:59); weekends all day, which §8.1.3.5 c, d make appointment-only.
 */
export const ALL_DAY_SERVICE_HOURS = {
  morning: { start: '00:00', end: '12:00' },
  afternoon: { start: '12:00', end: '23:59' },
  lunchService: false,
  early: null,
  late: null,
  saturday: { start: '00:00', end: '23:59' },
  sunday: { start: '00:00', end: '23:59' },
} as const;

export interface OpenCentre {
  readonly centre: { readonly id: string; readonly name: string };
  readonly queue: { readonly id: string; readonly name: string; readonly prefix: string };
  readonly counter: { readonly id: string; readonly number: string; readonly name: string };
  /** A window clerk of this centre only, with the staff record a counter sign-in needs (§6.4.2). */
  readonly clerk: { readonly username: string; readonly password: string; readonly name: string; readonly workNumber: string };
}

/**
 * A centre of its own, open around the clock ({@link ALL_DAY_SERVICE_HOURS}), so a test
 * neither depends on the hour nor disturbs the demo centre: one comprehensive counter, one
 * comprehensive-pool queue (§7.1.6.2; issuing whenever the centre serves) and a clerk.
 * `run` makes the names unique on a server that already ran the test.
 */
export async function createOpenCentre(
  admin: ApiSession,
  run: string,
  options: { readonly counterNumber?: string; readonly prefix?: string } = {},
): Promise<OpenCentre> {
  const centre = await apiCall<{ id: string; name: string }>(admin, 'post', '/api/v1/centres', {
    name: `全天测试${run}县政务服务中心`,
    level: 'county',
    divisionCode: '360124',
    address: '江西省南昌市进贤县民和镇',
    phones: { consultation: '0791-85600001', appointment: '0791-85600002', complaint: '0791-85600003', supervision: '12345' },
    serviceHours: ALL_DAY_SERVICE_HOURS,
  });
  const counter = await apiCall<{ id: string; number: string; name: string }>(admin, 'post', `/api/v1/centres/${centre.id}/counters`, {
    number: options.counterNumber ?? '5',
    name: '综合受理',
    kind: 'comprehensive',
  });
  const queue = await apiCall<{ id: string; name: string; prefix: string }>(admin, 'post', `/api/v1/centres/${centre.id}/queues`, {
    name: '综合受理',
    prefix: options.prefix ?? 'A',
    pool: 'comprehensive',
  });
  const clerk = { username: `clerk.${run}`, password: `Clerk-${run}-Pass-2025`, name: '李晓燕', workNumber: `QT${run}` };
  const user = await apiCall<{ id: string }>(admin, 'post', '/api/v1/users', {
    username: clerk.username,
    displayName: clerk.name,
    password: clerk.password,
    roles: [{ role: 'window_clerk', centreId: centre.id, departmentId: null }],
  });
  await apiCall(admin, 'post', `/api/v1/centres/${centre.id}/staff`, { name: clerk.name, workNumber: clerk.workNumber, title: '综合受理员', userId: user.id });
  return { centre, queue, counter, clerk };
}
