/**
 * 办件进度查询 on the portal (DB36/T 2016 §8.1.2.1), no login: the case number and the last
 * four digits of the applicant's phone. Found with the right code, refused with a wrong one
 * (and locked, with the minutes to wait, after repeated failures); §5.2.2.2 barrier-free:
 * no serious or critical axe-core violation in normal and large-text mode, nothing wider
 * than 375 px, everything by keyboard, the result announced in a live region.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { acceptedCase, caseHall, CHECK_CODE, refusedCase, runTag, type CaseHall } from './case-support.ts';
import { apiSession, E2E_ADMIN_PASSWORD } from './support.ts';

let hall: CaseHall;

test.beforeAll(async () => {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  hall = await caseHall(admin, runTag());
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const results = await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run());
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function setLargeText(page: Page, on: boolean): Promise<void> {
  const toggle = page.locator('button.large-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(page.locator('html')).toHaveClass(on ? /large-text/ : /^(?!.*large-text).*$/);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}

test('§8.1.2.1 the QR code address finds the progress with the right code and refuses a wrong one; axe in both text sizes; 375 px', async ({ page }) => {
  const c = await acceptedCase(hall, '张三丰');
  await page.goto(`/portal/cases/${c.caseNumber}`);
  await expect(page.getByRole('heading', { level: 1, name: '办件进度查询' })).toBeVisible();
  // The number comes from the address; the check code never does.
  await expect(page.getByLabel('办件编号')).toHaveValue(c.caseNumber);
  await expect(page.getByLabel('手机号后四位')).toHaveValue('');

  // A missing code is named at its field.
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('请输入申请时登记的手机号码的后四位数字')).toBeVisible();
  await expect(page.getByLabel('手机号后四位')).toBeFocused();
  await expect(page.getByLabel('手机号后四位')).toHaveAttribute('aria-invalid', 'true');

  // A wrong code: refused, nothing shown of the case.
  await page.getByLabel('手机号后四位').fill('0000');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('alert')).toContainText('办件编号或手机号后四位不正确');
  await expect(page.getByRole('main')).not.toContainText(hall.itemName);

  // The right code: stage, dates, due date, status, the applicant masked, announced politely.
  await page.getByLabel('手机号后四位').fill(CHECK_CODE);
  await page.getByRole('button', { name: '查询' }).click();
  const live = page.getByTestId('case-live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toContainText('查询成功');
  await expect(live).toContainText('当前环节：办理');
  await expect(page.getByRole('alert')).toHaveCount(0);
  const result = page.getByRole('region', { name: hall.itemName });
  await expect(result).toContainText('已受理');
  await expect(result).toContainText('张**');
  await expect(result).not.toContainText('张三丰');
  await expect(result).not.toContainText('13812345678');
  await expect(result).toContainText('承诺办结时间');
  await expect(result).toContainText('24:00 前');
  const stages = result.getByRole('list', { name: '办理环节' }).getByRole('listitem');
  await expect(stages).toHaveCount(5);
  await expect(stages.nth(0)).toContainText('咨询');
  await expect(stages.nth(0)).toContainText('未经过');
  await expect(stages.nth(1)).toContainText('已完成');
  await expect(stages.nth(2)).toHaveAttribute('aria-current', 'step');
  await expect(stages.nth(2)).toContainText('进行中');
  await expect(stages.nth(4)).toContainText('未开始');

  await setLargeText(page, false);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-case-1366.png', fullPage: true });
  await setLargeText(page, true);
  expect(await seriousViolations(page)).toEqual([]);
  await expect(result).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/portal-case-large-1366.png', fullPage: true });
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/portal-case-large-375.png', fullPage: true });
  await setLargeText(page, false);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/portal-case-375.png', fullPage: true });
});

test('§5.2.2.2 by keyboard only, in large-text mode: from the portal home to the progress of a refused case', async ({ page }) => {
  const c = await refusedCase(hall, '李四');
  await page.goto('/portal/');
  await setLargeText(page, true);
  // Tab to the link of the navigation, Enter opens the query page.
  const link = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '办件进度查询' });
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await link.evaluate((el) => el === el.ownerDocument.activeElement);
  }
  expect(reached, 'Tab reaches 办件进度查询').toBe(true);
  await expect(link).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/portal\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: '办件进度查询' })).toBeVisible();

  // The first Tab from the page's content lands on the case number.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('办件编号')).toBeFocused();
  await page.keyboard.type(c.caseNumber.toLowerCase());
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('手机号后四位')).toBeFocused();
  await page.keyboard.type(CHECK_CODE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-live')).toContainText('查询成功');
  const result = page.getByRole('region', { name: hall.itemName });
  await expect(result).toContainText('不予受理');
  await expect(result).toContainText('李*');
  // A refused case went from 受理 straight to 归档.
  const stages = result.getByRole('list', { name: '办理环节' }).getByRole('listitem');
  await expect(stages.nth(1)).toContainText('已完成');
  await expect(stages.nth(2)).toContainText('未经过');
  await expect(stages.nth(3)).toContainText('未经过');
  await expect(stages.nth(4)).toContainText('待归档');
  await expect(result).toContainText('不予受理通知书');
  await expect(result).not.toContainText('受理后确定');
  // The address now names the case (bookmarkable), never the check code.
  await expect(page).toHaveURL(new RegExp(`/portal/cases/${c.caseNumber}$`));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/portal-case-keyboard-large-1366.png', fullPage: true });
});

test('repeated wrong codes lock the query of that case, saying how many minutes to wait (429)', async ({ page }) => {
  const c = await acceptedCase(hall, '王五');
  await page.goto(`/portal/cases/${c.caseNumber}`);
  const code = page.getByLabel('手机号后四位');
  const alert = page.getByRole('alert');
  // Five wrong codes per case within 15 minutes (domain/cases/public-check.ts), then the lock.
  const query = async (check: string) => {
    await code.fill(check);
    const answer = page.waitForResponse((r) => r.url().includes('/api/v1/public/cases/'));
    await page.getByRole('button', { name: '查询' }).click();
    return (await answer).status();
  };
  for (let i = 1; i <= 5; i++) {
    expect(await query(String(1000 + i))).toBe(404);
    await expect(alert).toContainText('办件编号或手机号后四位不正确');
  }
  // Locked: even the right code is refused now, with the minutes to wait.
  expect(await query(CHECK_CODE)).toBe(429);
  await expect(alert).toContainText('请 15 分钟后再试');
  await expect(page.getByRole('region', { name: hall.itemName })).toHaveCount(0);
});
