/**
 * The printable service guide (办事指南) of a published item: every element of
 * DB36/T 2016 §7.3.3.3, in the clause's order, with the QR code of the online guide,
 * for counter signs, 自助服务机 and 宣传手册 (§7.3.3.4 展示发布).
 * Pure: builds the pdfmake definition from the published view; rendering is elsewhere.
 */
import { CASE_KINDS, HANDLING_FORMS, ITEM_KINDS, SERVICE_OBJECTS, THROUGH_SCOPES, TIME_LIMIT_UNITS, typeCodeLabel } from '../../domain/catalogue/codes.ts';
import type { Fee, ItemFlags, ItemGuide, Material, TimeLimit } from '../../domain/catalogue/guide.ts';
import { A4_PAGE, DEFAULT_STYLE, STYLES, gridTable, keepHeadingsWithContent, labelValueTable, orDash, pageFooter, section, titleBlock } from '../../platform/pdf/layout.ts';
import type { Content, DocDefinition, TableCell } from '../../platform/pdf/types.ts';
import type { PublicItemView } from './item.schemas.ts';

export interface PrintQr {
  /** The portal page the code opens, printed under it. */
  readonly url: string;
  /** The code as a PNG data URL. */
  readonly image: string;
}

/** "20 个工作日", "24 小时" (unit always stated: §7.3.3.3 时限). */
export function timeLimitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '—';
  const amount = limit.unit === 'hour' ? `${limit.value} 小时` : `${limit.value} 个${TIME_LIMIT_UNITS[limit.unit]}`;
  return limit.note?.trim() ? `${amount}（${limit.note.trim()}）` : amount;
}

export function feeText(fee: Fee | null): { standard: string; basis: string } {
  if (!fee) return { standard: '—', basis: '—' };
  if (fee.free) return { standard: '不收费', basis: '—' };
  return { standard: orDash(fee.standard), basis: orDash(fee.basis) };
}

const yesNo = (v: boolean | null): string => (v === null ? '—' : v ? '支持' : '不支持');

/** §8.2 services the item offers (帮代办、告知承诺制 …), those flagged only. */
const FLAG_LABELS: readonly [keyof ItemFlags, string][] = [
  ['agencyHelp', '帮办代办'],
  ['notifyCommit', '告知承诺制'],
  ['toleranceAcceptance', '容缺受理'],
  ['crossProvince', '跨省通办'],
  ['withinProvince', '省内通办'],
  ['withinCity', '市内通办'],
  ['certificateFree', '免证办'],
  ['extendedHours', '延时错时服务'],
  ['selfService24h', '24 小时自助办理'],
];

export function flagsText(flags: ItemFlags): string {
  const on = FLAG_LABELS.filter(([key]) => flags[key] === true).map(([, label]) => label);
  return on.length > 0 ? on.join('、') : '—';
}

/** The 说明 of one material: data sharing, 容缺 with its deadline, e-licence, forms, note. */
function materialNotes(m: Material): string {
  const notes: string[] = [];
  // §8.1.2.3c: obtained by data sharing, not asked of the applicant.
  if (m.viaDataSharing) notes.push('通过数据共享获取，申请人无需提交');
  // §8.2.7: 容缺受理条件 and 补齐材料时限.
  if (m.tolerance) {
    const cond = m.tolerance.conditions?.trim();
    notes.push(`可容缺受理${cond ? `（${cond}）` : ''}，须在受理后 ${timeLimitText(m.tolerance.completionDeadline)}内补齐`);
  }
  // §8.2.5 免证办.
  if (m.eLicenceAccepted) notes.push('可使用电子证照，免交纸质证照');
  if (m.blankFormFileId) notes.push('提供空白表格');
  if (m.sampleFileId) notes.push('提供示范文本');
  // A bundle's merged material joins the notes of its items: print each once.
  if (m.note?.trim()) notes.push(...m.note.split('；').map((n) => n.trim()));
  return [...new Set(notes.filter((n) => n !== ''))].join('；');
}

/**
 * 申请材料: name (and issuing body), originals, copies, required, notes. A material
 * obtained by data sharing reads "免提交（数据共享）" (§8.1.2.3c). `extra` adds a last
 * column (the bundle's "适用事项").
 */
export function materialsTable(materials: readonly Material[], extra?: { header: string; cell: (m: Material, i: number) => string }): Content {
  if (materials.length === 0) return { text: '本事项无需提交申请材料。' };
  const rows = materials.map((m, i): TableCell[] => {
    const name: TableCell = { stack: [m.name, ...(m.issuingBody ? [{ text: `出具：${m.issuingBody}`, style: 'small' }] : [])] };
    const counts: TableCell[] = m.viaDataSharing
      ? [{ text: '—', alignment: 'center' }, { text: '—', alignment: 'center' }, { text: '免提交（数据共享）', alignment: 'center' }]
      : [
          { text: String(m.originals), alignment: 'center' },
          { text: String(m.copies), alignment: 'center' },
          { text: m.required ? '必备' : '非必备', alignment: 'center' },
        ];
    return [{ text: String(i + 1), alignment: 'center' }, name, ...counts, { text: materialNotes(m) }, ...(extra ? [{ text: extra.cell(m, i) }] : [])];
  });
  const header = ['序号', '材料名称', '原件', '复印件', '是否必备', '说明', ...(extra ? [extra.header] : [])];
  const widths: (number | '*')[] = [24, '*', 28, 34, 56, '*', ...(extra ? [56] : [])];
  return gridTable(header, widths, rows);
}

/** 办理流程: numbered steps with their descriptions and time limits. */
export function processList(steps: readonly { name: string; description?: string | null; timeLimit?: TimeLimit | null }[]): Content {
  if (steps.length === 0) return { text: '—' };
  return {
    ol: steps.map((s): Content => {
      const extra = [s.description?.trim(), s.timeLimit ? `时限：${timeLimitText(s.timeLimit)}` : undefined].filter((x): x is string => !!x);
      return extra.length > 0 ? { stack: [{ text: s.name, bold: true }, { text: extra.join('；') }] } : { text: s.name, bold: true };
    }),
  };
}

function kindText(guide: ItemGuide): string {
  const label = guide.kind ? ITEM_KINDS[guide.kind].label : guide.typeCode ? typeCodeLabel(guide.typeCode) : undefined;
  return guide.typeCode ? `${orDash(label)}（${guide.typeCode}）` : orDash(label);
}

/** The item's code as the public knows it: 业务办理项编码 for a handling item, else 实施编码. */
export function publicCode(view: Pick<PublicItemView, 'level' | 'implementationCode' | 'handlingCode'>): { label: string; code: string } {
  return view.level === 'handling' ? { label: '业务办理项编码', code: orDash(view.handlingCode) } : { label: '实施编码', code: orDash(view.implementationCode) };
}

export interface ItemGuidePdfInput {
  readonly centreName: string;
  readonly item: PublicItemView;
  readonly qr: PrintQr;
}

/** DB36/T 2016 §7.3.3.3: the guide of one published item, every element in the clause's order. */
export function itemGuideDoc({ centreName, item, qr }: ItemGuidePdfInput): DocDefinition {
  const g = item.guide as ItemGuide;
  const name = orDash(g.name);
  const code = publicCode(item);
  const fee = feeText(g.fee);
  const body = g.implementingBody;
  const version = `第 ${item.version} 版`;
  const content: Content[] = [
    titleBlock({
      org: centreName,
      kind: '办事指南',
      title: name,
      meta: [`${code.label}：${code.code}`, `指南版本：${version}　　施行日期：${orDash(item.effectiveOn)}`],
      qr: { ...qr, caption: '扫码查看网上办事指南' },
    }),
    section('一、基本信息'),
    labelValueTable([
      ['事项名称', name],
      ['事项类型', kindText(g), '基本编码', item.basicCode],
      ['实施机构', body ? `${orDash(body.name)}${body.uscc ? `（统一社会信用代码 ${body.uscc}）` : ''}` : '—'],
      ['进驻部门', orDash(item.departmentName), '办件类型', g.caseKind ? CASE_KINDS[g.caseKind] : '—'],
      ['法定办结时限', timeLimitText(g.legalTimeLimit), '承诺办结时限', timeLimitText(g.promisedTimeLimit)],
      ['结果名称', orDash(g.resultName), '结果样本', g.resultSampleFileId ? '有（扫码在网上办事指南中查看）' : '—'],
      ['收费标准', fee.standard, '收费依据', fee.basis],
      ['办理形式', (g.handlingForms ?? []).map((f) => HANDLING_FORMS[f]).join('、') || '—'],
      ['通办范围', g.throughScope ? THROUGH_SCOPES[g.throughScope] : '—', '服务对象', (g.serviceObjects ?? []).map((o) => SERVICE_OBJECTS[o]).join('、') || '—'],
      ['预约办理', yesNo(g.flags.appointment), '网上支付', yesNo(g.flags.onlinePayment)],
      ['物流快递', yesNo(g.flags.postalDelivery), '特色服务', flagsText(g.flags)],
    ]),
    section('二、设定依据'),
    { text: orDash(g.legalBasis) },
    section('三、申请材料'),
    g.materials === null ? { text: '—' } : materialsTable(g.materials),
    section('四、办理流程'),
    processList(g.process ?? []),
    section('五、审查标准'),
    { text: orDash(g.reviewStandard) },
    section('六、办理地点、时间和电话'),
    labelValueTable([
      ['办理地点', orDash(g.place)],
      ['办理时间', orDash(g.hours)],
      ['咨询电话', orDash(g.consultationPhone), '监督电话', orDash(g.supervisionPhone)],
    ]),
  ];
  return {
    ...A4_PAGE,
    info: { title: `${name} 办事指南（${version}）`, subject: '办事指南（DB36/T 2016 §7.3.3.3）', author: centreName, creationDate: dateOrUndefined(item.publishedAt) },
    content,
    styles: STYLES,
    defaultStyle: DEFAULT_STYLE,
    pageBreakBefore: keepHeadingsWithContent(),
    footer: pageFooter(`${centreName} · ${name} 办事指南 ${version}`),
  };
}

/** A fixed creation date (the publication), so that the same version renders the same bytes. */
export function dateOrUndefined(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
