import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { assertBundle, checkBundle, mergeMaterials, type BundleDefinition } from './bundles.ts';
import { material } from './test-fixtures.ts';

const tolerance = (value: number, unit: 'working_day' | 'calendar_day' = 'working_day', conditions = '主要材料齐全') => ({
  conditions,
  completionDeadline: { value, unit },
});

describe('§8.2.4 one merged material list for "一件事"', () => {
  it('lists a material asked by several items once, with the items it serves', () => {
    const merged = mergeMaterials([
      { itemId: 'birth-cert', materials: [material({ name: '出生医学证明', issuingBody: '助产机构' }), material()] },
      { itemId: 'hukou', materials: [material(), material({ name: '户口簿', issuingBody: '公安机关' })] },
      { itemId: 'insurance', materials: [material({ name: '居民身份证 ', issuingBody: ' 公安机关' })] },
    ]);
    expect(merged.map((m) => [m.name, m.itemIds])).toEqual([
      ['出生医学证明', ['birth-cert']],
      ['居民身份证', ['birth-cert', 'hukou', 'insurance']],
      ['户口簿', ['hukou']],
    ]);
  });
  it('keeps each distinct note of a merged material once', () => {
    const merged = mergeMaterials([
      { itemId: 'a', materials: [material({ note: '可出示电子身份证' })] },
      { itemId: 'b', materials: [material({ note: '可出示电子身份证' })] },
      { itemId: 'c', materials: [material({ note: '代办人另带本人身份证' })] },
      { itemId: 'd', materials: [material({ note: ' 可出示电子身份证 ' })] },
      { itemId: 'e', materials: [material({ note: null })] },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.note).toBe('可出示电子身份证；代办人另带本人身份证');
  });

  it('normalises whitespace, full/half-width and case before comparing', () => {
    const merged = mergeMaterials([
      { itemId: 'a', materials: [material({ name: '营业执照（副本）', issuingBody: '市场监管部门' })] },
      { itemId: 'b', materials: [material({ name: '营业执照 (副本)', issuingBody: '市场监管部门' })] },
      { itemId: 'c', materials: [material({ name: 'ＣＡ 证书', issuingBody: null })] },
      { itemId: 'd', materials: [material({ name: 'ca证书', issuingBody: '' })] },
    ]);
    expect(merged.map((m) => m.itemIds)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(merged[0]?.name).toBe('营业执照（副本）');
  });
  it('keeps materials of the same name from different issuing bodies apart', () => {
    const merged = mergeMaterials([
      { itemId: 'a', materials: [material({ name: '证明', issuingBody: '村委会' })] },
      { itemId: 'b', materials: [material({ name: '证明', issuingBody: '派出所' })] },
    ]);
    expect(merged).toHaveLength(2);
  });
  it('keeps the strictest requirement: required wins, most originals and copies', () => {
    const [m] = mergeMaterials([
      { itemId: 'a', materials: [material({ required: false, originals: 1, copies: 3 })] },
      { itemId: 'b', materials: [material({ required: true, originals: 2, copies: 1 })] },
      { itemId: 'c', materials: [material({ required: false, originals: 0, copies: 0 })] },
    ]);
    expect(m).toMatchObject({ required: true, originals: 2, copies: 3 });
  });
  it('asks the applicant unless every item gets it by data sharing (§8.1.2.3c)', () => {
    const shared = material({ viaDataSharing: true, required: false, originals: 0, copies: 0 });
    const [both] = mergeMaterials([{ itemId: 'a', materials: [shared] }, { itemId: 'b', materials: [shared] }]);
    expect(both).toMatchObject({ viaDataSharing: true, required: false });
    const [mixed] = mergeMaterials([{ itemId: 'a', materials: [shared] }, { itemId: 'b', materials: [material({ copies: 1 })] }]);
    expect(mixed).toMatchObject({ viaDataSharing: false, required: true, copies: 1 });
  });
  it('tolerates a missing material (§8.2.7) only if every item does, with the shortest deadline', () => {
    const [m] = mergeMaterials([
      { itemId: 'a', materials: [material({ tolerance: tolerance(5) })] },
      { itemId: 'b', materials: [material({ tolerance: tolerance(3, 'working_day', '已作出书面承诺') })] },
    ]);
    expect(m?.tolerance).toEqual({ conditions: '主要材料齐全；已作出书面承诺', completionDeadline: { value: 3, unit: 'working_day' } });
    const [none] = mergeMaterials([
      { itemId: 'a', materials: [material({ tolerance: tolerance(5) })] },
      { itemId: 'b', materials: [material()] },
    ]);
    expect(none?.tolerance).toBeNull();
    const [units] = mergeMaterials([
      { itemId: 'a', materials: [material({ tolerance: tolerance(5) })] },
      { itemId: 'b', materials: [material({ tolerance: tolerance(5, 'calendar_day') })] },
    ]);
    expect(units?.tolerance).toBeNull();
  });
  it('accepts an e-licence only if every item does (§8.2.5); keeps the first form and sample', () => {
    const [m] = mergeMaterials([
      { itemId: 'a', materials: [material({ eLicenceAccepted: true, sampleFileId: null })] },
      { itemId: 'b', materials: [material({ eLicenceAccepted: false, blankFormFileId: 'f1', sampleFileId: 's1' })] },
      { itemId: 'c', materials: [material({ blankFormFileId: 'f2' })] },
    ]);
    expect(m).toMatchObject({ eLicenceAccepted: false, blankFormFileId: 'f1', sampleFileId: 's1' });
  });
  it('counts an item once even when it lists the material twice', () => {
    const [m] = mergeMaterials([{ itemId: 'a', materials: [material(), material({ copies: 4 })] }]);
    expect(m?.itemIds).toEqual(['a']);
    expect(m?.copies).toBe(4);
  });
  it('returns an empty list for no items', () => {
    expect(mergeMaterials([])).toEqual([]);
  });
});

describe('§8.2.4 bundle rules', () => {
  const bundle = (overrides: Partial<BundleDefinition> = {}): BundleDefinition => ({
    name: '新生儿出生一件事',
    itemIds: ['birth-cert', 'hukou', 'insurance'],
    steps: [
      { order: 1, name: '出生医学证明办理', itemIds: ['birth-cert'] },
      { order: 2, name: '户口登记与参保', itemIds: ['hukou', 'insurance'] },
    ],
    acceptingCounterKind: 'comprehensive',
    ...overrides,
  });
  it('accepts a well-formed bundle', () => {
    expect(checkBundle(bundle())).toEqual([]);
    expect(() => assertBundle(bundle())).not.toThrow();
  });
  it('needs at least two distinct items', () => {
    const issues = checkBundle(bundle({ itemIds: ['hukou', 'hukou'], steps: [{ order: 1, name: '登记', itemIds: ['hukou'] }] }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/itemIds', 'BUNDLE_ITEMS_TOO_FEW'],
      ['/itemIds/1', 'BUNDLE_ITEM_DUPLICATE'],
    ]);
  });
  it('needs ordered, named steps covering exactly its items', () => {
    const issues = checkBundle(
      bundle({
        steps: [
          { order: 1, name: '出生医学证明办理', itemIds: ['birth-cert', 'stranger'] },
          { order: 3, name: ' ', itemIds: ['hukou'] },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['/steps/0/itemIds', '/steps/1/order', '/steps/1/name', '/steps']);
    expect(issues.every((i) => i.code === 'BUNDLE_STEPS_INVALID')).toBe(true);
    expect(issues[3]?.message).toContain('insurance');
    expect(checkBundle(bundle({ steps: [] })).map((i) => i.path)).toEqual(['/steps']);
  });
  it('is accepted at comprehensive counters', () => {
    expect(checkBundle(bundle({ acceptingCounterKind: 'professional' })).map((i) => i.code)).toEqual(['BUNDLE_COUNTER_KIND_INVALID']);
  });
  it('throws the first issue’s code with every issue listed', () => {
    let err: unknown;
    try {
      assertBundle(bundle({ name: '', acceptingCounterKind: 'special' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BUNDLE_STEPS_INVALID');
    expect((err as AppError).fields.map((f) => f.code)).toEqual(['BUNDLE_STEPS_INVALID', 'BUNDLE_COUNTER_KIND_INVALID']);
  });
});
