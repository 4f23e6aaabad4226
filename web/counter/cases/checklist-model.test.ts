/**
 * The checklist at the counter follows the server's own rules (DB36/T 2016 §8.1.2.3
 * 材料核验, §8.1.2.3c 数据共享, §8.2.7 容缺与告知承诺, §8.2.4 一件事): which decisions are
 * offered, what the body says, what the one-time notice lists.
 */
import { describe, expect, it } from 'vitest';
import { flags, guide, material } from '../../../src/domain/catalogue/test-fixtures.ts';
import {
  allProvided,
  commitmentTemplate,
  correctionList,
  decisionsOf,
  initialRows,
  limitText,
  materialsBody,
  rulesOf,
  statusChoices,
  toleranceDeadlineText,
  toleratedList,
  type ChecklistRow,
} from './checklist-model.ts';

const PHOTO = material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: '场所装修未完成', completionDeadline: { value: 3, unit: 'working_day' } } });
const LICENCE = material({ name: '营业执照', issuingBody: '市场监督管理局', viaDataSharing: true, required: false, originals: 0, copies: 0 });

function rules(overrides: { toleranceAcceptance?: boolean; notifyCommit?: boolean } = {}) {
  return rulesOf([
    {
      itemId: 'item-1',
      guide: guide({
        materials: [material({ name: '居民身份证' }), material({ name: '食品经营许可申请书', issuingBody: null }), PHOTO, LICENCE],
        flags: flags({ toleranceAcceptance: true, notifyCommit: false, ...overrides }),
      }),
    },
  ]);
}

const rows = (...statuses: ChecklistRow['status'][]): ChecklistRow[] => statuses.map((status) => ({ status }));

describe('the checklist from the published guide (§8.1.2.3)', () => {
  it('starts with every material to hand in missing and the shared one shared (§8.1.2.3c)', () => {
    const r = rules();
    expect(r.materials.map((m) => m.name)).toEqual(['居民身份证', '食品经营许可申请书', '经营场所照片', '营业执照']);
    expect(initialRows(r.materials).map((x) => x.status)).toEqual(['missing', 'missing', 'missing', 'shared']);
    expect(allProvided(r.materials).map((x) => x.status)).toEqual(['provided', 'provided', 'provided', 'shared']);
  });

  it('offers 容缺 only for a material with a tolerance on an item that accepts with deficiency (§8.2.7); nothing for a shared one', () => {
    const r = rules();
    expect(statusChoices(r.materials[0]!).map((c) => c.label)).toEqual(['已收', '缺', '不符合要求']);
    expect(statusChoices(r.materials[2]!).map((c) => c.label)).toEqual(['已收', '缺', '不符合要求', '容缺']);
    expect(statusChoices(r.materials[3]!)).toEqual([]);
    const noFlag = rules({ toleranceAcceptance: false });
    expect(statusChoices(noFlag.materials[2]!).map((c) => c.value)).not.toContain('tolerated');
    expect(toleranceDeadlineText(r.materials[2]!)).toBe('受理后 3 个工作日内补齐');
  });
});

describe('the decisions offered are the server’s', () => {
  it('all provided: 受理 (and 告知承诺 only where the item carries it), never correction', () => {
    expect(decisionsOf(rules(), rows('provided', 'provided', 'provided', 'shared'))).toEqual(['accept_normal', 'refuse']);
    expect(decisionsOf(rules({ notifyCommit: true }), rows('provided', 'provided', 'provided', 'shared'))).toEqual(['accept_normal', 'accept_commitment', 'refuse']);
  });

  it('a tolerated material, the rest provided: 容缺受理 only', () => {
    expect(decisionsOf(rules(), rows('provided', 'provided', 'tolerated', 'shared'))).toEqual(['accept_tolerance', 'refuse']);
  });

  it('something missing or wrong: 一次性告知补正 or 不予受理', () => {
    expect(decisionsOf(rules(), rows('provided', 'missing', 'provided', 'shared'))).toEqual(['correction', 'refuse']);
    expect(decisionsOf(rules(), rows('wrong', 'provided', 'tolerated', 'shared'))).toEqual(['correction', 'refuse']);
  });
});

describe('what is sent and printed', () => {
  it('lists every material once with its issuing body (none when it has none); a note only where something is wrong or missing', () => {
    const r = rules();
    const body = materialsBody(r.materials, [{ status: 'provided', note: '  原件  ' }, { status: 'wrong', note: '  未签名 ' }, { status: 'missing' }, undefined]);
    expect(body).toEqual([
      { name: '居民身份证', issuingBody: '公安机关', status: 'provided' },
      { name: '食品经营许可申请书', status: 'wrong', note: '未签名' },
      { name: '经营场所照片', status: 'missing' },
      { name: '营业执照', issuingBody: '市场监督管理局', status: 'shared' },
    ]);
  });

  it('the one-time notice lists every required material missing and every one wrong, with the problem (§8.1.2.3b)', () => {
    const r = rules();
    expect(correctionList(r, [{ status: 'missing' }, { status: 'wrong', note: '未签名' }, { status: 'provided' }, { status: 'shared' }])).toEqual([
      { name: '居民身份证', problem: '未提交' },
      { name: '食品经营许可申请书', problem: '未签名' },
    ]);
  });

  it('prefills the applicant’s commitment naming the tolerated materials and their deadline', () => {
    const r = rules();
    const tolerated = toleratedList(r, rows('provided', 'provided', 'tolerated', 'shared'));
    expect(tolerated.map((m) => m.name)).toEqual(['经营场所照片']);
    expect(commitmentTemplate('accept_tolerance', tolerated)).toBe('本人承诺在受理后 3 个工作日内补齐“经营场所照片”；逾期未补齐的，自愿承担相应后果。');
    expect(commitmentTemplate('accept_commitment', [])).toContain('承诺符合条件');
  });

  it('words time limits as the guide does', () => {
    expect(limitText({ value: 5, unit: 'working_day' })).toBe('5 个工作日');
    expect(limitText({ value: 30, unit: 'calendar_day' })).toBe('30 个自然日');
    expect(limitText({ value: 4, unit: 'hour' })).toBe('4 小时');
    expect(limitText({ value: 0, unit: 'working_day', note: '即时办结' })).toBe('即时办结');
    expect(limitText(null)).toBe('—');
  });
});

describe('a "一件事" bundle (§8.2.4)', () => {
  it('merges the same material of several items once; 容缺 and 告知承诺 only when every item allows them', () => {
    const a = guide({ materials: [material({ name: '居民身份证' }), PHOTO], flags: flags({ toleranceAcceptance: true, notifyCommit: true }) });
    const b = guide({ materials: [material({ name: ' 居民身份证' }), material({ name: '户口簿', issuingBody: '公安机关' })], flags: flags({ toleranceAcceptance: false, notifyCommit: true }) });
    const r = rulesOf([
      { itemId: 'a', guide: a },
      { itemId: 'b', guide: b },
    ]);
    expect(r.materials.map((m) => [m.name, m.itemIds])).toEqual([
      ['居民身份证', ['a', 'b']],
      ['经营场所照片', ['a']],
      ['户口簿', ['b']],
    ]);
    expect(r.flags).toEqual({ toleranceAcceptance: false, notifyCommit: true });
    expect(decisionsOf(r, rows('provided', 'provided', 'provided'))).toEqual(['accept_normal', 'accept_commitment', 'refuse']);
  });
});
