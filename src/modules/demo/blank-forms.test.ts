// DB36/T 2016 §6.3.2: the demo's 空白表格 are real PDFs, made in code.
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../domain/files/file-rules.ts';
import { blankFormPdf, DEMO_BLANK_FORMS, withBlankForms } from './blank-forms.ts';
import { DEMO_DEPARTMENTS } from './demo-data.ts';
import { demoItems } from './demo-items.ts';

const FIELDS = { name: { path: 'name', label: '文件名' }, content: { path: '/', label: '文件' } };

/** Checks what a PDF reader relies on first: header, trailer, and every xref offset landing on its object. */
function checkPdfStructure(pdf: Buffer): void {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.endsWith('%%EOF\n')).toBe(true);
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
  expect(Number(first)).toBe(0);
  const entries = text.slice(startxref).split('\n').slice(2, 2 + Number(count));
  expect(entries[0]).toBe('0000000000 65535 f ');
  entries.slice(1).forEach((entry, i) => {
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  expect(text).toContain(`/Size ${count} /Root 1 0 R`);
  // Each stream's /Length is its byte length.
  for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = m.index + m[0].length;
    expect(text.slice(start + Number(m[1]), start + Number(m[1]) + '\nendstream'.length)).toBe('\nendstream');
  }
}

describe('demo blank forms', () => {
  it.each(DEMO_BLANK_FORMS.map((f) => [f.material, f] as const))('%s is a well-formed one-page PDF that passes the upload checks', (_name, form) => {
    const pdf = blankFormPdf(form.material, form.fields);
    checkPdfStructure(pdf);
    expect(pdf.length).toBeLessThan(4096);
    expect(pdf.toString('latin1')).toContain('/Count 1');
    expect(checkFile({ name: form.fileName, bytes: pdf }, FIELDS)).toMatchObject({ format: 'pdf', contentType: 'application/pdf' });
    // The title and each field, as UTF-16BE hex for the UniGB-UCS2-H font.
    const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
    for (const label of [form.material, ...form.fields]) expect(pdf.toString('latin1')).toContain(`<${hex(label)}>`);
  });

  it('sets the forms on the materials they belong to, and refuses a form no material asks for', () => {
    const ids = new Map(DEMO_DEPARTMENTS.map((d, i) => [d.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
    const fileIds = new Map(DEMO_BLANK_FORMS.map((f, i) => [f.material, `file-${i}`]));
    const inputs = withBlankForms(demoItems(ids), fileIds);
    const withForms = inputs.flatMap((item) => (item.guide.materials ?? []).filter((m) => m.blankFormFileId !== null).map((m) => [item.key, m.name, m.blankFormFileId]));
    expect(withForms).toHaveLength(DEMO_BLANK_FORMS.length);
    for (const [, name, fileId] of withForms) expect(fileId).toBe(fileIds.get(name as string));
    expect(() => withBlankForms(demoItems(ids), new Map([['不存在的材料', 'x']]))).toThrow(/不存在的材料/);
  });
});
