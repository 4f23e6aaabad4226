import { describe, expect, it } from 'vitest';
import { materialKey, nameKey } from './text.ts';

describe('name keys (§8.2.4: duplicates across items are removed)', () => {
  it('ignores spaces, including full-width and inner spaces', () => {
    expect(nameKey(' 居民 身份证\u3000')).toBe(nameKey('居民身份证'));
  });
  it('folds full-width letters, digits and brackets to half-width', () => {
    expect(nameKey('营业执照（副本）')).toBe(nameKey('营业执照(副本)'));
    expect(nameKey('ＡＢＣ１２３')).toBe('ABC123');
  });
  it('ignores the case of Latin letters', () => {
    expect(nameKey('ca证书')).toBe(nameKey('CA证书'));
  });
  it('keeps different names apart', () => {
    expect(nameKey('户口簿')).not.toBe(nameKey('户口本'));
  });
  it('keys a material by name and issuing body', () => {
    expect(materialKey('出生医学证明', ' 医院 ')).toBe(materialKey('出生医学证明', '医院'));
    expect(materialKey('出生医学证明', '医院')).not.toBe(materialKey('出生医学证明', null));
    expect(materialKey('证明', null)).toBe(materialKey('证明', ''));
  });
});
