import { describe, expect, it } from 'vitest';
import { flags, guide, material } from './test-fixtures.ts';
import {
  VERSION_TRANSITIONS,
  applyVersionCommand,
  assertEditable,
  canApply,
  currentPublished,
  diffGuides,
  isIsoDate,
  newDraft,
  nextDraftNumber,
  type ItemVersionState,
  type VersionAction,
  type VersionCommand,
  type VersionStatus,
} from './versions.ts';
import { caught } from '../shared/caught.ts';

const at = new Date('2025-03-03T10:00:00+08:00');
const later = new Date('2025-03-04T09:00:00+08:00');
const STATUSES: VersionStatus[] = ['draft', 'submitted', 'published', 'withdrawn'];

function command(action: VersionAction): VersionCommand {
  switch (action) {
    case 'submit':
      return { action, actor: 'u-editor', at, guide: guide() };
    case 'approve':
      return { action, reviewer: '司法局 张审查', opinion: '依据充分，同意发布', at: later, guide: guide(), effectiveOn: '2025-03-10', today: '2025-03-04' };
    case 'reject':
      return { action, reviewer: '司法局 张审查', opinion: '设定依据条款已废止', at: later };
    case 'withdraw':
      return { action, actor: 'u-manager', at: later, reason: '事项取消' };
  }
}

const inState = (status: VersionStatus): ItemVersionState => ({ ...newDraft(1), status });

describe('§7.3.2.2 the transition table', () => {
  it('allows exactly the moves of the table, from every state', () => {
    for (const status of STATUSES) {
      for (const action of Object.keys(VERSION_TRANSITIONS) as VersionAction[]) {
        const allowed = VERSION_TRANSITIONS[action].from === status;
        expect(canApply(status, action)).toBe(allowed);
        if (allowed) {
          expect(applyVersionCommand(inState(status), command(action)).status).toBe(VERSION_TRANSITIONS[action].to);
        } else {
          const err = caught(() => applyVersionCommand(inState(status), command(action)));
          expect(err.code).toBe('ITEM_VERSION_TRANSITION_INVALID');
          expect(err.details).toEqual({ from: status, to: VERSION_TRANSITIONS[action].to, action });
        }
      }
    }
  });
  it('names both states in Chinese when refusing', () => {
    const err = caught(() => applyVersionCommand(inState('published'), command('submit')));
    expect(err.message).toContain('已发布');
    expect(err.message).toContain('待审查');
  });
  it('draft → submitted → published, with the review recorded (§7.3.2.2c)', () => {
    const submitted = applyVersionCommand(newDraft(1), command('submit'));
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'u-editor', submittedAt: at });
    const published = applyVersionCommand(submitted, command('approve'));
    expect(published).toMatchObject({ status: 'published', effectiveOn: '2025-03-10', publishedAt: later });
    expect(published.review).toEqual({ decision: 'approved', reviewer: '司法局 张审查', opinion: '依据充分，同意发布', at: later });
  });
  it('a rejection goes back to draft and keeps the opinion', () => {
    const back = applyVersionCommand(applyVersionCommand(newDraft(1), command('submit')), command('reject'));
    expect(back.status).toBe('draft');
    expect(back.review?.decision).toBe('rejected');
    expect(back.review?.opinion).toBe('设定依据条款已废止');
    expect(back.submittedAt).toBeNull();
  });
  it('withdrawal records when and why', () => {
    const w = applyVersionCommand(inState('published'), command('withdraw'));
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnAt: later, withdrawReason: '事项取消' });
    expect(applyVersionCommand(inState('published'), { action: 'withdraw', actor: 'u', at, reason: '  ' }).withdrawReason).toBeNull();
  });
});

describe('the legality review needs a reviewer and an opinion (§7.3.2.2c)', () => {
  it('refuses approval or rejection without them, naming each', () => {
    const submitted = inState('submitted');
    const err = caught(() => applyVersionCommand(submitted, { ...(command('approve') as Extract<VersionCommand, { action: 'approve' }>), reviewer: ' ', opinion: '' }));
    expect(err.code).toBe('ITEM_REVIEW_INCOMPLETE');
    expect(err.fields.map((f) => f.path)).toEqual(['/reviewer', '/opinion']);
    expect(caught(() => applyVersionCommand(submitted, { action: 'reject', reviewer: '张审查', opinion: ' ', at })).fields.map((f) => f.path)).toEqual(['/opinion']);
  });
});

describe('publication refuses an incomplete guide (§7.3.3.3)', () => {
  it('at submission and at approval', () => {
    const incomplete = guide({ supervisionPhone: null });
    const s = caught(() => applyVersionCommand(newDraft(1), { action: 'submit', actor: 'u', at, guide: incomplete }));
    expect(s.code).toBe('ITEM_PUBLICATION_INCOMPLETE');
    expect(s.message).toContain('监督电话');
    const a = caught(() => applyVersionCommand(inState('submitted'), { ...(command('approve') as Extract<VersionCommand, { action: 'approve' }>), guide: incomplete }));
    expect(a.code).toBe('ITEM_PUBLICATION_INCOMPLETE');
  });
});

describe('effective date', () => {
  const approve = (effectiveOn: string, today = '2025-03-04') =>
    applyVersionCommand(inState('submitted'), { ...(command('approve') as Extract<VersionCommand, { action: 'approve' }>), effectiveOn, today });
  it('may be today or later', () => {
    expect(approve('2025-03-04').effectiveOn).toBe('2025-03-04');
    expect(approve('2026-01-01').effectiveOn).toBe('2026-01-01');
  });
  it('may not be in the past or malformed', () => {
    for (const bad of ['2025-03-03', '2025-02-30', '2025-3-10', '']) expect(caught(() => approve(bad)).code).toBe('ITEM_EFFECTIVE_DATE_INVALID');
  });
  it('recognises real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-00-10')).toBe(false);
  });
});

describe('a published version never changes', () => {
  it('only a draft is editable', () => {
    expect(() => assertEditable('draft')).not.toThrow();
    for (const status of ['submitted', 'published', 'withdrawn'] as const) expect(caught(() => assertEditable(status)).code).toBe('ITEM_VERSION_IMMUTABLE');
    expect(caught(() => assertEditable('published')).message).toContain('新建草稿版本');
  });
  it('editing a published item makes the next draft number', () => {
    expect(nextDraftNumber([])).toBe(1);
    expect(nextDraftNumber([{ number: 1, status: 'published' }, { number: 2, status: 'withdrawn' }])).toBe(3);
  });
  it('one open draft at a time', () => {
    for (const status of ['draft', 'submitted'] as const) {
      const err = caught(() => nextDraftNumber([{ number: 1, status: 'published' }, { number: 2, status }]));
      expect(err.code).toBe('ITEM_DRAFT_EXISTS');
      expect(err.message).toContain('第 2 版');
    }
  });
});

describe('§7.3.2.1 the current published version', () => {
  const v = (number: number, status: VersionStatus, effectiveOn: string | null) => ({ number, status, effectiveOn });
  it('is the latest effective published version', () => {
    const versions = [v(1, 'published', '2025-01-01'), v(2, 'published', '2025-03-10'), v(3, 'draft', null)];
    expect(currentPublished(versions, '2025-03-09')?.number).toBe(1);
    expect(currentPublished(versions, '2025-03-10')?.number).toBe(2);
    expect(currentPublished(versions, '2024-12-31')).toBeUndefined();
  });
  it('breaks a tie of effective dates by number', () => {
    expect(currentPublished([v(2, 'published', '2025-01-01'), v(1, 'published', '2025-01-01')], '2025-02-01')?.number).toBe(2);
  });
  it('is none when the applicable version is withdrawn', () => {
    expect(currentPublished([v(1, 'published', '2025-01-01'), v(2, 'withdrawn', '2025-02-01')], '2025-03-01')).toBeUndefined();
    expect(currentPublished([v(1, 'withdrawn', '2025-01-01'), v(2, 'published', '2025-02-01')], '2025-03-01')?.number).toBe(2);
  });
});

describe('diffGuides: field-by-field changes between versions', () => {
  it('finds nothing between equal guides, even with materials reordered', () => {
    const g = guide();
    expect(diffGuides(g, guide())).toEqual([]);
    expect(diffGuides(g, guide({ materials: [...(g.materials ?? [])].reverse() }))).toEqual([]);
  });
  it('reports changed scalar and nested fields with before and after', () => {
    const changes = diffGuides(guide(), guide({ name: '食品经营许可', promisedTimeLimit: { value: 3, unit: 'working_day', note: '不含现场核查时间' } }));
    expect(changes).toEqual([
      { path: '/name', kind: 'changed', before: '食品经营许可证核发', after: '食品经营许可' },
      { path: '/promisedTimeLimit/value', kind: 'changed', before: 5, after: 3 },
    ]);
  });
  it('reports a fee going from free to charged', () => {
    const changes = diffGuides(guide(), guide({ fee: { free: false, standard: '10 元/件', basis: '某文件' } }));
    expect(changes).toEqual([
      { path: '/fee/free', kind: 'changed', before: true, after: false },
      { path: '/fee/standard', kind: 'added', before: undefined, after: '10 元/件' },
      { path: '/fee/basis', kind: 'added', before: undefined, after: '某文件' },
    ]);
  });
  it('reports added, removed and changed materials by name', () => {
    const a = guide();
    const b = guide({
      materials: [material({ copies: 2 }), material({ name: '营业执照', issuingBody: '市场监管部门', eLicenceAccepted: true })],
    });
    expect(diffGuides(a, b)).toEqual([
      { path: '/materials/居民身份证/copies', kind: 'changed', before: 1, after: 2 },
      { path: '/materials/食品经营许可申请书', kind: 'removed', before: a.materials?.[1], after: undefined },
      { path: '/materials/营业执照', kind: 'added', before: undefined, after: b.materials?.[1] },
    ]);
  });
  it('treats lists of codes as one value and process steps one by one', () => {
    expect(diffGuides(guide(), guide({ handlingForms: ['1', '2', '3'] }))).toEqual([
      { path: '/handlingForms', kind: 'changed', before: ['1', '2'], after: ['1', '2', '3'] },
    ]);
    const steps = [{ name: '申请' }, { name: '受理并审查' }];
    expect(diffGuides(guide({ process: [{ name: '申请' }, { name: '受理' }, { name: '审查' }] }), guide({ process: steps }))).toEqual([
      { path: '/process/1/name', kind: 'changed', before: '受理', after: '受理并审查' },
      { path: '/process/2', kind: 'removed', before: { name: '审查' }, after: undefined },
    ]);
  });
  it('addresses a name issued by two bodies with its issuing body', () => {
    const a = guide({ materials: [material({ name: '证明', issuingBody: '村委会' }), material({ name: '证明', issuingBody: '派出所' })] });
    const b = guide({ materials: [material({ name: '证明', issuingBody: '村委会', copies: 3 })] });
    expect(diffGuides(a, b).map((c) => [c.path, c.kind])).toEqual([
      ['/materials/证明（村委会）/copies', 'changed'],
      ['/materials/证明（派出所）', 'removed'],
    ]);
  });
  it('reports flag changes and escapes / in material names', () => {
    expect(diffGuides(guide(), guide({ flags: flags({ agencyHelp: true }) }))).toEqual([{ path: '/flags/agencyHelp', kind: 'changed', before: false, after: true }]);
    const changes = diffGuides(guide({ materials: [] }), guide({ materials: [material({ name: '身份证/户口簿' })] }));
    expect(changes.map((c) => c.path)).toEqual(['/materials/身份证~1户口簿']);
  });
});
