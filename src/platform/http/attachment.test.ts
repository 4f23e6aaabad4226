import { describe, expect, it } from 'vitest';
import { attachment } from './attachment.ts';

describe('attachment()', () => {
  it('gives the Chinese name as RFC 5987 filename* and the ASCII fallback asked for', () => {
    expect(attachment('事项目录.xlsx', 'items.xlsx')).toBe(`attachment; filename="items.xlsx"; filename*=UTF-8''${encodeURIComponent('事项目录.xlsx')}`);
  });

  it('escapes the characters encodeURIComponent leaves but attr-char forbids', () => {
    expect(attachment("a'(b)*.pdf")).toBe(`attachment; filename="download.pdf"; filename*=UTF-8''a%27%28b%29%2A.pdf`);
  });

  it('uses a plain ASCII name as its own fallback, else download.<extension>', () => {
    expect(attachment('form (v2).pdf')).toBe(`attachment; filename="form (v2).pdf"; filename*=UTF-8''form%20%28v2%29.pdf`);
    expect(attachment('申请表.docx')).toMatch(/^attachment; filename="download\.docx"; /);
    expect(attachment('无扩展名')).toMatch(/^attachment; filename="download\.bin"; /);
  });
});
