/**
 * Case handling at the counter workstation (issue 5; DB36/T 2016 §8.1.2): a ticket is
 * called (F1) and served (F3); 开始办件 (B) opens the case panel, where the clerk records
 * the applicant (the GB 11643 check warns as typed, the server's refusal lands at the
 * field), checks the materials of the published guide (a shared material is never asked,
 * §8.1.2.3c) and accepts; the acceptance notice is a PDF. In the case's detail the
 * back-office steps, the decision, pickup with an identity check and the archive follow
 * (§8.1.2.4–§8.1.2.6), and the timeline shows the five stages (§8.1.2.1). A refusal needs
 * its reason and legal basis (§7.5.2.3); a consultation prints its one-time notice
 * (§8.1.2.2). axe-core finds no serious or critical violation on the case panel.
 *
 * A centre of its own, open around the clock (support.ts createOpenCentre), with one
 * published item: a 容缺 material, a shared one (营业执照), a 5-working-day promise.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { FIXTURE_USCC, flags, guide, material } from '../src/domain/catalogue/test-fixtures.ts';
import { E2E_ADMIN_PASSWORD, apiCall, apiSession, createOpenCentre, type ApiSession, type OpenCentre } from './support.ts';

const ID_NUMBER = '11010519491231002X';
/** The same number with a wrong check character (GB 11643). */
const BAD_ID_NUMBER = '110105194912310021';

interface Hall extends OpenCentre {
  readonly admin: ApiSession;
  readonly clerkApi: ApiSession;
  readonly itemName: string;
}

async function hall(): Promise<Hall> {
  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  // Digits in it: the clerk's password (support.ts) must hold a digit.
  const run = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1296).toString(36)}`;
  const open = await createOpenCentre(admin, run, { counterNumber: '5', prefix: 'A' });
  const c = open.centre.id;
  const dept = await apiCall<{ id: string }>(admin, 'post', `/api/v1/centres/${c}/departments`, { name: '县市场监督管理局', shortName: '市场监管' });
  const basic = `${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const itemName = `食品经营许可证核发${run}`;
  const item = await apiCall<{ id: string }>(admin, 'post', `/api/v1/centres/${c}/items`, {
    departmentId: dept.id,
    level: 'main',
    basicCode: basic,
    implementationCode: `${FIXTURE_USCC}3${basic}`,
    guide: guide({
      name: itemName,
      promisedTimeLimit: { value: 5, unit: 'working_day' },
      materials: [
        material({ name: '居民身份证' }),
        material({ name: '食品经营许可申请书', issuingBody: null, copies: 0 }),
        material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: '场所装修未完成', completionDeadline: { value: 3, unit: 'working_day' } } }),
        material({ name: '营业执照', issuingBody: '市场监督管理局', viaDataSharing: true, required: false, originals: 0, copies: 0 }),
      ],
      flags: flags({ toleranceAcceptance: true }),
    }),
  });
  await apiCall(admin, 'post', `/api/v1/items/${item.id}/versions/1/submit`, {}, 200);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await apiCall(admin, 'post', `/api/v1/items/${item.id}/versions/1/approve`, { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: today }, 200);
  // The queue takes tickets for this item: the case panel suggests it.
  await apiCall(admin, 'patch', `/api/v1/queues/${open.queue.id}`, { itemIds: [item.id] }, 200);
  const clerkApi = await apiSession(open.clerk.username, open.clerk.password);
  return { ...open, admin, clerkApi, itemName };
}

const codeOf = async (res: { json: () => Promise<unknown> }) => ((await res.json()) as { error?: { code?: string } }).error?.code;

/** A ticket issued at the counter; on a weekend an appointment check-in (§8.1.3.5); none on a public holiday. */
async function issue(h: Hall): Promise<{ id: string; number: string }> {
  const post = (source: string) => h.clerkApi.api.post(`/api/v1/centres/${h.centre.id}/tickets`, { headers: { 'x-csrf-token': h.clerkApi.csrf }, data: { queueId: h.queue.id, source } });
  let res = await post('counter');
  if (res.status() === 422 && (await codeOf(res)) === 'CENTRE_APPOINTMENT_ONLY') res = await post('appointment');
  test.skip(res.status() === 422 && (await codeOf(res)) === 'CENTRE_CLOSED_NOW', 'a public holiday: the centre issues no tickets today');
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; number: string };
}

/** The clerk logs in at the workstation and signs in to counter 5 by its number and Enter. */
async function signIn(page: Page, h: Hall): Promise<void> {
  await page.goto('/counter/');
  await page.getByLabel('用户名').fill(h.clerk.username);
  await page.getByLabel('密码').fill(h.clerk.password);
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('button', { name: `签到 ${h.counter.number} 号窗口（${h.counter.name}）` })).toBeVisible();
  await page.getByLabel('查找窗口').fill(h.counter.number);
  await page.getByLabel('查找窗口').press('Enter');
  await expect(page.getByRole('heading', { name: new RegExp(`^${h.counter.number} 号窗口`) })).toBeVisible();
  await expect(page.getByTestId('counter-status')).toHaveText('服务中');
}

/** F1 calls the ticket, F3 starts serving it. */
async function callAndServe(page: Page, number: string): Promise<void> {
  await expect(page.getByRole('table', { name: /等候队列/ })).toContainText(number);
  await page.keyboard.press('F1');
  await expect(page.getByTestId('current-number')).toHaveText(number);
  await page.keyboard.press('F3');
  await expect(page.getByTestId('current-status')).toHaveText('办理中');
}

/** The link opens in a new tab and answers a PDF (the notice for the applicant). */
async function expectPdf(page: Page, link: Locator): Promise<void> {
  await expect(link).toHaveAttribute('target', '_blank');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\.pdf$/);
  const res = await page.request.get(href!);
  expect(res.status(), `${href}: ${res.status()}`).toBe(200);
  expect(res.headers()['content-type']).toContain('application/pdf');
  expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

/** axe-core inside `scope`: the serious and critical violations, described. */
async function seriousViolations(page: Page, scope: Locator): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const results = await scope.evaluate((el) => (globalThis as unknown as { axe: { run: (context: unknown) => Promise<AxeResults> } }).axe.run(el));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Chooses the radio button `name` in `scope` (antd's button-style radios hide their input under the label). */
const choose = (scope: Locator, name: string) => scope.locator('label', { has: scope.page().getByRole('radio', { name, exact: true }) }).click();

const materialRow = (panel: Locator, name: string) => panel.getByTestId('material-row').filter({ hasText: name });

test('a case from the ticket in service to the archive: applicant, checklist, acceptance notice, steps, decision, pickup, archive, timeline', async ({ page }) => {
  // A whole case through the screens: long on a busy machine.
  test.slow();
  const h = await hall();
  const ticket = await issue(h);
  await signIn(page, h);
  await callAndServe(page, ticket.number);

  // B opens the case panel for the ticket in service; the queue's item is chosen and its checklist shown.
  await page.keyboard.press('b');
  const panel = page.getByRole('dialog', { name: `开始办件 · ${ticket.number} 号` });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('material-row')).toHaveCount(4);
  await expect(panel.getByText(new RegExp(h.itemName)).first()).toBeVisible();
  // §8.1.2.3c: the business licence comes by data sharing, not from the applicant, and cannot be changed.
  await expect(materialRow(panel, '营业执照')).toContainText('数据共享获取，无需提交');
  await expect(materialRow(panel, '营业执照').getByRole('radio')).toHaveCount(0);
  // 容缺 only for the material that allows it (§8.2.7).
  await expect(materialRow(panel, '经营场所照片').getByRole('radio', { name: '容缺' })).toHaveCount(1);
  await expect(materialRow(panel, '居民身份证').getByRole('radio', { name: '容缺' })).toHaveCount(0);

  // The applicant; a wrong check character warns at once (GB 11643).
  await panel.getByLabel('申请人姓名').fill('张三丰');
  await panel.getByLabel('证件号码').fill(BAD_ID_NUMBER);
  await expect(panel.getByText('居民身份证号码校验码不正确（GB 11643），请核对号码')).toBeVisible();
  await panel.getByLabel('联系电话').fill('13812345678');

  // Every material checked; with one missing only correction or refusal is offered.
  await panel.getByRole('button', { name: '全部已收' }).click();
  await choose(materialRow(panel, '食品经营许可申请书'), '缺');
  await expect(panel.getByRole('radio', { name: '受理', exact: true })).toBeDisabled();
  await expect(panel.getByRole('radio', { name: '一次性告知补正' })).toBeEnabled();
  await choose(materialRow(panel, '食品经营许可申请书'), '已收');
  await choose(panel, '受理');
  await expect(panel.getByText('需核验 3 项，已收 3 项')).toBeVisible();

  // No serious or critical accessibility violation on the case panel.
  expect(await seriousViolations(page, panel)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/case-panel-1366.png' });

  // Ctrl+Enter: the server refuses the ID number, at the field; nothing is opened.
  await panel.getByLabel('联系电话').press('Control+Enter');
  await expect(panel.getByText(/不正确：出生日期或校验码不正确（GB 11643）/)).toBeVisible();
  await expect(panel.getByTestId('case-opened')).toHaveCount(0);
  await panel.getByLabel('证件号码').fill(ID_NUMBER);
  await expect(panel.getByText(/GB 11643/)).toHaveCount(0);
  await panel.getByLabel('证件号码').press('Control+Enter');

  // Accepted: the case number, the promised due date, the acceptance notice as a PDF.
  await expect(panel.getByTestId('case-done')).toContainText('受理：办件编号');
  await expect(panel).toContainText('剩余 5 个工作日');
  const notice = panel.getByRole('link', { name: '打开受理通知书（PDF）' });
  await expect(notice).toBeFocused();
  await expectPdf(page, notice);
  await expect(panel.getByRole('button', { name: '打印受理通知书' })).toBeVisible();
  const caseNumber = ((await panel.getByTestId('case-done').innerText()).match(/办件编号\s*(\S+)/) ?? [])[1]!;

  // The case's detail: the back-office steps (§8.1.2.4).
  await panel.getByRole('button', { name: '查看办件详情' }).click();
  const detail = page.getByRole('dialog', { name: `办件 ${caseNumber}` });
  await expect(detail.getByTestId('case-status')).toHaveText('已受理');
  await expect(detail.getByTestId('case-remaining')).toHaveText('剩余 5 个工作日');
  const act = async (button: string, fill?: (dialog: Locator) => Promise<void>) => {
    await detail.getByRole('group', { name: '办件操作' }).getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${button} · ${caseNumber}` });
    await expect(dialog).toBeVisible();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  };
  await act('开始办理环节', async (d) => {
    await expect(d.getByText('审查', { exact: true })).toBeVisible();
    await expect(d.getByLabel('办理人')).toHaveValue(h.clerk.name);
  });
  await expect(detail.getByTestId('case-status')).toHaveText('办理中');
  await expect(detail.getByRole('table', { name: '办理环节' })).toContainText('审查');
  await act('完成办理环节', (d) => d.getByLabel('办理意见（选填）').fill('材料齐全，符合许可条件'));
  await act('作出决定', async (d) => {
    await expect(d.getByRole('radio', { name: '准予' })).toBeChecked();
  });
  await expect(detail.getByTestId('case-status')).toHaveText('已办结待送达');

  // Delivery (§8.1.2.5): notify pickup, then picked up with the identity checked.
  await act('通知领取');
  await expect(detail.getByTestId('case-status')).toHaveText('待领取');
  await act('已领取（核验身份）', async (d) => {
    await d.getByLabel('领取人姓名').fill('张三丰');
    await d.getByLabel('证件号码').fill(ID_NUMBER);
    await d.getByLabel('已核验领取人身份（证件与本人一致）').check();
  });
  await expect(detail.getByTestId('case-status')).toHaveText('已送达');
  await expectPdf(page, detail.getByRole('link', { name: '打开送达回证（PDF）' }));

  // Archive (§8.1.2.6) with its place and retention.
  await act('资料归档', async (d) => {
    await d.getByLabel('档案存放位置').fill('档案室 A 区 3 号柜');
    await expect(d.getByLabel('保存期限（年）')).toHaveValue('5');
  });
  await expect(detail.getByTestId('case-status')).toHaveText('已归档');
  await expect(detail).toContainText('已归档，只能查阅。');

  // The timeline: five stages (§8.1.2.1); no consultation before this case, the other four done.
  const stages = detail.getByRole('list', { name: '办件时间轴' }).getByTestId('timeline-stage');
  await expect(stages).toHaveCount(5);
  const expected: [string, string][] = [
    ['咨询', '未经过'],
    ['受理', '已完成'],
    ['办理', '已完成'],
    ['送达', '已完成'],
    ['归档', '已完成'],
  ];
  for (const [i, [label, state]] of expected.entries()) {
    await expect(stages.nth(i)).toContainText(label);
    await expect(stages.nth(i)).toContainText(state);
  }
  await expect(stages.nth(1)).toContainText(`${h.counter.number} 号窗口`);
  await expect(stages.nth(1)).toContainText('用时');
  await page.screenshot({ path: 'test-results/screens/case-detail-1366.png' });

  // The server agrees.
  const list = await apiCall<{ items: { id: string; caseNumber: string }[] }>(h.clerkApi, 'get', `/api/v1/centres/${h.centre.id}/cases`);
  const id = list.items.find((c) => c.caseNumber === caseNumber)!.id;
  const stored = await apiCall<{ status: string; ticketId: string; events: { type: string }[]; timeline: { stage: string; state: string }[] }>(h.clerkApi, 'get', `/api/v1/cases/${id}`);
  expect(stored.status).toBe('archived');
  expect(stored.ticketId).toBe(ticket.id);
  expect(stored.events.map((e) => e.type)).toEqual(['opened', 'accepted', 'step_started', 'step_finished', 'decided', 'pickup_notified', 'picked_up', 'archived']);
  expect(stored.timeline.map((s) => s.state)).toEqual(['skipped', 'done', 'done', 'done', 'done']);

  // 今日办件 (J) lists it as archived; F4 finishes the ticket with 已受理 suggested.
  await detail.locator('.ant-drawer-close').click();
  await expect(detail).toBeHidden();
  await page.keyboard.press('j');
  const today = page.getByRole('dialog', { name: '今日办件（本人经办）' });
  await expect(today.getByTestId('case-row').filter({ hasText: caseNumber })).toContainText('已归档');
  await today.locator('.ant-drawer-close').click();
  await expect(today).toBeHidden();
  await page.keyboard.press('F4');
  const finish = page.getByRole('dialog', { name: `办结 ${ticket.number} 号` });
  await expect(finish.getByRole('radio', { name: /已受理/ })).toBeChecked();
  await expect(finish.getByRole('radio', { name: /已受理/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('feedback')).toContainText(`${ticket.number} 号已办结`);
  await h.admin.api.dispose();
  await h.clerkApi.api.dispose();
});

test('a refusal needs its reason and legal basis (§7.5.2.3), at the fields; the refusal notice and a consultation’s one-time notice are PDFs', async ({ page }) => {
  const h = await hall();
  const ticket = await issue(h);
  await signIn(page, h);
  await callAndServe(page, ticket.number);

  await page.keyboard.press('b');
  const panel = page.getByRole('dialog', { name: `开始办件 · ${ticket.number} 号` });
  await expect(panel.getByTestId('material-row')).toHaveCount(4);
  await panel.getByLabel('申请人姓名').fill('李四');
  await panel.getByLabel('证件号码').fill(ID_NUMBER);
  await panel.getByLabel('联系电话').fill('13912345678');
  await choose(panel, '不予受理');

  // Empty reason and legal basis: each refused at its field, nothing opened.
  await panel.getByRole('button', { name: /确认不予受理/ }).click();
  await expect(panel.getByText('不予受理须说明理由（§7.5.2.3）')).toBeVisible();
  await expect(panel.getByText('不予受理须写明法律依据')).toBeVisible();
  await expect(panel.getByTestId('case-opened')).toHaveCount(0);
  await panel.getByLabel('不予受理的理由').fill('申请事项不属于本机关职权范围');
  await panel.getByLabel('法律依据').fill('《中华人民共和国行政许可法》第三十二条第一款第二项');
  await panel.getByLabel('法律依据').press('Control+Enter');

  await expect(panel.getByTestId('case-done')).toContainText('不予受理：办件编号');
  await expect(panel).toContainText('自动报备复核');
  await expectPdf(page, panel.getByRole('link', { name: '打开不予受理通知书（PDF）' }));
  const caseNumber = ((await panel.getByTestId('case-done').innerText()).match(/办件编号\s*(\S+)/) ?? [])[1]!;
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('feedback')).toContainText(`办件 ${caseNumber}：不予受理`);

  const list = await apiCall<{ items: { id: string; caseNumber: string; status: string }[] }>(h.clerkApi, 'get', `/api/v1/centres/${h.centre.id}/cases?status=refused`);
  const refused = list.items.find((c) => c.caseNumber === caseNumber)!;
  const stored = await apiCall<{ detail: { refusal: { reason: string; legalBasis: string } }; refusalReview: { status: string } | null }>(h.clerkApi, 'get', `/api/v1/cases/${refused.id}`);
  expect(stored.detail.refusal).toMatchObject({ reason: '申请事项不属于本机关职权范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第二项' });
  expect(stored.refusalReview?.status).toBe('pending');

  // F4: the outcome 不予受理 is suggested.
  await page.keyboard.press('F4');
  const finish = page.getByRole('dialog', { name: `办结 ${ticket.number} 号` });
  await expect(finish.getByRole('radio', { name: /不予受理/ })).toBeChecked();
  await expect(finish.getByRole('radio', { name: /不予受理/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(finish).toBeHidden();

  // Z: a consultation with a referral; its one-time notice (§8.1.2.2).
  await page.keyboard.press('z');
  const consult = page.getByRole('dialog', { name: '咨询登记（一次性告知）' });
  await expect(consult.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('王五');
  await consult.getByLabel('咨询内容').fill('办理不动产转移登记需要哪些材料？');
  await consult.getByLabel('答复（一次性告知办理条件、材料、流程）').fill('需身份证、不动产权证书、买卖合同和完税证明，到不动产登记专区办理。');
  await consult.getByLabel(/已指引至其他区域/).check();
  await consult.getByRole('button', { name: /登记/ }).click();
  await expect(consult.getByText('请写明指引去向')).toBeVisible();
  await consult.getByLabel('指引去向').fill('二楼不动产登记专区 32 号窗口');
  await consult.getByLabel('指引去向').press('Control+Enter');
  const recorded = page.getByRole('dialog', { name: '咨询已登记' });
  await expect(recorded).toContainText('已指引至：二楼不动产登记专区 32 号窗口');
  await expectPdf(page, recorded.getByRole('link', { name: '打开一次性告知书（PDF）' }));
  await h.admin.api.dispose();
  await h.clerkApi.api.dispose();
});

test('一次性告知补正, resubmitted and accepted with deficiency (容缺, §8.2.7); the clock stopped, resumed and extended; a refusal decided with reasons; posted, signed for, archived', async ({ page }) => {
  // A whole case through the screens: long on a busy machine.
  test.slow();
  const h = await hall();
  const ticket = await issue(h);
  await signIn(page, h);
  await callAndServe(page, ticket.number);

  await page.keyboard.press('b');
  const panel = page.getByRole('dialog', { name: `开始办件 · ${ticket.number} 号` });
  await expect(panel.getByTestId('material-row')).toHaveCount(4);
  await panel.getByLabel('申请人姓名').fill('赵六');
  await panel.getByLabel('证件号码').fill(ID_NUMBER);
  await panel.getByLabel('联系电话').fill('13712345678');
  await panel.getByRole('button', { name: '全部已收' }).click();
  // One form not as required (what is wrong is required), one photo missing: 一次性告知 lists both at once (§8.1.2.3b).
  await choose(materialRow(panel, '食品经营许可申请书'), '不符合要求');
  await choose(materialRow(panel, '经营场所照片'), '缺');
  await choose(panel, '一次性告知补正');
  await panel.getByRole('button', { name: /出具一次性告知书/ }).click();
  await expect(panel.getByText('不符合要求的，须写明需补正的内容')).toBeVisible();
  await panel.getByLabel('食品经营许可申请书 需补正的内容').fill('申请人未签名');
  const list = panel.getByRole('group', { name: '需一次性告知补正的材料' });
  await expect(list).toContainText('食品经营许可申请书：申请人未签名');
  await expect(list).toContainText('经营场所照片：未提交');
  await panel.getByLabel('食品经营许可申请书 需补正的内容').press('Control+Enter');
  await expect(panel.getByTestId('case-done')).toContainText('一次性告知补正：办件编号');
  await expectPdf(page, panel.getByRole('link', { name: '打开一次性告知书（PDF）' }));
  const caseNumber = ((await panel.getByTestId('case-done').innerText()).match(/办件编号\s*(\S+)/) ?? [])[1]!;

  // The applicant comes back: resubmitted, the panel takes the case on with its checklist kept.
  await panel.getByRole('button', { name: '查看办件详情' }).click();
  const detail = page.getByRole('dialog', { name: `办件 ${caseNumber}` });
  await expect(detail.getByTestId('case-status')).toHaveText('待补正');
  const act = async (button: string, fill?: (dialog: Locator) => Promise<void>) => {
    await detail.getByRole('group', { name: '办件操作' }).getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${button} · ${caseNumber}` });
    await expect(dialog).toBeVisible();
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  };
  await act('补正后重新提交');
  const again = page.getByRole('dialog', { name: `继续受理 · 办件 ${caseNumber}` });
  await expect(again.getByTestId('case-opened')).toContainText(caseNumber);
  await expect(materialRow(again, '食品经营许可申请书').getByRole('radio', { name: '不符合要求' })).toBeChecked();
  await choose(materialRow(again, '食品经营许可申请书'), '已收');
  await choose(materialRow(again, '经营场所照片'), '容缺');
  await expect(again.getByRole('radio', { name: '受理', exact: true })).toBeDisabled();
  await choose(again, '容缺受理');
  await expect(again.getByText('容缺材料：经营场所照片')).toBeVisible();
  await expect(again.getByLabel('申请人补齐承诺')).toHaveValue(/3 个工作日内补齐“经营场所照片”/);
  await again.getByLabel('申请人补齐承诺').press('Control+Enter');
  await expect(again.getByTestId('case-done')).toContainText('容缺受理：办件编号');
  await expect(again).toContainText('容缺材料须在');
  await expectPdf(page, again.getByRole('link', { name: '打开容缺受理通知书（PDF）' }));

  // The tolerated photo handed in; the clock stopped with kind, reason and approver, resumed, extended (§8.1.2.4).
  await again.getByRole('button', { name: '查看办件详情' }).click();
  await expect(detail.getByTestId('case-status')).toHaveText('已受理');
  await act('补齐容缺材料', async (d) => {
    await expect(d.getByLabel('经营场所照片')).toBeChecked();
  });
  await expect(detail).toContainText('已全部补齐');
  await act('暂停计时', async (d) => {
    await d.getByLabel('专家评审').check();
    await d.getByLabel('暂停理由').fill('组织专家现场核查');
    await d.getByLabel('批准人').fill('王科长');
  });
  await expect(detail.getByTestId('case-status')).toHaveText('暂停计时');
  await act('恢复计时', (d) => d.getByLabel('说明（选填）').fill('核查完毕'));
  await expect(detail.getByTestId('case-status')).toHaveText('已受理');
  await act('延长办理时限', async (d) => {
    await d.getByLabel('延长理由').fill('需补充征求相关部门意见');
    await d.getByLabel('批准人').fill('王科长');
  });
  await expect(detail.getByTestId('case-remaining')).toHaveText(/剩余 \d+ 个工作日/);

  // A refusal decision needs its reasons (§8.1.2.4b), at the field.
  await detail.getByRole('group', { name: '办件操作' }).getByRole('button', { name: '作出决定', exact: true }).click();
  const decide = page.getByRole('dialog', { name: `作出决定 · ${caseNumber}` });
  await choose(decide, '不予');
  await decide.getByRole('button', { name: '作出决定', exact: true }).click();
  await expect(decide.getByText('不予决定须详细说明理由或改正意见（§8.1.2.4b）')).toBeVisible();
  await decide.getByLabel('不予决定的理由或改正意见').fill('经营场所与许可条件不符，建议整改后重新申请');
  await decide.getByRole('button', { name: '作出决定', exact: true }).click();
  await expect(decide).toBeHidden();
  await expect(detail.getByTestId('case-status')).toHaveText('已办结待送达');

  // Posted with address, carrier and tracking number, then signed for (§8.1.2.5); archived.
  await act('邮寄送达', async (d) => {
    await d.getByLabel('寄递地址').fill('江西省南昌市新建区长征路 1 号');
    await d.getByLabel('运单号').fill('EMS1234567890');
  });
  await expect(detail.getByTestId('case-status')).toHaveText('已寄出');
  await act('确认签收', (d) => d.getByLabel('签收人（选填）').fill('赵六'));
  await expect(detail.getByTestId('case-status')).toHaveText('已送达');
  await act('资料归档', (d) => d.getByLabel('档案存放位置').fill('档案室 B 区 1 号柜'));
  await expect(detail.getByTestId('case-status')).toHaveText('已归档');

  const rows = await apiCall<{ items: { id: string; caseNumber: string }[] }>(h.clerkApi, 'get', `/api/v1/centres/${h.centre.id}/cases`);
  const id = rows.items.find((c) => c.caseNumber === caseNumber)!.id;
  const stored = await apiCall<{ mode: string; decision: string; suspendedSeconds: number; events: { type: string }[] }>(h.clerkApi, 'get', `/api/v1/cases/${id}`);
  expect(stored.mode).toBe('tolerance');
  expect(stored.decision).toBe('reject');
  expect(stored.events.map((e) => e.type)).toEqual([
    'opened',
    'correction_requested',
    'resubmitted',
    'accepted',
    'tolerance_completed',
    'suspended',
    'resumed',
    'extended',
    'decided',
    'posted',
    'delivered',
    'archived',
  ]);
  await h.admin.api.dispose();
  await h.clerkApi.api.dispose();
});
