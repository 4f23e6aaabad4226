/**
 * The notices of case handling (issue 5): each PDF is read back with pdfjs and must
 * carry, in Chinese, its title, the case number, the centre, the masked ID number
 * (never the full one) and what its clause asks of it; its QR code is read back module
 * by module and must be the code of the public progress page.
 */
import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../domain/shared/privacy.ts';
import { expectedModules, readPdf, squeeze, type ReadPdf } from '../../../test/read-pdf.ts';
import { NoticeDataError } from './notice-check.ts';
import { NOTICE_KIND_IDS, NOTICE_KINDS, isNoticeKind, type NoticeData, type NoticeKind } from './notice-data.ts';
import { casePortalUrl, noticeFileName, renderNotice } from './render-notice.ts';
import { FULL_ID, FULL_USCC, NOTICE_FIXTURES } from './test-fixtures.ts';

const BASE = 'https://zwfw.example.gov.cn/govhall';
async function render(kind: NoticeKind, data: NoticeData = NOTICE_FIXTURES[kind]): Promise<ReadPdf> {
  return readPdf(await renderNotice(kind, data, { publicUrl: BASE }));
}

function expectAll(text: string, expected: readonly string[]): void {
  for (const e of expected) expect(text, e).toContain(squeeze(e));
}

/** A copy of a fixture with one path removed or replaced (for the bad-data cases). */
function without(kind: NoticeKind, path: string, value?: unknown): NoticeData {
  const copy = structuredClone(NOTICE_FIXTURES[kind]) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy as unknown as NoticeData;
}

describe('every notice (DB36/T 2016 §8.1.2, §8.2.7, §7.5.2.3)', () => {
  it('has the six kinds with their Chinese titles', () => {
    expect(NOTICE_KIND_IDS).toEqual(['acceptance', 'correction', 'tolerance', 'refusal', 'delivery_receipt', 'consultation_answer']);
    expect(Object.fromEntries(NOTICE_KIND_IDS.map((k) => [k, NOTICE_KINDS[k].title]))).toEqual({
      acceptance: '受理通知书',
      correction: '一次性告知书',
      tolerance: '容缺受理告知书',
      refusal: '不予受理决定书',
      delivery_receipt: '送达回证',
      consultation_answer: '一次性告知单',
    });
    expect(isNoticeKind('refusal')).toBe(true);
    expect(isNoticeKind('toString')).toBe(false);
    expect(noticeFileName('refusal', 'NC2025/0001')).toEqual({ fileName: '不予受理决定书-NC2025_0001.pdf', asciiName: 'refusal-NC2025_0001.pdf' });
  });

  it.each(NOTICE_KIND_IDS.filter((k) => k !== 'consultation_answer'))(
    '%s: title, 编号, centre, item, applicant with the ID masked (never in full), issuer 盖章, date, and the QR code of the progress page',
    async (kind) => {
      const data = NOTICE_FIXTURES[kind];
      const pdf = await render(kind);
      const full = data.applicant.kind === 'person' ? FULL_ID : FULL_USCC;
      const url = `${BASE}/portal/cases/${data.caseNumber}`;
      expectAll(pdf.text, [
        NOTICE_KINDS[kind].title,
        `编号：${data.caseNumber}`,
        data.centre.name,
        data.item.name,
        data.applicant.name,
        maskIdNumber(full),
        `${data.item.department}（盖章）`,
        data.issuedOn === '2025-03-14' ? '2025年3月14日' : '2025年3月3日',
        '扫码查询办理进度',
        url,
        '地址：南昌市新建区长堎大道999号',
        '电话：0791-83712345',
      ]);
      expect(pdf.text).not.toContain(full);
      // Not even the part a mask hides (the birth date / the registration body).
      expect(pdf.text).not.toContain(full.slice(4, -4));
      expect(pdf.pages).toBe(1);
      expect(pdf.info).toMatchObject({ Title: `${NOTICE_KINDS[kind].title} ${data.caseNumber}`, Author: data.centre.name, Creator: expect.stringContaining('GovHall') });
      // One image: the QR code, module for module the code of the progress page.
      expect(pdf.images).toBe(1);
      const want = expectedModules(url);
      expect(pdf.qrModules(want.size)).toEqual(want.dark);
      expect(pdf.qrModules(want.size)).not.toEqual(expectedModules(`${BASE}/portal/cases/NC2025030300018`).dark);
    },
  );

  it('masks an ID number passed in full by mistake, so that no notice carries one', async () => {
    const data: NoticeData = { ...NOTICE_FIXTURES.acceptance, applicant: { kind: 'person', name: '张三丰', idMasked: FULL_ID } };
    const pdf = await render('acceptance', data);
    expect(pdf.text).toContain(squeeze(maskIdNumber(FULL_ID)));
    expect(pdf.text).not.toContain(FULL_ID);
    expect(pdf.text).not.toContain(FULL_ID.slice(4, -4));
    // A consultation names no ID unless one was recorded; then masked too.
    const consulted = await render('consultation_answer', { ...NOTICE_FIXTURES.consultation_answer, applicant: { kind: 'person', name: '王五', idMasked: FULL_ID } });
    expectAll(consulted.text, ['咨询人王五身份证件号码3601**********123X', '咨询窗口12号窗口']);
    expect(consulted.text).not.toContain(FULL_ID.slice(4, -4));
  });

  it('renders the same bytes for the same data (the date issued is the creation date), other bytes for other data', async () => {
    const a = await renderNotice('acceptance', NOTICE_FIXTURES.acceptance, { publicUrl: BASE });
    const b = await renderNotice('acceptance', NOTICE_FIXTURES.acceptance, { publicUrl: `${BASE}/` });
    expect(Buffer.compare(a, b)).toBe(0);
    const c = await renderNotice('acceptance', { ...NOTICE_FIXTURES.acceptance, caseNumber: 'NC2025030300018' }, { publicUrl: BASE });
    expect(Buffer.compare(a, c)).not.toBe(0);
  });

  it('encodes the case number in the URL and refuses a relative public URL', async () => {
    expect(casePortalUrl('https://a.example/', 'NC 1/2')).toBe('https://a.example/portal/cases/NC%201%2F2');
    await expect(renderNotice('acceptance', NOTICE_FIXTURES.acceptance, { publicUrl: '' })).rejects.toThrow(/publicUrl/);
    await expect(renderNotice('acceptance', NOTICE_FIXTURES.acceptance, { publicUrl: '/portal' })).rejects.toThrow(/publicUrl/);
  });
});

describe('受理通知书 (§8.1.2.3)', () => {
  it('states the acceptance, its legal basis, the promised limit and due date, and every material received', async () => {
    const pdf = await render('acceptance');
    expectAll(pdf.text, [
      '张三丰：',
      '你于2025年3月3日提出的“食品经营许可证核发”申请，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定自2025年3月3日起予以受理。',
      '本事项承诺办结时限为10个工作日，自受理之日起计算，预计于2025年3月17日前办结。',
      '办理结果领取方式：邮政快递送达。',
      '已收取的申请材料（共4项）',
      '12号窗口',
      '李小红',
    ]);
    for (const m of NOTICE_FIXTURES.acceptance.acceptance!.materials) expect(pdf.text).toContain(squeeze(m.name));
    expect(pdf.text).toContain('2营业执照00通过数据共享获取');
  });
});

describe('一次性告知书（补正材料通知）(§8.1.2.3 b)', () => {
  it('lists every missing or faulty material with what to do, at once, and says nothing more will be asked', async () => {
    const pdf = await render('correction');
    expectAll(pdf.text, [
      '一次性告知书',
      '（补正材料通知）',
      '申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现将需要补正的全部内容一次性告知如下（共3项）',
      '请于2025年3月10日前按上述要求补齐、补正全部材料后，到12号窗口重新提交。',
      '以上为需要补正的全部内容，不再要求提交其他材料。',
    ]);
    NOTICE_FIXTURES.correction.correction!.materials.forEach((m, i) => {
      expect(pdf.text, m.name).toContain(squeeze(`${i + 1}${m.name}${m.issue === 'missing' ? '缺少材料' : '不符合要求'}${m.requirement}`));
    });
  });

  it('lists a long list over pages, the header repeated, and keeps the seal with the last lines', async () => {
    const materials = Array.from({ length: 40 }, (_, i) => ({ name: `补正材料第${i + 1}号`, issue: 'missing' as const, requirement: `提交第${i + 1}号材料原件一份` }));
    const pdf = await render('correction', { ...NOTICE_FIXTURES.correction, correction: { materials } });
    expect(pdf.pages).toBeGreaterThan(1);
    for (const m of materials) expect(pdf.text).toContain(m.name);
    expect(pdf.text).toContain('共40项');
    // Without a deadline the sentence asks for no date.
    expect(pdf.text).toContain('请按上述要求补齐、补正全部材料后');
    const last = pdf.pageTexts.at(-1)!;
    expect(last).toContain('新建区市场监督管理局（盖章）');
    expect(last).toContain('本文书一式两份');
    const tablePages = pdf.pageTexts.filter((t) => t.includes('补正材料第'));
    expect(tablePages.length).toBeGreaterThan(1);
    expect(tablePages.every((t) => t.includes('序号材料名称问题补正要求'))).toBe(true);
  });
});

describe('容缺受理告知书 (§8.2.7)', () => {
  it('names the missing materials, the completion deadline and the applicant’s commitment with a signature line', async () => {
    const pdf = await render('tolerance');
    expectAll(pdf.text, [
      '本机关决定自2025年3月3日起予以容缺受理',
      '容缺材料（共2项）',
      '1经营场所使用证明已提交租赁合同，产权证明待补',
      '2设备布局和工艺流程图—',
      '请于2025年3月10日前（受理后5个工作日内）将上述材料补齐，送交12号窗口。',
      '逾期未补齐容缺材料，或者补齐的材料不符合要求的，终止办理',
      '申请人承诺',
      '承诺于2025年3月10日前补齐全部容缺材料',
      '申请人（签字或盖章）：',
    ]);
  });

  it('prints the commitment and consequence the item sets instead of the standard wording', async () => {
    const t = NOTICE_FIXTURES.tolerance.tolerance!;
    const pdf = await render('tolerance', { ...NOTICE_FIXTURES.tolerance, tolerance: { ...t, commitment: '本单位承诺按期补齐产权证明。', consequence: '逾期未补齐的，撤销已作出的许可决定。' } });
    expectAll(pdf.text, ['本单位承诺按期补齐产权证明。', '逾期未补齐的，撤销已作出的许可决定。']);
    expect(pdf.text).not.toContain('终止办理');
  });
});

describe('不予受理决定书 (§7.5.2.3)', () => {
  it('states the reason, the legal basis, where to apply instead, and the remedies with their time limits', async () => {
    const pdf = await render('refusal');
    expectAll(pdf.text, [
      '南昌市某某餐饮管理有限公司：',
      '你单位于2025年3月3日提出的“食品经营许可证核发”申请，经审查，申请事项依法不需要取得行政许可。',
      '根据《中华人民共和国行政许可法》第三十二条第一款第（一）项的规定，本机关决定不予受理。',
      '请你单位向南昌市新建区商务局提出申请。',
      '如不服本决定，可以自收到本决定书之日起六十日内向南昌市新建区人民政府申请行政复议，或者自收到本决定书之日起六个月内向南昌铁路运输法院提起行政诉讼。',
      '统一社会信用代码',
    ]);
  });

  it('names the remedies in general terms when the review body and court are not given', async () => {
    const r = NOTICE_FIXTURES.refusal.refusal!;
    const pdf = await render('refusal', { ...NOTICE_FIXTURES.refusal, refusal: { reason: r.reason, legalBasis: r.legalBasis } });
    expectAll(pdf.text, ['六十日内向有管辖权的行政复议机关申请行政复议', '六个月内向有管辖权的人民法院提起行政诉讼']);
    expect(pdf.text).not.toContain('提出申请。');
  });
});

describe('送达回证 (§8.1.2.5)', () => {
  it('shows what was delivered, how, when (Shanghai time), to whom, and the receiver’s signature line', async () => {
    const pdf = await render('delivery_receipt');
    expectAll(pdf.text, [
      '送达部门：新建区市场监督管理局',
      '送达文书1.食品经营许可证（正本）（JY13601120012345）1份2.食品经营许可证（副本）1份',
      '受送达人张三丰（身份证件号码：3601**********123X）',
      '送达地点南昌市新建区望城新区某某路8号',
      '送达方式邮寄送达（邮政快递），快递单号：EMS1234567890',
      '送达时间2025年3月14日15时30分',
      '受送达人签名（盖章）',
      '代收人及代收理由',
      '送达人李小红（12号窗口）',
    ]);
  });

  it('reads an instant in Asia/Shanghai time, and leaves the time blank to fill by hand when not known', async () => {
    const d = NOTICE_FIXTURES.delivery_receipt.delivery!;
    const utc = await render('delivery_receipt', { ...NOTICE_FIXTURES.delivery_receipt, delivery: { ...d, method: 'in_person', deliveredAt: new Date('2025-03-14T16:05:00Z'), trackingNumber: null } });
    expectAll(utc.text, ['送达时间2025年3月15日0时05分', '送达方式直接送达（现场递交）送达时间']);
    const blank = await render('delivery_receipt', { ...NOTICE_FIXTURES.delivery_receipt, delivery: { ...d, deliveredAt: null } });
    expect(blank.text).toContain('送达时间年月日时分受送达人签名');
  });
});

describe('一次性告知单（咨询答复）(§8.1.2.2)', () => {
  it('carries the question, the complete answer, the materials and where to go, with the QR code of the online guide', async () => {
    const data = NOTICE_FIXTURES.consultation_answer;
    const pdf = await render('consultation_answer');
    const url = `${BASE}/portal/items/${data.item.id!}`;
    expectAll(pdf.text, [
      '一次性告知单',
      '（咨询答复）',
      `编号：${data.caseNumber}`,
      '新建区政务服务中心',
      '王五：',
      '你于2025年3月3日咨询的“食品经营许可证核发”有关事宜，现一次性告知如下：',
      `一、咨询问题${data.consultation!.question}`,
      `二、答复${data.consultation!.answer}`,
      '三、所需申请材料（共2项）',
      '1食品经营许可申请书10窗口提供空白表格和示范文本',
      '2经营场所使用证明11',
      '四、办理指引本事项请到一楼A区5号窗口（食品经营许可专窗）办理。',
      '五、其他咨询渠道可拨打咨询电话0791-83712345，或扫描下方二维码，在网上查看。',
      '以上为办理本事项需要了解的全部内容。',
      '新建区市场监督管理局（盖章）',
      '扫码查看网上办事指南',
      url,
    ]);
    expect(pdf.pages).toBe(1);
    const want = expectedModules(url);
    expect(pdf.qrModules(want.size)).toEqual(want.dark);
  });

  it('needs no ID number, and without an item id its code opens the page of its record number', async () => {
    const data: NoticeData = { ...NOTICE_FIXTURES.consultation_answer, item: { name: '个体工商户登记', department: '新建区市场监督管理局' }, consultation: { askedOn: '2025-03-04', question: '需要带什么？', answer: '带身份证即可。' } };
    const pdf = await render('consultation_answer', data);
    const url = `${BASE}/portal/cases/${data.caseNumber}`;
    expectAll(pdf.text, ['三、所需申请材料无需提交申请材料。', '四、其他咨询渠道', '扫码查询办理进度', url]);
    expect(pdf.text).not.toContain('办理指引');
    const want = expectedModules(url);
    expect(pdf.qrModules(want.size)).toEqual(want.dark);
  });
});

describe('bad data is refused with every faulty field named', () => {
  const cases: [NoticeKind, string, unknown, RegExp][] = [
    ['acceptance', 'acceptance', undefined, /"acceptance" \(受理通知书\): missing or invalid acceptance$/],
    ['acceptance', 'acceptance.dueOn', '2025-02-30', /acceptance\.dueOn \(YYYY-MM-DD\)/],
    ['acceptance', 'caseNumber', '  ', /caseNumber/],
    ['correction', 'correction.materials', [], /correction\.materials \(at least 1\)/],
    ['correction', 'correction.materials', [{ name: '平面图', issue: 'lost', requirement: '' }], /correction\.materials\[0\]\.issue, correction\.materials\[0\]\.requirement/],
    ['tolerance', 'tolerance.completeBy', undefined, /tolerance\.completeBy/],
    ['tolerance', 'tolerance.materials', [], /tolerance\.materials \(at least 1\)/],
    ['refusal', 'refusal.legalBasis', undefined, /refusal\.legalBasis/],
    ['refusal', 'refusal.reason', '', /refusal\.reason/],
    ['refusal', 'applicant.idMasked', undefined, /applicant\.idMasked/],
    ['refusal', 'receivedOn', undefined, /receivedOn/],
    ['delivery_receipt', 'delivery.method', 'pigeon', /delivery\.method/],
    ['delivery_receipt', 'delivery.documents', [], /delivery\.documents/],
    // A time without its offset would be read in the process time zone: refused.
    ['delivery_receipt', 'delivery.deliveredAt', '2025-03-14 15:30', /delivery\.deliveredAt/],
    ['consultation_answer', 'consultation.answer', undefined, /consultation\.answer/],
    ['consultation_answer', 'centre', undefined, /centre/],
  ];
  it.each(cases)('%s without a valid %s', async (kind, path, value, message) => {
    const data = without(kind, path, value);
    const failure = renderNotice(kind, data, { publicUrl: BASE });
    await expect(failure).rejects.toBeInstanceOf(NoticeDataError);
    await expect(failure).rejects.toThrow(message);
  });

  it('names every fault at once, and refuses an unknown kind', async () => {
    const data = { ...NOTICE_FIXTURES.refusal, refusal: { reason: '', legalBasis: '' }, issuedOn: '3 March' } as NoticeData;
    await expect(renderNotice('refusal', data, { publicUrl: BASE })).rejects.toThrow('Cannot print notice "refusal" (不予受理决定书): missing or invalid issuedOn (YYYY-MM-DD), refusal.reason, refusal.legalBasis');
    await expect(renderNotice('licence' as NoticeKind, NOTICE_FIXTURES.refusal, { publicUrl: BASE })).rejects.toThrow('Cannot print notice "licence": missing or invalid kind');
  });
});
