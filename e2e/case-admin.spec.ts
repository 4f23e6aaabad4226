/**
 * Case handling in the admin console (issue 5): refusal reports reviewed — one confirmed,
 * one overturned back to acceptance, each with an opinion (DB36/T 2016 §7.5.2.3); the case
 * detail with its five stages and events (§8.1.2.1); the due-soon list (§8.1.2.4), the case
 * list and its filters, the archive (§8.1.2.6), the consultation register (§8.1.2.2) and the
 * case settings. Cases are made through the API as the counter makes them.
 *
 * A case past its due date cannot be made here: the server's clock is the real one and the
 * shortest promised limit (即办, 0 days) runs to the end of the acceptance day, so the overdue
 * list is checked empty and the due-soon list carries the warning test.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { act, acceptedCase, caseHall, openCase, refusedCase, runTag, type CaseBody } from './case-support.ts';
import { apiCall, apiSession, chooseOption, E2E_ADMIN_PASSWORD, loginAsAdmin } from './support.ts';

/** The console opens on this centre (the centre switcher remembers the choice in localStorage). */
async function useCentre(page: Page, centreId: string): Promise<void> {
  await page.addInitScript((id) => {
    (globalThis as unknown as { localStorage: { setItem: (k: string, v: string) => void } }).localStorage.setItem('govhall.admin.centre', id);
  }, centreId);
}

async function openMenu(page: Page, label: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: heading, level: 2 })).toBeVisible();
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}

/** Tab until `target` has the focus (at most `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 15): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const rowOf = (page: Page, c: CaseBody) => page.getByRole('row').filter({ hasText: c.caseNumber });

test('§7.5.2.3 refusal reports are reviewed in the console: one confirmed, one overturned back to acceptance (by keyboard), each with an opinion', async ({ page }) => {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  const hall = await caseHall(admin, runTag());
  const kept = await refusedCase(hall, '王维持');
  const reopened = await refusedCase(hall, '赵纠正');

  await useCentre(page, hall.centre.id);
  await loginAsAdmin(page);
  await openMenu(page, '否定事项复核', '否定事项报备复核');
  await expect(page).toHaveURL(/\/admin\/refusal-reviews$/);
  // Pending reports, the applicant masked, with counter, clerk and the review date.
  await expect(rowOf(page, kept)).toContainText('待复核');
  await expect(rowOf(page, kept)).toContainText('王**');
  await expect(rowOf(page, kept)).toContainText(`${hall.counter.number} 号 / ${hall.clerk.name}`);
  await expect(rowOf(page, kept)).toContainText('申请事项不属于本机关职权范围');
  await expect(rowOf(page, kept)).not.toContainText('王维持');

  // Confirm (维持) with the mouse; an opinion is required.
  await rowOf(page, kept).getByRole('button', { name: /复核/ }).click();
  const dialog = page.getByRole('dialog', { name: '复核否定事项' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '提交复核' }).click();
  await expect(dialog.getByText('请填写复核意见')).toBeVisible();
  await dialog.getByLabel('维持（否定理由成立）').check();
  await dialog.getByLabel('复核意见').fill('经核实，该事项由市级部门实施，不予受理理由成立。');
  await dialog.getByRole('button', { name: '提交复核' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已维持否定意见')).toBeVisible();
  await expect(rowOf(page, kept)).toHaveCount(0);

  // Overturn (纠正) with the keyboard only.
  const reviewButton = rowOf(page, reopened).getByRole('button', { name: /复核/ });
  await reviewButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByLabel('维持（否定理由成立）'));
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByLabel('纠正（重新受理）')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('复核意见')).toBeFocused();
  await page.keyboard.type('该事项属本中心进驻部门职权，应予受理，予以纠正。');
  await tabTo(page, dialog.getByRole('button', { name: '提交复核' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已纠正：办件重新进入受理')).toBeVisible();
  await expect(page.getByText('没有待复核的否定事项')).toBeVisible();

  // Both decided, with their opinions, under 全部.
  await page.locator('.ant-segmented').getByText('全部', { exact: true }).click();
  await expect(rowOf(page, kept)).toContainText('维持');
  await expect(rowOf(page, kept)).toContainText('不予受理理由成立');
  await expect(rowOf(page, reopened)).toContainText('纠正');
  await expect(rowOf(page, reopened)).toContainText('予以纠正');
  await page.screenshot({ path: 'test-results/screens/case-reviews-1366.png', fullPage: true });

  // The server agrees: the confirmed refusal stands, the overturned case is back in acceptance.
  const keptCase = await apiCall<{ status: string; refusalReview: { status: string } | null }>(admin, 'get', `/api/v1/cases/${kept.id}`);
  expect(keptCase.status).toBe('refused');
  expect(keptCase.refusalReview?.status).toBe('confirmed');
  const reopenedCase = await apiCall<{ status: string; refusalReview: { status: string } | null }>(admin, 'get', `/api/v1/cases/${reopened.id}`);
  expect(reopenedCase.status).toBe('opened');
  expect(reopenedCase.refusalReview?.status).toBe('overturned');

  // The overturned case's detail: the refusal and the reopening in its events, 受理 running again.
  await rowOf(page, reopened).getByRole('link', { name: `办件 ${reopened.caseNumber}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/cases/${reopened.id}$`));
  await expect(page.getByRole('heading', { name: '办件详情', level: 2 })).toBeVisible();
  await expect(page.getByText(reopened.caseNumber).first()).toBeVisible();
  const events = page.getByRole('region', { name: '办件记录' });
  await expect(events.getByRole('row').filter({ hasText: '不予受理' }).first()).toContainText('申请事项不属于本机关职权范围');
  await expect(events.getByRole('row').filter({ hasText: '复核纠正，重新受理' })).toHaveCount(1);
  const stages = page.getByRole('region', { name: '办理进度' });
  for (const stage of ['咨询', '受理', '办理', '送达', '归档']) await expect(stages.getByText(stage, { exact: true })).toBeVisible();
  await expect(stages).toContainText('进行中');
  // The applicant masked; in full on request (a manager may), the reading audited.
  const applicant = page.getByRole('region', { name: '申请人' });
  await expect(applicant).toContainText('赵**');
  await expect(applicant).not.toContainText('11010519491231002X');
  await applicant.getByRole('button', { name: '显示完整信息' }).click();
  await expect(applicant).toContainText('赵纠正');
  await expect(applicant).toContainText('11010519491231002X');
  await expect(applicant).toContainText('已记入审计');
  await page.screenshot({ path: 'test-results/screens/case-detail-1366.png', fullPage: true });

  // §8.1.2.6: once archived, the confirmed refusal is listed read-only in the archive.
  await act(hall, kept.id, 'archive', { location: '档案室 A-3 柜', retentionYears: 5, medium: 'paper' });
  await openMenu(page, '办件归档', '办件归档');
  await expect(rowOf(page, kept)).toContainText('已归档');
  await expect(rowOf(page, reopened)).toHaveCount(0);
  await rowOf(page, kept).getByRole('link').click();
  await expect(page.getByRole('region', { name: '基本信息' })).toContainText('档案室 A-3 柜');
  // No action on an archived case: the detail only reads.
  await expect(page.getByRole('main').getByRole('button', { name: /受理|归档|决定/ })).toHaveCount(0);
});

test('§8.1.2.4 a case near its due date is on the warning list and highlighted; the case list filters; consultations and settings; 375 px', async ({ page }) => {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  const hall = await caseHall(admin, runTag());
  // One working day promised: due by the end of the next working day, within the 2-day warning.
  const running = await acceptedCase(hall, '孙临近');
  const waiting = await openCase(hall, { name: '周登记' });
  await apiCall(hall.clerkApi, 'post', `/api/v1/centres/${hall.centre.id}/consultations`, {
    applicantName: '钱咨询',
    contact: '13900001234',
    question: '个体工商户变更经营范围需要哪些材料？',
    answer: '需营业执照原件、变更登记申请书；可在政务服务网全程网办。',
    referred: true,
    referredTo: '3 号窗口（市场监管）',
  });

  await useCentre(page, hall.centre.id);
  await loginAsAdmin(page);
  await openMenu(page, '逾期预警', '逾期预警');
  const overdue = page.getByRole('region', { name: '已超期' });
  const dueSoon = page.getByRole('region', { name: '临近到期' });
  await expect(overdue).toContainText('没有符合条件的办件');
  await expect(rowOf(page, running)).toHaveCount(1);
  await expect(dueSoon.getByRole('row').filter({ hasText: running.caseNumber })).toContainText('临近到期');
  await expect(dueSoon.getByRole('row').filter({ hasText: running.caseNumber })).toHaveClass(/case-row-due-soon/);
  await expect(rowOf(page, waiting)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/case-alerts-1366.png', fullPage: true });

  // The list: both cases; by stage, by the due-soon switch.
  await openMenu(page, '办件管理', '办件管理');
  await expect(rowOf(page, running)).toContainText('已受理');
  await expect(rowOf(page, waiting)).toContainText('材料核验中');
  await expect(rowOf(page, waiting)).toContainText('周**');
  await page.getByRole('switch', { name: '临近到期' }).click();
  await expect(rowOf(page, waiting)).toHaveCount(0);
  await expect(rowOf(page, running)).toHaveCount(1);
  await page.getByRole('switch', { name: '临近到期' }).click();
  await expect(rowOf(page, waiting)).toHaveCount(1);
  await chooseOption(page, page.getByRole('combobox', { name: '办理环节' }), /^受理$/);
  await expect(rowOf(page, running)).toHaveCount(0);
  await expect(rowOf(page, waiting)).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screens/cases-1366.png', fullPage: true });

  // The consultation register, masked.
  await openMenu(page, '咨询登记', '咨询登记');
  const consultation = page.getByRole('row').filter({ hasText: '变更经营范围' });
  await expect(consultation).toContainText('钱*');
  await expect(consultation).toContainText('139****1234');
  await expect(consultation).toContainText('已指引：3 号窗口（市场监管）');
  await expect(consultation).not.toContainText('钱咨询');

  // Settings: no warning days, no due-soon list.
  await openMenu(page, '逾期预警', '逾期预警');
  await page.getByRole('link', { name: '办件设置（调整预警天数）' }).click();
  await expect(page.getByRole('heading', { name: '办件设置', level: 2 })).toBeVisible();
  const warn = page.getByLabel('临近到期预警（工作日）');
  await expect(warn).toHaveValue('2');
  await warn.fill('0');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存办件设置')).toBeVisible();
  await openMenu(page, '逾期预警', '逾期预警');
  await expect(page.getByRole('region', { name: '临近到期' })).toContainText('没有符合条件的办件');

  // Phone width: every case page fits.
  await page.setViewportSize({ width: 375, height: 740 });
  for (const [path, shot] of [
    ['cases', 'cases'],
    ['case-alerts', 'case-alerts'],
    ['refusal-reviews', 'refusal-reviews'],
    ['consultations', 'consultations'],
    ['case-archive', 'case-archive'],
    ['case-settings', 'case-settings'],
    [`cases/${running.id}`, 'case-detail'],
  ] as const) {
    await page.goto(`/admin/${path}`);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await expect(page.locator('.ant-alert-error')).toHaveCount(0);
    expect(await horizontalOverflow(page), `${path} fits 375 px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screens/admin-${shot}-375.png`, fullPage: true });
  }
});
