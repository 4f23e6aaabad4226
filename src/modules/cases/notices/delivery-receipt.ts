/**
 * 送达回证 (§8.1.2.5: results delivered at the counter or by post): one form table of
 * what was delivered, to whom, where, how and when, with the lines the receiver (or
 * the person receiving on their behalf) signs by hand.
 */
import type { Content, TableCell } from '../../../platform/pdf/types.ts';
import { DELIVERY_METHODS, type NoticeData } from './notice-data.ts';
import { heading, spaced } from './notice-frame.ts';
import { BLANK_DATE, BLANK_DATE_TIME, chineseDateTime, counterText, idLabel, shownId } from './notice-format.ts';

const LABEL = { bold: true, fillColor: '#f2f2f2', alignment: 'center' } as const;

function row(label: string, value: string | TableCell): TableCell[] {
  return [{ text: label, ...LABEL }, typeof value === 'string' ? { text: value } : value];
}

export function deliveryReceiptBody(data: NoticeData): Content[] {
  const s = data.delivery;
  if (!s) throw new Error('notice section missing after check');
  const documents = s.documents.map((d, i) => `${i + 1}. ${d.name}${d.number?.trim() ? `（${d.number.trim()}）` : ''}${typeof d.copies === 'number' ? ` ${d.copies} 份` : ''}`);
  const method = `${DELIVERY_METHODS[s.method]}${s.trackingNumber?.trim() ? `，快递单号：${s.trackingNumber.trim()}` : ''}`;
  const signature = (): TableCell => ({ stack: [{ text: ' ', margin: [0, 18, 0, 0] }, { text: BLANK_DATE, alignment: 'right' }] });
  const body: TableCell[][] = [
    row('送达文书', { stack: documents }),
    row('办件编号', data.caseNumber),
    row('事项名称', data.item.name),
    row('受送达人', `${data.applicant.name}（${idLabel(data.applicant)}：${shownId(data.applicant.idMasked)}）`),
    row('送达地点', s.place?.trim() || '—'),
    row('送达方式', method),
    row('送达时间', s.deliveredAt ? chineseDateTime(s.deliveredAt) : BLANK_DATE_TIME),
    row('受送达人签名（盖章）', signature()),
    row('代收人及代收理由', signature()),
    row('送达人', `${data.clerkName}（${counterText(data.counterNumber)}）`),
    row('备注', s.note?.trim() || ' '),
  ];
  return [
    heading(`送达部门：${data.item.department}`),
    spaced({ table: { widths: [110, '*'], dontBreakRows: true, body } }),
    { style: 'remark', text: '注：受送达人应在本回证上签名或者盖章，并注明收到日期；由他人代收的，代收人应注明代收理由；受送达人拒绝签收的，送达人应在备注栏注明情况。' },
  ];
}
