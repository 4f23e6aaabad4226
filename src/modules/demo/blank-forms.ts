/**
 * Blank forms (空白表格, DB36/T 2016 §6.3.2) for a few demo materials, generated as small
 * one-page PDFs when the demo is seeded: no binary file in the repository. The Chinese
 * text uses the standard Adobe-GB1 font STSong-Light (UniGB-UCS2-H encoding), which PDF
 * readers supply themselves, so nothing is embedded and each file is about 2 KB.
 */
import type { DemoItemInput } from './demo-items.ts';

export interface DemoBlankForm {
  /** The material (申请材料) whose 空白表格 it is, by name. */
  readonly material: string;
  /** The stored file's name. */
  readonly fileName: string;
  /** The rows to fill in. */
  readonly fields: readonly string[];
}

export const DEMO_BLANK_FORMS: readonly DemoBlankForm[] = [
  {
    material: '企业设立登记申请书',
    fileName: '企业设立登记申请书（空白表格）.pdf',
    fields: ['企业名称', '住所', '法定代表人', '注册资本（万元）', '企业类型', '经营范围', '联系电话'],
  },
  {
    material: '个体工商户登记（备案）申请书',
    fileName: '个体工商户登记（备案）申请书（空白表格）.pdf',
    fields: ['个体工商户名称', '经营者姓名', '经营场所', '组成形式', '经营范围', '联系电话'],
  },
  {
    material: '食品经营许可申请书',
    fileName: '食品经营许可申请书（空白表格）.pdf',
    fields: ['申请人名称', '法定代表人（负责人）', '经营场所', '主体业态', '经营项目', '联系电话'],
  },
];

/** A PDF hex string of UTF-16BE code units (what UniGB-UCS2-H reads). */
function utf16Hex(text: string): string {
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

const PAGE_WIDTH = 595;
const LEFT = 50;
const LABEL_WIDTH = 160;
const VALUE_WIDTH = PAGE_WIDTH - 2 * LEFT - LABEL_WIDTH;
const ROW = 40;

/** `text` in font size `size` at (x, y), baseline. */
const show = (text: string, size: number, x: number, y: number) => `BT /F1 ${size} Tf ${x} ${y} Td ${utf16Hex(text)} Tj ET`;

/** The page: the title, a note, one bordered row per field, the applicant's signature and date. */
function pageContent(title: string, fields: readonly string[]): string {
  const lines: string[] = ['0.8 w'];
  const titleSize = 18;
  lines.push(show(title, titleSize, Math.round((PAGE_WIDTH - title.length * titleSize) / 2), 770));
  const note = '（空白表格，演示数据）';
  lines.push(show(note, 10, Math.round((PAGE_WIDTH - note.length * 10) / 2), 748));
  let y = 700;
  for (const field of fields) {
    lines.push(`${LEFT} ${y} ${LABEL_WIDTH} ${ROW} re S`, `${LEFT + LABEL_WIDTH} ${y} ${VALUE_WIDTH} ${ROW} re S`);
    lines.push(show(field, 12, LEFT + 10, y + 15));
    y -= ROW;
  }
  // Full-width spaces (U+3000): every glyph of the text is one em wide, so positions are known.
  lines.push(show('申请人签字（盖章）：', 12, LEFT, y - 20), show('日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', 12, LEFT + 300, y - 20));
  lines.push(show('填写说明：请用黑色签字笔填写，内容应真实、完整；如有疑问请咨询综合受理窗口。', 9, LEFT, y - 50));
  return lines.join('\n');
}

/** A one-page PDF 1.4 blank form with a valid cross-reference table. */
export function blankFormPdf(title: string, fields: readonly string[]): Buffer {
  const content = pageContent(title, fields);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    `<< /Title <FEFF${utf16Hex(title).slice(1, -1)}> /Producer (GovHall) >>`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character above is ASCII: string offsets are byte offsets.
  return Buffer.from(pdf, 'latin1');
}

/**
 * The demo items with the stored blank forms set on their materials (`fileIds`: material
 * name → stored file id). A form whose material no item asks for is an error, so that a
 * renamed material cannot silently drop its form.
 */
export function withBlankForms(inputs: readonly DemoItemInput[], fileIds: ReadonlyMap<string, string>): DemoItemInput[] {
  const used = new Set<string>();
  const result = inputs.map((input) => {
    const materials = input.guide.materials?.map((m) => {
      const fileId = fileIds.get(m.name);
      if (fileId === undefined) return m;
      used.add(m.name);
      return { ...m, blankFormFileId: fileId };
    });
    return materials ? { ...input, guide: { ...input.guide, materials } } : input;
  });
  const unused = [...fileIds.keys()].filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`demo blank forms: no demo material named ${unused.join(', ')}`);
  return result;
}
