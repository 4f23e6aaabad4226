/**
 * Building blocks shared by GovHall's printed documents (service guides now, case
 * notices later): A4 page, styles, a title block with a QR code and its URL, label /
 * value tables, section headings, the page footer.
 */
import type { Content, DocDefinition, StyleDef, TableCell } from './types.ts';

export const A4_PAGE: Pick<DocDefinition, 'pageSize' | 'pageMargins'> = { pageSize: 'A4', pageMargins: [40, 40, 40, 48] };

export const STYLES: Record<string, StyleDef> = {
  org: { fontSize: 11, color: '#444444' },
  kind: { fontSize: 10, color: '#444444' },
  title: { fontSize: 18, bold: true, margin: [0, 2, 0, 4] },
  meta: { fontSize: 9, color: '#444444' },
  section: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
  small: { fontSize: 8, color: '#555555' },
  qrCaption: { fontSize: 7, alignment: 'center' },
};
export const DEFAULT_STYLE: StyleDef = { fontSize: 10, lineHeight: 1.25 };

/** Empty or missing text prints as an em dash, never as a blank that looks like an omission. */
export function orDash(value: string | null | undefined): string {
  const v = value?.trim();
  return v ? v : '—';
}

/** The title block: organisation, document kind, title, meta lines; the QR code and its URL on the right. */
export function titleBlock(input: { org: string; kind: string; title: string; meta: readonly string[]; qr?: { image: string; url: string; caption: string } }): Content {
  const left: Content = {
    stack: [
      { text: input.org, style: 'org' },
      { text: input.kind, style: 'kind', margin: [0, 6, 0, 0] },
      { text: input.title, style: 'title' },
      ...input.meta.map((line): Content => ({ text: line, style: 'meta' })),
    ],
  };
  if (!input.qr) return left;
  return {
    columns: [
      { ...left, width: '*' },
      {
        width: 124,
        stack: [
          { image: input.qr.image, fit: [96, 96], alignment: 'center' },
          { text: input.qr.caption, style: 'qrCaption', bold: true },
          { text: input.qr.url, style: 'qrCaption', color: '#333333' },
        ],
      },
    ],
    columnGap: 12,
  };
}

export function section(title: string): Content {
  return { text: title, style: 'section', headlineLevel: 1 };
}

/** A section heading never ends a page: it moves to the next when less than `room` points remain under it. */
export function keepHeadingsWithContent(room = 90): NonNullable<DocDefinition['pageBreakBefore']> {
  return (node) => node.headlineLevel === 1 && node.startPosition !== undefined && node.startPosition.pageInnerHeight * (1 - node.startPosition.verticalRatio) < room;
}

const LABEL = { bold: true, fillColor: '#f2f2f2' } as const;
const HEADER = { bold: true, fillColor: '#e6e6e6', alignment: 'center' } as const;

/** Rows of label / value pairs, two pairs per row; a pair alone spans the row. `labelWidth` in points. */
export function labelValueTable(rows: readonly (readonly [string, string] | readonly [string, string, string, string])[], labelWidth = 78): Content {
  const body: TableCell[][] = rows.map((r) =>
    r.length === 2
      ? [{ text: r[0], ...LABEL }, { text: r[1], colSpan: 3 }, {}, {}]
      : [{ text: r[0], ...LABEL }, { text: r[1] }, { text: r[2], ...LABEL }, { text: r[3] }],
  );
  return { table: { widths: [labelWidth, '*', labelWidth, '*'], body, dontBreakRows: true } };
}

/** A table with a header row repeated on every page. */
export function gridTable(header: readonly string[], widths: (number | '*' | 'auto')[], rows: TableCell[][]): Content {
  return { table: { widths, headerRows: 1, dontBreakRows: true, body: [header.map((h): TableCell => ({ text: h, ...HEADER })), ...rows] } };
}

/** "label · 第 p 页 / 共 n 页" at the foot of every page. */
export function pageFooter(label: string): NonNullable<DocDefinition['footer']> {
  return (page, pages) => ({
    columns: [
      { text: label, style: 'small', width: '*' },
      { text: `第 ${page} 页 / 共 ${pages} 页`, style: 'small', alignment: 'right', width: 'auto' },
    ],
    margin: [40, 14, 40, 0],
  });
}
