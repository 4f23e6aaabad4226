/**
 * The whole hall, end to end (issue 4 "Browser tests"; DB36/T 2016 §5.2.2 排队取号机 and
 * 显示屏, §5.2.2.1 适老化 spoken calls, §7.1.5 取号秩序, §7.1.6.2 综合窗口): three devices
 * in one browser, each in a context of its own, as in a real hall —
 *   1. the hall display, set up with a display device token, speech switched on;
 *   2. the kiosk, set up with a kiosk device token, where a citizen takes a number;
 *   3. the counter workstation, where a clerk logs in, signs in to counter 5 and calls.
 * Every step is done through the screens; the API only prepares the centre. The number
 * is read from the kiosk's ticket screen, then followed to the workstation and to the
 * display, which must show it with its counter and speak it.
 *
 * Speech: `speechSynthesis.speak` is replaced in the display page by a recorder of the
 * utterances it is handed (display.spec.ts does the same); the sentence is the page's own
 * work from the `ticket.called` event.
 *
 * A centre of its own, open around the clock (support.ts createOpenCentre), so the test
 * runs at any hour. Walk-in tickets are issued only on statutory working days (§8.1.3.5:
 * weekends serve appointments only, holidays nobody), and the kiosk issues walk-in
 * tickets only: on other days the test is skipped, saying why.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_BASE_URL, apiCall, apiSession, createDeviceToken, createOpenCentre } from './support.ts';

const DIGITS = '零一二三四五六七八九';

/** Digits one by one, as a ticket number is read out (A012 → A零一二). */
function spokenDigits(text: string): string {
  return text.replace(/\d/g, (d) => DIGITS[Number(d)]!);
}

interface Utterance {
  readonly text: string;
  readonly lang: string;
  readonly rate: number;
}

/** The page's globals the recorders touch (the server's tsconfig has no DOM types). */
interface PageGlobals {
  __spoken: Utterance[];
  __prints: number;
  speechSynthesis: { speak(u: Utterance): void };
  print: () => void;
}

/** Installs the speech recorder before any script of the page runs. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    const spoken: Utterance[] = [];
    g.__spoken = spoken;
    g.speechSynthesis.speak = (u: Utterance) => {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
    };
  });
}

const spoken = (page: Page) => page.evaluate(() => [...(globalThis as unknown as PageGlobals).__spoken]);
const spokenTimes = async (page: Page, text: string) => (await spoken(page)).filter((u) => u.text === text).length;

/** Printing is a no-op in a headless browser: the kiosk's calls are counted instead. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__prints = 0;
    g.print = () => {
      g.__prints += 1;
    };
  });
}

const prints = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).__prints);

/** A device of its own: own storage, cookies and session, as a separate machine in the hall. */
function device(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return browser.newContext({ baseURL: E2E_BASE_URL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const msToShanghaiMidnight = () => DAY_MS - ((Date.now() + SHANGHAI_OFFSET_MS) % DAY_MS);
const shanghaiDate = () => new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

test('a number taken at the kiosk is called at the workstation (F1), shown and spoken on the hall display, and spoken again on recall (F2)', async ({ page, browser }) => {
  // Times are `HH:MM` up to 23:59, so no centre serves in the last minute of a day: a run
  // that would issue then waits for the new day instead (and may take longer).
  const untilMidnight = msToShanghaiMidnight();
  if (untilMidnight < 150_000) {
    test.setTimeout(test.info().timeout + untilMidnight + 5_000);
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 2_000));
  }

  const admin = await apiSession('admin', E2E_ADMIN_PASSWORD);
  const run = String(Date.now() % 1_000_000);
  const { centre, queue, counter, clerk } = await createOpenCentre(admin, run, { counterNumber: '5', prefix: 'A' });
  const c = centre.id;

  // §8.1.3.5: the kiosk issues walk-in tickets on statutory working days only.
  const today = await apiCall<{ kind: string; name?: string }>(admin, 'get', `/api/v1/calendar/days/${shanghaiDate()}?centreId=${c}`);
  test.skip(
    !['workday', 'makeup-workday'].includes(today.kind),
    `${shanghaiDate()} is not a statutory working day (${today.kind}${today.name ? ` ${today.name}` : ''}): the kiosk issues no walk-in tickets today (DB36/T 2016 §8.1.3.5)`,
  );

  // The centre's voice: each call spoken twice, a little slower; recalls allowed twice, so
  // the first one is announced as 再次呼叫 (not 最后一次呼叫).
  const settings = await apiCall<{ recallLimit: number; voice: { repeat: number; rate: number } }>(admin, 'put', `/api/v1/centres/${c}/queue-settings`, {
    recallLimit: 2,
    voice: { repeat: 2, rate: 0.8 },
  });
  expect(settings).toMatchObject({ recallLimit: 2, voice: { repeat: 2, rate: 0.8 } });
  const displayToken = (await createDeviceToken(admin, c, 'display', '一楼大厅显示屏')).token;
  const kioskToken = (await createDeviceToken(admin, c, 'kiosk', '一楼大厅取号机')).token;

  const problems: string[] = [];
  const kioskContext = await device(browser, { width: 1080, height: 1920 });
  const counterContext = await device(browser, { width: 1366, height: 768 });
  try {
    // --- 1. The hall display, set up with its device token; a click switches speech on.
    const display = page;
    display.on('pageerror', (e) => problems.push(`display: ${e.message}`));
    await recordSpeech(display);
    await display.setViewportSize({ width: 1920, height: 1080 });
    await display.goto('/display/hall');
    await display.getByLabel('设备令牌').fill(displayToken);
    await display.getByRole('button', { name: '连接' }).click();
    await expect(display.getByLabel('政务服务中心')).toHaveValue(c);
    await display.getByRole('button', { name: '开始显示' }).click();
    await expect(display).toHaveURL(/\/display\/hall$/);
    await display.getByRole('button', { name: /点击开启语音播报/ }).click();
    await expect(display.getByRole('button', { name: /点击开启语音播报/ })).toHaveCount(0);
    const hall = display.getByTestId('hall-display');
    await expect(hall).toContainText(centre.name);
    await expect(hall).toContainText('暂无叫号');
    await expect(display.locator(`[data-queue="${queue.prefix}"] td.col-waiting`)).toHaveText('0');

    // --- 2. The kiosk, set up with its device token: a citizen takes a number by category,
    // leaves the optional phone, ID number and priority empty, and gets the ticket.
    const kiosk = await kioskContext.newPage();
    kiosk.on('pageerror', (e) => problems.push(`kiosk: ${e.message}`));
    await countPrints(kiosk);
    await kiosk.goto('/kiosk/');
    await expect(kiosk.getByRole('heading', { level: 1, name: '取号机设置' })).toBeVisible();
    await kiosk.getByLabel('设备令牌').fill(kioskToken);
    await kiosk.getByRole('button', { name: '保存并启动' }).click();
    await expect(kiosk.locator('.k-centre')).toHaveText(centre.name);
    await expect(kiosk.getByRole('heading', { level: 1, name: '请选择取号方式' })).toBeVisible();
    await kiosk.getByRole('button', { name: /按业务类别/ }).click();
    await expect(kiosk.getByRole('heading', { level: 1, name: '按业务类别取号' })).toBeVisible();
    await kiosk.getByRole('button', { name: new RegExp(`^${queue.name}`) }).click();
    await expect(kiosk.getByRole('heading', { level: 1, name: '确认取号信息' })).toBeVisible();
    await expect(kiosk.getByRole('textbox', { name: /手机号码/ })).toHaveValue('');
    await expect(kiosk.getByRole('textbox', { name: /身份证号码/ })).toHaveValue('');
    await kiosk.getByRole('button', { name: '确认取号' }).click();
    await expect(kiosk.getByRole('heading', { level: 1, name: '取号成功，请取走号票' })).toBeVisible();
    const number = (await kiosk.locator('.k-number').innerText()).trim();
    // Numbers run per queue per day from 001: the first ticket of this centre's queue.
    expect(number).toBe(`${queue.prefix}001`);
    const slip = kiosk.getByTestId('ticket-slip');
    await expect(slip.locator('.slip-number')).toContainText(number);
    await expect(slip).toContainText(queue.name);
    await expect(slip).toContainText('前面等候0 人');
    await expect(slip.getByTestId('ticket-qr')).toHaveAttribute('aria-label', new RegExp(number));
    await expect.poll(() => prints(kiosk)).toBe(1);
    // The display follows the waiting count live (queue.stats).
    await expect(display.locator(`[data-queue="${queue.prefix}"] td.col-waiting`)).toHaveText('1');

    // --- 3. The clerk logs in at the workstation, signs in to counter 5 by its number and Enter.
    const workstation = await counterContext.newPage();
    workstation.on('pageerror', (e) => problems.push(`workstation: ${e.message}`));
    await workstation.goto('/counter/');
    await workstation.getByLabel('用户名').fill(clerk.username);
    await workstation.getByLabel('密码').fill(clerk.password);
    await workstation.getByLabel('密码').press('Enter');
    await expect(workstation.getByRole('heading', { name: /选择窗口签到/ })).toBeVisible();
    // The counter list is loaded before Enter looks the number up in it.
    await expect(workstation.getByRole('button', { name: `签到 ${counter.number} 号窗口（${counter.name}）` })).toBeVisible();
    await workstation.getByLabel('查找窗口').fill(counter.number);
    await workstation.getByLabel('查找窗口').press('Enter');
    await expect(workstation.getByRole('heading', { name: new RegExp(`^${counter.number} 号窗口`) })).toBeVisible();
    await expect(workstation.getByTestId('counter-status')).toHaveText('服务中');
    await expect(workstation.getByTestId('clerk')).toContainText(clerk.name);
    await expect(workstation.getByTestId('current-number')).toHaveText('—');
    await expect(workstation.getByRole('table', { name: /等候队列/ })).toContainText(number);
    await expect(workstation.getByTestId('waiting-count')).toHaveText('1 人');

    // F1 calls the next ticket of the pool: the kiosk's number.
    await workstation.keyboard.press('F1');
    await expect(workstation.getByTestId('current-number')).toHaveText(number);
    await expect(workstation.getByTestId('current-status')).toHaveText('已叫号');
    await expect(workstation.getByTestId('feedback')).toContainText(`已呼叫 ${number} 号`);

    // The display shows it with its counter and speaks it: the number digit by digit, the
    // counter as a number, in Mandarin, as often and as fast as the centre's voice says.
    await expect(display.getByTestId('call-now-number')).toHaveText(number);
    await expect(display.getByTestId('call-now-counter')).toHaveText(`${counter.number}号窗口`);
    await expect(display.getByTestId('call-now-text')).toHaveText(`请${number}号到${counter.number}号窗口办理`);
    await expect(display.locator(`[data-queue="${queue.prefix}"] td.col-waiting`)).toHaveText('0');
    expect(counter.number).toMatch(/^[1-9]$/); // a one-digit counter is read as its digit
    const sentence = `请${spokenDigits(number)}号到${spokenDigits(counter.number)}号窗口办理`;
    expect(sentence).toBe('请A零零一号到五号窗口办理');
    await expect.poll(() => spokenTimes(display, sentence)).toBe(settings.voice.repeat);
    for (const u of (await spoken(display)).filter((s) => s.text === sentence)) {
      expect(u.lang).toBe('zh-CN');
      expect(u.rate).toBeCloseTo(settings.voice.rate);
    }

    // --- F2 recalls: the workstation counts it, the display shows and speaks it again.
    await workstation.keyboard.press('F2');
    await expect(workstation.getByTestId('feedback')).toContainText(`已重呼 ${number} 号（第 1 次重呼）`);
    await expect(workstation.getByTestId('current-number')).toHaveText(number);
    await expect(display.getByTestId('call-now-number')).toHaveText(number);
    await expect(display.getByTestId('call-now-text')).toContainText('再次呼叫');
    await expect(display.getByTestId('call-now-text')).toContainText(`请${number}号到${counter.number}号窗口办理`);
    await expect.poll(() => spokenTimes(display, `再次呼叫，${sentence}`)).toBe(settings.voice.repeat);
    // The first call was not spoken again by the recall, and nothing else was called out.
    expect(await spokenTimes(display, sentence)).toBe(settings.voice.repeat);
    const calls = (await spoken(display)).filter((u) => u.text.includes('号窗口'));
    expect(calls.map((u) => u.text).sort()).toEqual([...Array<string>(settings.voice.repeat).fill(sentence), ...Array<string>(settings.voice.repeat).fill(`再次呼叫，${sentence}`)].sort());

    expect(problems, 'no errors in the pages').toEqual([]);
  } finally {
    await kioskContext.close();
    await counterContext.close();
    await admin.api.dispose();
  }
});
