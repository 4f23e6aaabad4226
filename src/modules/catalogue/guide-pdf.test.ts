/**
 * The printable guide (issue 3: "a printable guide (PDF with Chinese text) and a QR
 * code that opens the guide"): the PDF is read back with pdfjs and must carry the
 * DB36/T 2016 §7.3.3.3 elements in Chinese; the QR codes (in the PDF and as SVG) are
 * read back module by module and must be the code of the portal URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flags, material } from '../../domain/catalogue/test-fixtures.ts';
import type { Config } from '../../platform/config.ts';
import { QR_OPTIONS } from '../../platform/pdf/qr.ts';
import { centreInput, departmentInput } from '../../test/factories.ts';
import { createTestContext, role, type Session, type TestContext } from '../../test/harness.ts';
import { expectedModules, readPdf, squeeze } from '../../test/read-pdf.ts';
import { printItemGuide } from './guide-print.service.ts';
import { itemInput } from './test-helpers.ts';

let ctx: TestContext;
let manager: Session;
let centreId: string;
let departmentId: string;
let centreName: string;

const TODAY = '2025-03-03';
const review = { reviewer: '法制审核科 王五', opinion: '设定依据合法，要素齐全，同意发布', effectiveOn: TODAY };
/** light-my-request sends `Host: localhost:80`; the default port drops out of the origin. */
const REQUEST_BASE = 'http://localhost';

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.userWith([role('system_admin')]);
  const centre = centreInput({ name: '新建区政务服务中心' });
  centreName = centre.name as string;
  centreId = (await ctx.as(admin, { method: 'POST', url: '/api/v1/centres', payload: centre })).json().id;
  manager = await ctx.userWith([role('centre_manager', centreId)]);
  departmentId = (await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/departments`, payload: departmentInput({ name: '某市市场监督管理局' }) })).json().id;
});
afterAll(() => ctx.close());

const act = (id: string, number: number, action: string, payload: Record<string, unknown> = {}) =>
  ctx.as(manager, { method: 'POST', url: `/api/v1/items/${id}/versions/${number}/${action}`, payload });
const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

async function draftItem(guideOverrides: Record<string, unknown> = {}): Promise<string> {
  const res = await ctx.as(manager, { method: 'POST', url: `/api/v1/centres/${centreId}/items`, payload: itemInput(departmentId, {}, guideOverrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function publish(id: string, number = 1): Promise<void> {
  expect((await act(id, number, 'submit')).statusCode).toBe(200);
  expect((await act(id, number, 'approve', review)).statusCode).toBe(200);
}

/** A guide with a shared material (§8.1.2.3c) and a tolerated one (§8.2.7). */
const richGuide = (name: string) => ({
  name,
  materials: [
    material({ name: '居民身份证', issuingBody: '公安机关' }),
    material({ name: '营业执照', issuingBody: '市场监督管理部门', originals: 0, copies: 0, required: false, viaDataSharing: true, eLicenceAccepted: true }),
    material({ name: '经营场所使用证明', issuingBody: null, tolerance: { conditions: '已提交租赁合同', completionDeadline: { value: 5, unit: 'working_day' } } }),
  ],
  flags: flags({ toleranceAcceptance: true, certificateFree: true }),
});

/** Reads the dark modules back from the SVG `qrcode` draws: runs of `h` strokes along each row. */
function svgModules(svg: string): { size: number; dark: boolean[] } {
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg);
  if (!box || !path) throw new Error(`not a qrcode SVG: ${svg.slice(0, 120)}`);
  const size = Number(box[1]) - 2 * QR_OPTIONS.margin;
  const dark = new Array<boolean>(size * size).fill(false);
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path[1]!.matchAll(/([MmHh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') [x, y] = [Number(a), Number(b)];
    else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      const row = Math.floor(y) - QR_OPTIONS.margin;
      for (let i = 0; i < Number(a); i++) dark[row * size + (x + i - QR_OPTIONS.margin)] = true;
      x += Number(a);
    }
  }
  return { size, dark };
}

/** Runs `work` with configuration changed (the routes read deps.config per request). */
async function withConfig<T>(patch: Partial<Config>, work: () => Promise<T>): Promise<T> {
  const saved = ctx.deps.config;
  Object.assign(ctx.deps, { config: { ...saved, ...patch } });
  try {
    return await work();
  } finally {
    Object.assign(ctx.deps, { config: saved });
  }
}

describe('printable guide of an item (DB36/T 2016 §7.3.3.3, §7.3.3.4)', () => {
  it('is a PDF with the published guide in Chinese, its version, page numbers and the QR code of the portal page', async () => {
    const id = await draftItem(richGuide('食品经营许可证核发（打印测试）'));
    await publish(id);
    const res = await get(`/api/v1/public/items/${id}/guide.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="guide-v1.pdf"; filename*=UTF-8''${encodeURIComponent('食品经营许可证核发（打印测试）办事指南（第1版）.pdf')}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const pdf = await readPdf(res.rawPayload);
    const url = `${REQUEST_BASE}/portal/items/${id}`;
    for (const expected of [
      centreName,
      '食品经营许可证核发（打印测试）',
      '第1版',
      `施行日期：${TODAY}`,
      '行政许可（01）',
      '某市市场监督管理局',
      '《中华人民共和国食品安全法》第三十五条',
      '20个工作日',
      '5个工作日（不含现场核查时间）',
      '居民身份证',
      '营业执照',
      // §8.1.2.3c: a shared material is not asked of the applicant.
      '免提交（数据共享）',
      // §8.2.7: 容缺 with its completion deadline.
      '可容缺受理（已提交租赁合同），须在受理后5个工作日内补齐',
      '可使用电子证照',
      '市政务服务中心一楼A区5号窗口',
      '0791-12345678',
      '0791-12345',
      '扫码查看网上办事指南',
      url,
      `第1页/共${pdf.pages}页`,
    ]) {
      expect(pdf.text, expected).toContain(squeeze(expected));
    }
    // 办理流程 in order (pdfjs puts a list's numbers after its text).
    const process = pdf.text.slice(pdf.text.indexOf('四、办理流程'), pdf.text.indexOf('五、审查标准'));
    expect(process).toMatch(/申请1\.受理2\.审查3\.决定4\.送达5\./);
    expect(pdf.info).toMatchObject({ Title: '食品经营许可证核发（打印测试） 办事指南（第 1 版）', Creator: expect.stringContaining('GovHall') });

    // The printed code is the code of the portal URL, module for module.
    const want = expectedModules(url);
    expect(pdf.qrModules(want.size)).toEqual(want.dark);
    expect(pdf.qrModules(want.size)).not.toEqual(expectedModules(`${REQUEST_BASE}/portal/items/${await draftItem()}`).dark);
  });

  it('answers 404 ITEM_NOT_PUBLISHED for a draft, like the JSON guide, for the PDF and the QR code', async () => {
    const id = await draftItem({ name: '未发布事项' });
    for (const url of [`/api/v1/public/items/${id}`, `/api/v1/public/items/${id}/guide.pdf`, `/api/v1/public/items/${id}/qr.svg`]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code, url).toBe('ITEM_NOT_PUBLISHED');
    }
    expect((await get('/api/v1/public/items/00000000-0000-4000-8000-000000000000/guide.pdf')).json().error.code).toBe('ITEM_NOT_PUBLISHED');
    expect((await get('/api/v1/public/items/not-a-uuid/guide.pdf')).statusCode).toBe(400);
  });

  it('has an ETag: 304 when unchanged, a new one and the new text when a new version is published', async () => {
    const id = await draftItem({ name: '个体工商户登记' });
    await publish(id);
    const first = await get(`/api/v1/public/items/${id}/guide.pdf`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"pdf-v1-/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    // The same version renders the same bytes (rendered afresh, not from the route's cache): the ETag stands for them.
    const printed = await printItemGuide(ctx.deps, id, REQUEST_BASE);
    expect(printed.etag).toBe(etag);
    expect(Buffer.compare(await printed.render(), first.rawPayload)).toBe(0);

    const again = await get(`/api/v1/public/items/${id}/guide.pdf`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(`/api/v1/public/items/${id}/guide.pdf`, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);

    // A draft changes nothing public; publishing it does.
    expect((await ctx.as(manager, { method: 'PATCH', url: `/api/v1/items/${id}`, payload: { guide: { name: '个体工商户登记（变更）' } } })).statusCode).toBe(200);
    expect((await get(`/api/v1/public/items/${id}/guide.pdf`, { 'if-none-match': etag })).statusCode).toBe(304);
    await publish(id, 2);
    const second = await get(`/api/v1/public/items/${id}/guide.pdf`, { 'if-none-match': etag });
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).toMatch(/^"pdf-v2-/);
    const pdf = await readPdf(second.rawPayload);
    expect(pdf.text).toContain(squeeze('个体工商户登记（变更）'));
    expect(pdf.text).toContain('第2版');
  });

  it('prints GOVHALL_PUBLIC_URL when set, and the ETag moves with it', async () => {
    const id = await draftItem({ name: '药品零售企业许可' });
    await publish(id);
    const before = await get(`/api/v1/public/items/${id}/guide.pdf`);
    const base = 'https://zwfw.example.gov.cn/govhall';
    const res = await withConfig({ publicUrl: base }, () => get(`/api/v1/public/items/${id}/guide.pdf`, { 'if-none-match': before.headers.etag as string }));
    expect(res.statusCode).toBe(200);
    const pdf = await readPdf(res.rawPayload);
    const url = `${base}/portal/items/${id}`;
    expect(pdf.text).toContain(url);
    const want = expectedModules(url);
    expect(pdf.qrModules(want.size)).toEqual(want.dark);
  });

  it('serves the QR code as SVG encoding the portal URL, with an ETag', async () => {
    const id = await draftItem({ name: '食品生产许可' });
    await publish(id);
    const res = await get(`/api/v1/public/items/${id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const read = svgModules(res.body);
    expect(read).toEqual(expectedModules(`${REQUEST_BASE}/portal/items/${id}`));
    expect(read.dark).not.toEqual(expectedModules(`${REQUEST_BASE}/portal/items/${centreId}`).dark);
    expect((await get(`/api/v1/public/items/${id}/qr.svg`, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);

    const configured = await withConfig({ publicUrl: 'https://zwfw.example.gov.cn' }, () => get(`/api/v1/public/items/${id}/qr.svg`));
    expect(svgModules(configured.body)).toEqual(expectedModules(`https://zwfw.example.gov.cn/portal/items/${id}`));
    expect(configured.headers.etag).not.toBe(res.headers.etag);
  });
});

describe('printable guide of a "一件事" bundle (DB36/T 2016 §8.2.4)', () => {
  it('lists the items, the flow and one merged material list, with the QR code of the portal page; 404 once retired', async () => {
    const a = await draftItem(richGuide('企业开办登记'));
    const b = await draftItem({ name: '企业印章刻制备案' });
    const hidden = await draftItem({ name: '尚未发布的事项' });
    await publish(a);
    await publish(b);
    const created = await ctx.as(manager, {
      method: 'POST',
      url: `/api/v1/centres/${centreId}/bundles`,
      payload: {
        name: '企业开办一件事',
        itemIds: [a, b, hidden],
        steps: [
          { order: 1, name: '一窗受理', itemIds: [a, hidden] },
          { order: 2, name: '并联审批', itemIds: [b] },
        ],
        acceptingCounterKind: 'comprehensive',
        guideText: '企业开办全程网办，一日办结。',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;

    const res = await get(`/api/v1/public/bundles/${id}/guide.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('企业开办一件事办事指南.pdf'));
    const pdf = await readPdf(res.rawPayload);
    const url = `${REQUEST_BASE}/portal/bundles/${id}`;
    for (const expected of [centreName, '企业开办一件事', '综合窗口统一受理', '企业开办全程网办，一日办结。', '企业开办登记', '企业印章刻制备案', '一窗受理', '办理：事项1', '并联审批', '办理：事项2', '免提交（数据共享）', '另有1项事项的办事指南尚未发布', url]) {
      expect(pdf.text, expected).toContain(squeeze(expected));
    }
    // A draft's name is not public (§7.3.2.1).
    expect(pdf.text).not.toContain('尚未发布的事项');
    // §8.2.4: 居民身份证 is asked by both items and listed once, for both.
    expect(pdf.text.split('居民身份证').length - 1).toBe(1);
    expect(pdf.text).toContain('1居民身份证出具：公安机关11必备1、2');
    const want = expectedModules(url);
    expect(pdf.qrModules(want.size)).toEqual(want.dark);

    const etag = res.headers.etag as string;
    const cached = await get(`/api/v1/public/bundles/${id}/guide.pdf`, { 'if-none-match': etag });
    expect(cached.statusCode, cached.body).toBe(304);
    expect((await ctx.as(manager, { method: 'PATCH', url: `/api/v1/bundles/${id}`, payload: { guideText: '改为两日办结。' } })).statusCode).toBe(200);
    expect((await get(`/api/v1/public/bundles/${id}/guide.pdf`, { 'if-none-match': etag })).statusCode).toBe(200);

    expect((await ctx.as(manager, { method: 'DELETE', url: `/api/v1/bundles/${id}` })).statusCode).toBe(200);
    const gone = await get(`/api/v1/public/bundles/${id}/guide.pdf`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('BUNDLE_NOT_FOUND');
  });
});
