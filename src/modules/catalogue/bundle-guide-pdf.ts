/**
 * The printable guide of a "高效办成一件事" bundle (DB36/T 2016 §8.2.4: 制定相应办事指南
 * 和流程图，纳入综合窗口统一受理): its items, its flow, one merged material list, the
 * QR code of the online guide. Pure, like ./guide-pdf.ts.
 */
import type { MergedMaterial } from '../../domain/catalogue/bundles.ts';
import type { TimeLimit } from '../../domain/catalogue/guide.ts';
import { COUNTER_KIND_LABELS, type CounterKind } from '../../domain/organisation/types.ts';
import { A4_PAGE, DEFAULT_STYLE, STYLES, gridTable, keepHeadingsWithContent, orDash, pageFooter, section, titleBlock } from '../../platform/pdf/layout.ts';
import type { Content, DocDefinition, TableCell } from '../../platform/pdf/types.ts';
import type { BundleView } from './bundle.schemas.ts';
import { dateOrUndefined, materialsTable, processList, timeLimitText, type PrintQr } from './guide-pdf.ts';

export interface BundleGuidePdfInput {
  readonly centreName: string;
  /** The public view (names of unpublished items already blanked). */
  readonly bundle: BundleView;
  /** 承诺办结时限 of each published item, by id. */
  readonly promisedLimits: ReadonlyMap<string, TimeLimit | null>;
  readonly qr: PrintQr;
}

export function bundleGuideDoc({ centreName, bundle, promisedLimits, qr }: BundleGuidePdfInput): DocDefinition {
  const published = bundle.items.filter((i) => i.publishedNumber !== null);
  // Items are numbered as printed, so that the flow and the materials can refer to them.
  const numberOf = new Map(published.map((i, n) => [i.id, n + 1]));
  const numbers = (ids: readonly string[]): number[] => ids.map((id) => numberOf.get(id)).filter((n): n is number => n !== undefined);
  const refs = (ids: readonly string[]): string => numbers(ids).map((n) => `事项 ${n}`).join('、') || '—';
  const counter = COUNTER_KIND_LABELS[bundle.acceptingCounterKind as CounterKind] ?? bundle.acceptingCounterKind;
  const updated = bundle.updatedAt.slice(0, 10);

  const itemRows = published.map((i, n): TableCell[] => [
    { text: String(n + 1), alignment: 'center' },
    { text: i.name },
    { text: orDash(i.code), style: 'small' },
    { text: timeLimitText(promisedLimits.get(i.id)) },
    { text: `第 ${i.publishedNumber} 版`, alignment: 'center' },
  ]);
  const hidden = bundle.unpublishedItemIds.length;
  const materials = bundle.materials as MergedMaterial[];

  const content: Content[] = [
    titleBlock({
      org: centreName,
      kind: '“高效办成一件事”办事指南',
      title: bundle.name,
      meta: [`受理窗口：${counter}统一受理`, `更新日期：${updated}`],
      qr: { ...qr, caption: '扫码查看网上办事指南' },
    }),
    ...(bundle.guideText?.trim() ? [section('一件事说明'), { text: bundle.guideText.trim() }] : []),
    section('一、所含事项'),
    published.length > 0 ? gridTable(['序号', '事项名称', '事项编码', '承诺办结时限', '指南版本'], [24, '*', 150, 90, 50], itemRows) : { text: '—' },
    ...(hidden > 0 ? [{ text: `另有 ${hidden} 项事项的办事指南尚未发布，其材料暂未列入下表。`, style: 'small', margin: [0, 4, 0, 0] } as Content] : []),
    section('二、办理流程'),
    processList([...bundle.steps].sort((a, b) => a.order - b.order).map((s) => ({ name: s.name, description: `办理：${refs(s.itemIds)}` }))),
    section('三、申请材料（已合并，相同材料只需提交一次）'),
    materialsTable(materials, { header: '适用事项（序号）', cell: (m) => numbers((m as MergedMaterial).itemIds).join('、') || '—' }),
  ];
  return {
    ...A4_PAGE,
    info: { title: `${bundle.name} 办事指南`, subject: '“高效办成一件事”办事指南（DB36/T 2016 §8.2.4）', author: centreName, creationDate: dateOrUndefined(bundle.updatedAt) },
    content,
    styles: STYLES,
    defaultStyle: DEFAULT_STYLE,
    pageBreakBefore: keepHeadingsWithContent(),
    footer: pageFooter(`${centreName} · ${bundle.name} 办事指南 · 更新于 ${updated}`),
  };
}
