import { describe, expect, it } from 'vitest';
import { AppError, ERRORS } from '../shared/errors.ts';
import { assertPublishable, checkGuideConsistency, missingForPublication, publicationIssues, type ItemGuide } from './guide.ts';
import { flags, guide, material } from './test-fixtures.ts';

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

/** A draft with nothing filled in yet. */
function emptyGuide(): ItemGuide {
  return {
    name: null,
    kind: null,
    typeCode: null,
    legalBasis: null,
    implementingBody: null,
    legalTimeLimit: null,
    promisedTimeLimit: null,
    caseKind: null,
    resultName: null,
    resultSampleFileId: null,
    fee: null,
    materials: null,
    process: null,
    handlingForms: null,
    reviewStandard: null,
    throughScope: null,
    place: null,
    hours: null,
    consultationPhone: null,
    supervisionPhone: null,
    flags: flags({ appointment: null, onlinePayment: null, postalDelivery: null }),
  };
}

describe('DB36/T 2016 §7.3.3.3 mandatory guide elements', () => {
  it('a complete guide misses nothing and is consistent', () => {
    expect(missingForPublication(guide())).toEqual([]);
    expect(checkGuideConsistency(guide())).toEqual([]);
    expect(() => assertPublishable(guide())).not.toThrow();
  });
  it('an empty draft names every element of §7.3.3.3, in order', () => {
    const names = missingForPublication(emptyGuide()).map((m) => m.element);
    expect(names).toEqual([
      '事项名称',
      '事项类型',
      '事项类型代码',
      '设定依据',
      '实施机构',
      '法定办结时限',
      '承诺办结时限',
      '办件类型',
      '结果名称',
      '结果样本',
      '收费标准',
      '收费依据',
      '申请材料',
      '办理流程',
      '办理形式',
      '审查标准',
      '通办范围',
      '预约办理',
      '网上支付',
      '物流快递',
      '办理地点',
      '办理时间',
      '咨询电话',
      '监督电话',
    ]);
    for (const m of missingForPublication(emptyGuide())) {
      expect(m.code).toBe('ITEM_GUIDE_ELEMENT_MISSING');
      expect(m.message).toContain(m.element);
      expect(m.path.startsWith('/')).toBe(true);
    }
  });
  it('treats blank text as missing', () => {
    const missing = missingForPublication(guide({ name: '  ', place: '', supervisionPhone: '\t' }));
    expect(missing.map((m) => m.path)).toEqual(['/name', '/place', '/supervisionPhone']);
  });
  it('needs both the name and the USCC of the implementing body', () => {
    const missing = missingForPublication(guide({ implementingBody: { name: '市场监管局', uscc: null } }));
    expect(missing.map((m) => m.element)).toEqual(['实施机构统一社会信用代码']);
  });
  it('a charged fee needs its standard and basis; a free one needs neither', () => {
    expect(missingForPublication(guide({ fee: { free: false, standard: null, basis: ' ' } })).map((m) => m.path)).toEqual(['/fee/standard', '/fee/basis']);
    expect(missingForPublication(guide({ fee: { free: false, standard: '每件 10 元', basis: '发改价格〔2019〕1 号' } }))).toEqual([]);
    expect(missingForPublication(guide({ fee: { free: true } }))).toEqual([]);
  });
  it('an empty material list is a statement, an empty process is not', () => {
    expect(missingForPublication(guide({ materials: [] }))).toEqual([]);
    expect(missingForPublication(guide({ process: [] })).map((m) => m.element)).toEqual(['办理流程']);
    expect(missingForPublication(guide({ handlingForms: [] })).map((m) => m.element)).toEqual(['办理形式']);
  });
  it('names an unnamed material or step by its position', () => {
    const missing = missingForPublication(guide({ materials: [material(), material({ name: ' ' })], process: [{ name: '受理' }, { name: '' }] }));
    expect(missing.map((m) => [m.path, m.element])).toEqual([
      ['/materials/1/name', '申请材料名称（第 2 项）'],
      ['/process/1/name', '办理环节名称（第 2 步）'],
    ]);
  });
  it('预约办理、网上支付、物流快递 stated as "no" are not missing', () => {
    expect(missingForPublication(guide({ flags: flags({ appointment: false, onlinePayment: false, postalDelivery: false }) }))).toEqual([]);
  });
  it('publication refuses naming each missing element', () => {
    let caught: unknown;
    try {
      assertPublishable(guide({ legalBasis: null, hours: null }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const err = caught as AppError;
    expect(err.code).toBe('ITEM_PUBLICATION_INCOMPLETE');
    expect(err.message).toContain('设定依据');
    expect(err.message).toContain('办理时间');
    expect(err.fields.map((f) => f.path)).toEqual(['/legalBasis', '/hours']);
  });
  it('publication also refuses a contradiction, listing it', () => {
    expect(() => assertPublishable(guide({ promisedTimeLimit: { value: 30, unit: 'working_day' } }))).toThrow(/矛盾/);
    expect(codes(publicationIssues(guide({ name: null, promisedTimeLimit: { value: 30, unit: 'working_day' } })))).toEqual([
      'ITEM_GUIDE_ELEMENT_MISSING',
      'ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL',
    ]);
  });
});

describe('time limits (§7.3.3.3 法定/承诺办结时限)', () => {
  it('promised not longer than legal in the same unit', () => {
    expect(checkGuideConsistency(guide({ promisedTimeLimit: { value: 20, unit: 'working_day' } }))).toEqual([]);
    const issues = checkGuideConsistency(guide({ promisedTimeLimit: { value: 21, unit: 'working_day' } }));
    expect(codes(issues)).toEqual(['ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL']);
    expect(issues[0]?.message).toContain('21个工作日');
    expect(issues[0]?.message).toContain('20个工作日');
    expect(codes(checkGuideConsistency(guide({ legalTimeLimit: { value: 2, unit: 'hour' }, promisedTimeLimit: { value: 3, unit: 'hour' }, caseKind: '1' })))).toEqual([
      'ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL',
    ]);
  });
  it('more working days than legal calendar days is too long; the reverse depends on the calendar', () => {
    const legal = { value: 10, unit: 'calendar_day' } as const;
    expect(codes(checkGuideConsistency(guide({ legalTimeLimit: legal, promisedTimeLimit: { value: 11, unit: 'working_day' } })))).toEqual([
      'ITEM_PROMISED_LIMIT_EXCEEDS_LEGAL',
    ]);
    expect(checkGuideConsistency(guide({ legalTimeLimit: legal, promisedTimeLimit: { value: 10, unit: 'working_day' } }))).toEqual([]);
    expect(checkGuideConsistency(guide({ legalTimeLimit: { value: 10, unit: 'working_day' }, promisedTimeLimit: { value: 12, unit: 'calendar_day' } }))).toEqual([]);
  });
  it('refuses negative or fractional values', () => {
    const issues = checkGuideConsistency(guide({ legalTimeLimit: { value: -1, unit: 'working_day' }, promisedTimeLimit: { value: 1.5, unit: 'working_day' } }));
    expect(issues.filter((i) => i.code === 'ITEM_TIME_LIMIT_INVALID').map((i) => i.path)).toEqual(['/legalTimeLimit/value', '/promisedTimeLimit/value']);
  });
  it('即办件 has no multi-day promise', () => {
    const immediate = (value: number, unit: 'working_day' | 'calendar_day' | 'hour') =>
      codes(checkGuideConsistency(guide({ caseKind: '1', legalTimeLimit: { value: 30, unit }, promisedTimeLimit: { value, unit } })));
    expect(immediate(0, 'working_day')).toEqual([]);
    expect(immediate(1, 'working_day')).toEqual([]);
    expect(immediate(24, 'hour')).toEqual([]);
    expect(immediate(2, 'working_day')).toEqual(['ITEM_IMMEDIATE_LIMIT_INVALID']);
    expect(immediate(2, 'calendar_day')).toEqual(['ITEM_IMMEDIATE_LIMIT_INVALID']);
    expect(immediate(25, 'hour')).toEqual(['ITEM_IMMEDIATE_LIMIT_INVALID']);
  });
  it('承诺件 may promise several days', () => {
    expect(checkGuideConsistency(guide({ caseKind: '2', promisedTimeLimit: { value: 5, unit: 'working_day' } }))).toEqual([]);
  });
});

describe('materials', () => {
  it('§8.1.2.3c: a data-sharing material is not required of the applicant', () => {
    const shared = material({ name: '户口簿', viaDataSharing: true, required: false, originals: 0, copies: 0 });
    expect(checkGuideConsistency(guide({ materials: [shared] }))).toEqual([]);
    for (const bad of [{ required: true }, { originals: 1 }, { copies: 2 }]) {
      const issues = checkGuideConsistency(guide({ materials: [{ ...shared, ...bad }] }));
      expect(codes(issues)).toEqual(['ITEM_SHARED_MATERIAL_REQUESTED']);
      expect(issues[0]?.path).toBe('/materials/0/viaDataSharing');
      expect(issues[0]?.message).toContain('户口簿');
    }
  });
  it('§8.2.7: a 容缺 material needs conditions and a completion deadline', () => {
    const ok = material({ tolerance: { conditions: '已提供其他主要材料', completionDeadline: { value: 5, unit: 'working_day' } } });
    expect(checkGuideConsistency(guide({ materials: [ok], flags: flags({ toleranceAcceptance: true }) }))).toEqual([]);
    for (const tolerance of [
      { conditions: '已提供其他主要材料', completionDeadline: null },
      { conditions: '  ', completionDeadline: { value: 5, unit: 'working_day' as const } },
      { conditions: '条件', completionDeadline: { value: 0, unit: 'working_day' as const } },
    ]) {
      const issues = checkGuideConsistency(guide({ materials: [material({ tolerance })], flags: flags({ toleranceAcceptance: true }) }));
      expect(codes(issues)).toEqual(['ITEM_TOLERANCE_DEADLINE_REQUIRED']);
      expect(issues[0]?.path).toBe('/materials/0/tolerance');
    }
  });
  it('§8.2.7: a 容缺 material needs the item’s 容缺受理 flag, and the flag needs such a material', () => {
    const tolerated = material({ tolerance: { conditions: '条件', completionDeadline: { value: 3, unit: 'working_day' } } });
    expect(codes(checkGuideConsistency(guide({ materials: [tolerated] })))).toEqual(['ITEM_TOLERANCE_FLAG_REQUIRED']);
    expect(codes(checkGuideConsistency(guide({ flags: flags({ toleranceAcceptance: true }) })))).toEqual(['ITEM_TOLERANCE_MATERIALS_REQUIRED']);
  });
  it('refuses negative or fractional counts', () => {
    const issues = checkGuideConsistency(guide({ materials: [material({ originals: -1, copies: 0.5 })] }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/materials/0/originals', 'ITEM_MATERIAL_COUNT_INVALID'],
      ['/materials/0/copies', 'ITEM_MATERIAL_COUNT_INVALID'],
    ]);
  });
  it('refuses the same material twice (normalised name and issuing body)', () => {
    const issues = checkGuideConsistency(guide({ materials: [material(), material({ name: '居民 身份证', issuingBody: '公安机关 ' })] }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/materials/1/name', 'ITEM_MATERIAL_DUPLICATE']]);
    expect(issues[0]?.message).toContain('第 1 项');
    expect(checkGuideConsistency(guide({ materials: [material(), material({ issuingBody: '出入境管理部门' })] }))).toEqual([]);
  });
  it('§8.2.5: 免证办 needs a material replaced by an e-licence or data sharing', () => {
    expect(codes(checkGuideConsistency(guide({ flags: flags({ certificateFree: true }) })))).toEqual(['ITEM_CERTIFICATE_FREE_UNSUPPORTED']);
    expect(checkGuideConsistency(guide({ flags: flags({ certificateFree: true }), materials: [material({ eLicenceAccepted: true })] }))).toEqual([]);
    const shared = material({ viaDataSharing: true, required: false, originals: 0, copies: 0 });
    expect(checkGuideConsistency(guide({ flags: flags({ certificateFree: true }), materials: [shared] }))).toEqual([]);
  });
});

describe('§8.2.6 通办 flags and 通办范围', () => {
  it('跨省通办 needs 全国', () => {
    expect(checkGuideConsistency(guide({ throughScope: '1', flags: flags({ crossProvince: true }) }))).toEqual([]);
    const issues = checkGuideConsistency(guide({ throughScope: '2', flags: flags({ crossProvince: true }) }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/flags/crossProvince', 'ITEM_THROUGH_SCOPE_CONFLICT']]);
  });
  it('省内通办 needs 全省 or wider; 市内通办 needs 全市 or wider', () => {
    expect(checkGuideConsistency(guide({ throughScope: '2', flags: flags({ withinProvince: true, withinCity: true }) }))).toEqual([]);
    expect(codes(checkGuideConsistency(guide({ throughScope: '3', flags: flags({ withinProvince: true }) })))).toEqual(['ITEM_THROUGH_SCOPE_CONFLICT']);
    expect(codes(checkGuideConsistency(guide({ throughScope: '4', flags: flags({ withinCity: true }) })))).toEqual(['ITEM_THROUGH_SCOPE_CONFLICT']);
  });
  it('leaves a missing scope to the missing-element check', () => {
    expect(checkGuideConsistency(guide({ throughScope: null, flags: flags({ crossProvince: true }) }))).toEqual([]);
  });
});

describe('issue codes', () => {
  it('are all in the error table', () => {
    const all = [
      ...publicationIssues(emptyGuide()),
      ...checkGuideConsistency(
        guide({
          caseKind: '1',
          legalTimeLimit: { value: -1, unit: 'working_day' },
          promisedTimeLimit: { value: 3, unit: 'working_day' },
          throughScope: '6',
          flags: flags({ certificateFree: true, toleranceAcceptance: false, crossProvince: true }),
          materials: [
            material({ originals: -1, viaDataSharing: true, tolerance: { conditions: null, completionDeadline: null } }),
            material({ originals: -1 }),
          ],
        }),
      ),
      ...checkGuideConsistency(guide({ flags: flags({ toleranceAcceptance: true }) })),
    ];
    expect(new Set(all.map((i) => i.code)).size).toBeGreaterThanOrEqual(10);
    for (const i of all) expect(Object.keys(ERRORS)).toContain(i.code);
  });
});

describe('事项类型 and the implementing body', () => {
  it('the type code must match the item type', () => {
    const issues = checkGuideConsistency(guide({ kind: 'licensing', typeCode: '07' }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/typeCode', 'ITEM_TYPE_CODE_MISMATCH']]);
    expect(checkGuideConsistency(guide({ kind: 'filing', typeCode: '11' }))).toEqual([]);
    expect(checkGuideConsistency(guide({ kind: 'public_service', typeCode: '20' }))).toEqual([]);
    expect(checkGuideConsistency(guide({ kind: null, typeCode: '07' }))).toEqual([]);
  });
  it('the implementing body’s USCC must pass the GB 32100 check', () => {
    const issues = checkGuideConsistency(guide({ implementingBody: { name: '某局', uscc: '11440232MB2D06811X' } }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['/implementingBody/uscc', 'USCC_INVALID']]);
  });
});
