import { expect, test } from '@playwright/test';
import { ensureCentre, loginAsAdmin } from './support.ts';

test('at 375 px the menu folds into a drawer', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.reload();

  // No side menu at phone width, and nothing wider than the screen.
  await expect(page.getByRole('navigation', { name: '主菜单' })).toHaveCount(0);
  const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const menuButton = page.getByRole('button', { name: '打开菜单' });
  await menuButton.click();
  const nav = page.getByRole('navigation', { name: '主菜单' });
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: '进驻部门' }).click();
  await expect(page).toHaveURL(/\/admin\/departments$/);
  await expect(page.getByRole('heading', { name: '进驻部门' })).toBeVisible();
  // The drawer closes once a page is chosen.
  await expect(nav).toBeHidden();
  await page.screenshot({ path: 'test-results/screens/departments-375.png', fullPage: true });
});

test('the menu is reached with Tab and a page opened with Enter', async ({ page }) => {
  await loginAsAdmin(page);
  await ensureCentre(page.request);
  await page.reload();
  await expect(page.getByRole('heading', { name: '中心信息' })).toBeVisible();

  const target = page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '功能区' });
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await target.evaluate((el) => el === el.ownerDocument.activeElement);
  }
  expect(reached, 'Tab reaches the menu entry 功能区').toBe(true);
  // Keyboard focus is visible (an outline is drawn).
  await expect(target).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/admin\/zones$/);
  await expect(page.getByRole('heading', { name: '功能区' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/zones-1366.png' });
});
