/** DB36/T 2016 §8.1.2.3 (b, c), §8.2.4, §8.2.7: the materials checklist against the published version, and the decisions it allows. */
import { describe, expect, it } from 'vitest';
import { material } from '../catalogue/test-fixtures.ts';
import { allowedDecisions, assertAcceptable, buildChecklist, checklistSource, correctionItems, initialChecklist } from './checklist.ts';
import { COMPLETE, INCOMPLETE, SOURCE, TOLERATED } from './test-fixtures.ts';
import { caught } from '../shared/caught.ts';

describe('building the checklist from the version', () => {
  it('§8.1.2.3c a material obtained by data sharing is never asked: listed as shared', () => {
    const list = buildChecklist(SOURCE.materials, COMPLETE);
    expect(list.map((e) => [e.name, e.status])).toEqual([
      ['居民身份证', 'provided'],
      ['食品经营许可申请书', 'provided'],
      ['经营场所照片', 'provided'],
      ['营业执照', 'shared'],
      ['授权委托书', 'missing'],
    ]);
    expect(initialChecklist(SOURCE.materials).map((e) => e.status)).toEqual(['missing', 'missing', 'missing', 'shared', 'missing']);
    const asked = caught(() => buildChecklist(SOURCE.materials, [...COMPLETE, { name: '营业执照', status: 'provided' }]));
    expect(asked.code).toBe('CASE_MATERIALS_MISMATCH');
    expect(asked.fields).toEqual([{ path: '/materials/4/status', code: 'CASE_MATERIALS_MISMATCH', message: expect.stringContaining('§8.1.2.3c') }]);
  });

  it('a checklist not matching the version: unknown, doubled and left-out materials, each at its field', () => {
    const err = caught(() =>
      buildChecklist(SOURCE.materials, [
        { name: '居民身份证', status: 'provided' },
        { name: '户口簿', status: 'provided' },
        { name: '居民身份证', status: 'provided' },
        { name: '经营场所照片', status: 'shared' },
      ]),
    );
    expect(err.code).toBe('CASE_MATERIALS_MISMATCH');
    expect(err.fields.map((f) => f.path)).toEqual(['/materials/1/name', '/materials/2/name', '/materials/3/status', '/materials', '/materials']);
    expect(err.fields.at(-2)?.message).toContain('食品经营许可申请书');
    expect(err.fields.at(-1)?.message).toContain('授权委托书');
  });

  it('matches names written with other spaces or full-width forms; a wrong material needs a note', () => {
    const list = buildChecklist(SOURCE.materials, [...COMPLETE.slice(1), { name: '居民 身份证', status: 'provided' }]);
    expect(list[0]?.status).toBe('provided');
    const err = caught(() => buildChecklist(SOURCE.materials, COMPLETE.map((e) => (e.name === '居民身份证' ? { ...e, status: 'wrong' as const } : e)), '/data/materials'));
    expect(err.fields).toEqual([{ path: '/data/materials/0/note', code: 'CASE_DATA_INVALID', message: expect.any(String) }]);
  });

  it('§8.2.7 容缺 only for a material with a tolerance on an item with the flag', () => {
    const noFlag = checklistSource([{ itemId: 'i', materials: [material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: 'x', completionDeadline: { value: 5, unit: 'working_day' } } })], flags: { toleranceAcceptance: false, notifyCommit: false } }]);
    expect(caught(() => buildChecklist(noFlag.materials, [{ name: '经营场所照片', status: 'tolerated' }])).code).toBe('CASE_TOLERANCE_NOT_ALLOWED');
    const err = caught(() => buildChecklist(SOURCE.materials, COMPLETE.map((e) => (e.name === '居民身份证' ? { ...e, status: 'tolerated' as const } : e))));
    expect(err.fields).toEqual([{ path: '/materials/0/status', code: 'CASE_TOLERANCE_NOT_ALLOWED', message: expect.any(String) }]);
  });

  it('§8.2.4 a bundle: merged materials; 容缺 only where every item asking for it allows it', () => {
    const photos = material({ name: '经营场所照片', issuingBody: null, tolerance: { conditions: 'x', completionDeadline: { value: 5, unit: 'working_day' } } });
    const src = checklistSource([
      { itemId: 'a', materials: [material(), photos], flags: { toleranceAcceptance: true, notifyCommit: true } },
      { itemId: 'b', materials: [material(), material({ name: '健康证明', issuingBody: null, tolerance: photos.tolerance })], flags: { toleranceAcceptance: false, notifyCommit: true } },
    ]);
    expect(src.materials.map((m) => [m.name, m.itemIds, m.toleranceAllowed])).toEqual([
      ['居民身份证', ['a', 'b'], false],
      ['经营场所照片', ['a'], true],
      ['健康证明', ['b'], false],
    ]);
    expect(src.flags).toEqual({ toleranceAcceptance: false, notifyCommit: true });
  });
});

describe('which decisions the checklist allows', () => {
  it('complete: accept (and 告知承诺 with the flag), refuse; nothing to correct', () => {
    expect(allowedDecisions(buildChecklist(SOURCE.materials, COMPLETE), SOURCE.flags)).toEqual(['accept_normal', 'accept_commitment', 'refuse']);
    expect(allowedDecisions(buildChecklist(SOURCE.materials, COMPLETE), { toleranceAcceptance: true, notifyCommit: false })).toEqual(['accept_normal', 'refuse']);
  });

  it('the missing ones all tolerable: accept with deficiency only', () => {
    expect(allowedDecisions(buildChecklist(SOURCE.materials, TOLERATED), SOURCE.flags)).toEqual(['accept_tolerance', 'refuse']);
  });

  it('otherwise only correction or refusal; the notice lists every missing and wrong one', () => {
    const list = buildChecklist(SOURCE.materials, INCOMPLETE);
    expect(allowedDecisions(list, SOURCE.flags)).toEqual(['correction', 'refuse']);
    expect(correctionItems(list).map((e) => e.name)).toEqual(['居民身份证', '食品经营许可申请书']);
    const mixed = buildChecklist(SOURCE.materials, INCOMPLETE.map((e) => (e.name === '经营场所照片' ? { ...e, status: 'tolerated' as const } : e)));
    expect(allowedDecisions(mixed, SOURCE.flags)).toEqual(['correction', 'refuse']);
    const err = caught(() => assertAcceptable(mixed, SOURCE.flags, 'tolerance'));
    expect(err.code).toBe('CASE_MATERIALS_INCOMPLETE');
    expect(err.fields.map((f) => f.path)).toEqual(['/data/materials/0', '/data/materials/1']);
  });

  it('an optional material missing does not block acceptance', () => {
    expect(buildChecklist(SOURCE.materials, COMPLETE).find((e) => e.name === '授权委托书')).toMatchObject({ required: false, status: 'missing' });
    expect(() => assertAcceptable(buildChecklist(SOURCE.materials, COMPLETE), SOURCE.flags, 'normal')).not.toThrow();
  });
});
