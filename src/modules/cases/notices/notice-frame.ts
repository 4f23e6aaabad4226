/**
 * The frame every notice shares, in the manner of an official document: the centre's
 * name and the title centred, the 编号 line, the addressee, body paragraphs with a
 * two-character first-line indent, and at the foot the QR code of the public progress
 * page on the left and the issuing department with its seal placeholder and the date
 * on the right. A4.
 */
import { A4_PAGE, DEFAULT_STYLE, STYLES, gridTable, labelValueTable, orDash, pageFooter } from '../../../platform/pdf/layout.ts';
import type { Content, DocDefinition, StyleDef, TableCell } from '../../../platform/pdf/types.ts';
import { NOTICE_KINDS, type NoticeData, type NoticeKind, type NoticeMaterial } from './notice-data.ts';
import { chineseDate, counterText, idLabel, shownId } from './notice-format.ts';

export interface NoticeQr {
  readonly url: string;
  /** PNG data URL. */
  readonly image: string;
  readonly caption: string;
}

export const NOTICE_STYLES: Record<string, StyleDef> = {
  ...STYLES,
  noticeOrg: { fontSize: 13, alignment: 'center' },
  noticeTitle: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 8, 0, 0] },
  noticeSubtitle: { fontSize: 13, bold: false },
  noticeNo: { fontSize: 10.5, alignment: 'right', margin: [0, 8, 0, 4] },
  salutation: { fontSize: 12, margin: [0, 6, 0, 2] },
  para: { fontSize: 12, lineHeight: 1.35, leadingIndent: 24, margin: [0, 0, 0, 3] },
  heading: { fontSize: 12, bold: true, margin: [0, 6, 0, 3] },
  seal: { fontSize: 12, alignment: 'center' },
  qrNote: { fontSize: 8, lineHeight: 1.1 },
  remark: { fontSize: 9, color: '#444444', margin: [0, 6, 0, 0] },
};

/** Centre, title (and subtitle), 编号. */
export function header(kind: NoticeKind, data: NoticeData): Content[] {
  const k: { title: string; subtitle?: string } = NOTICE_KINDS[kind];
  return [
    { text: data.centre.name, style: 'noticeOrg' },
    // The subtitle (补正材料通知, 咨询答复) follows the title on its line, smaller.
    { text: [k.title, ...(k.subtitle ? [{ text: k.subtitle, style: 'noticeSubtitle' }] : [])], style: 'noticeTitle' },
    { text: `编号：${data.caseNumber}`, style: 'noticeNo' },
  ];
}

/** A table with room above and below, so that the paragraphs around it do not touch it. */
export const spaced = (table: Content): Content => ({ stack: [table], margin: [0, 2, 0, 6] });

export const salutation = (data: NoticeData): Content => ({ text: `${data.applicant.name}：`, style: 'salutation' });
export const para = (text: string): Content => ({ text, style: 'para' });
export const heading = (text: string): Content => ({ text, style: 'heading' });

/** Wide enough for 统一社会信用代码 on one line. */
export const LABEL_WIDTH = 92;

/** 办件编号, item, applicant with the masked ID, department, counter, clerk, date received. */
export function caseTable(data: NoticeData): Content {
  return spaced(labelValueTable([
    ['办件编号', data.caseNumber, '申请日期', data.receivedOn ? chineseDate(data.receivedOn) : '—'],
    ['事项名称', data.item.name],
    ['申请人', data.applicant.name, idLabel(data.applicant), shownId(data.applicant.idMasked)],
    ['实施部门', data.item.department],
    ['受理窗口', counterText(data.counterNumber), '经办人', data.clerkName],
  ], LABEL_WIDTH));
}

const count = (n: number | null | undefined): string => (typeof n === 'number' ? String(n) : '—');

/** 序号 / 材料名称 / 原件 / 复印件 / 说明. */
export function materialTable(materials: readonly NoticeMaterial[]): Content {
  return spaced(gridTable(
    ['序号', '材料名称', '原件（份）', '复印件（份）', '说明'],
    [28, '*', 52, 60, '*'],
    materials.map((m, i): TableCell[] => [
      { text: String(i + 1), alignment: 'center' },
      { text: m.name },
      { text: count(m.originals), alignment: 'center' },
      { text: count(m.copies), alignment: 'center' },
      { text: orDash(m.note) },
    ]),
  ));
}

/**
 * The foot: QR code of the public page on the left; issuer (盖章) and date on the
 * right. It keeps the last lines of the body with it on one page, so that a seal never
 * stands on a page of its own.
 */
export function closing(data: NoticeData, qr: NoticeQr, last: Content[]): Content {
  return {
    unbreakable: true,
    stack: [
      ...last,
      {
        margin: [0, 12, 0, 0],
        columns: [
          { width: 72, image: qr.image, fit: [72, 72] },
          {
            width: 160,
            margin: [4, 12, 0, 0],
            stack: [
              { text: qr.caption, style: 'qrNote', bold: true },
              { text: qr.url, style: 'qrNote', color: '#333333' },
            ],
          },
          { width: '*', text: '' },
          {
            width: 220,
            margin: [0, 12, 0, 0],
            stack: [
              { text: `${data.item.department}（盖章）`, style: 'seal' },
              { text: chineseDate(data.issuedOn), style: 'seal', margin: [0, 10, 0, 0] },
            ],
          },
        ],
      },
    ],
  };
}

/** 本文书一式两份…: the last line of a notice before its seal. (A new node each time: pdfmake writes into the nodes it lays out.) */
export const copiesRemark = (): Content => ({ text: '本文书一式两份，一份交申请人，一份由实施部门存档。', style: 'remark' });

export function noticeDocument(kind: NoticeKind, data: NoticeData, body: Content[], qr: NoticeQr, creationDate: Date): DocDefinition {
  const k = NOTICE_KINDS[kind];
  const contact = [data.centre.address?.trim() ? `地址：${data.centre.address.trim()}` : '', data.centre.phone?.trim() ? `电话：${data.centre.phone.trim()}` : ''].filter((s) => s !== '');
  return {
    ...A4_PAGE,
    info: { title: `${k.title} ${data.caseNumber}`, subject: `${k.title}（DB36/T 2016 ${k.clause}）`, author: data.centre.name, creationDate },
    content: [...header(kind, data), ...body.slice(0, -1), closing(data, qr, body.slice(-1))],
    styles: NOTICE_STYLES,
    defaultStyle: DEFAULT_STYLE,
    footer: pageFooter([data.centre.name, ...contact].join(' · ')),
  };
}
