/** Shared by the browser tests: the server's settings and a few steps every test takes. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 8181);
export const E2E_ADMIN_PASSWORD = 'E2eAdmin2024pass';

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
