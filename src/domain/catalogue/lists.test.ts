import { describe, expect, it } from 'vitest';
import type { ItemFlags } from './guide.ts';
import { FLAG_LISTS, centreLists, type FlagListKind, type PublishedItem } from './lists.ts';
import { flags, guide, material } from './test-fixtures.ts';

function item(id: string, code: string, department: string | null, f: Partial<ItemFlags> = {}, name = `事项${id}`): PublishedItem {
  return { id, code, department, guide: guide({ name, flags: flags({ appointment: false, ...f }) }) };
}

const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

describe('§8.2 lists generated from item flags', () => {
  it('puts each flagged item on the matching list and no other', () => {
    const kinds = Object.keys(FLAG_LISTS) as FlagListKind[];
    const items = kinds.map((kind, i) => item(kind, `C${String(i).padStart(2, '0')}`, '政务服务中心', { [FLAG_LISTS[kind].flag]: true }));
    const lists = centreLists([...items, item('plain', 'Z99', '政务服务中心')]);
    for (const kind of kinds) expect(ids(lists[kind])).toEqual([kind]);
    expect(lists.toleranceAcceptance).toEqual([]);
  });
  it('lists an item on every list it is flagged for', () => {
    const lists = centreLists([item('a', 'A1', '税务', { agencyHelp: true, crossProvince: true, withinProvince: true, withinCity: true, appointment: true })]);
    for (const kind of ['agencyHelp', 'crossProvince', 'withinProvince', 'withinCity', 'appointment'] as const) expect(ids(lists[kind])).toEqual(['a']);
    for (const kind of ['notifyCommit', 'extendedHours', 'certificateFree', 'selfService24h'] as const) expect(lists[kind]).toEqual([]);
  });
  it('treats an unstated 预约办理 (null) as not on the list', () => {
    const i: PublishedItem = { id: 'n', code: 'N1', department: null, guide: guide({ flags: flags({ appointment: null }) }) };
    expect(centreLists([i]).appointment).toEqual([]);
  });
  it('orders each list by department, then code', () => {
    const lists = centreLists([
      item('3', 'B2', '税务', { agencyHelp: true }),
      item('1', 'A9', '公安', { agencyHelp: true }),
      item('2', 'B1', '税务', { agencyHelp: true }),
      item('0', 'Z1', null, { agencyHelp: true }),
    ]);
    expect(ids(lists.agencyHelp)).toEqual(['0', '1', '2', '3']);
    expect(lists.agencyHelp[1]).toEqual({ id: '1', code: 'A9', name: '事项1', department: '公安' });
  });
});

describe('§8.2.7 容缺受理 list with conditions and completion deadlines', () => {
  it('lists the tolerated materials of each item', () => {
    const t = { conditions: '其他材料齐全且签署承诺书', completionDeadline: { value: 5, unit: 'working_day' as const } };
    const tolerant: PublishedItem = {
      id: 't',
      code: 'T1',
      department: '市场监管',
      guide: guide({ flags: flags({ toleranceAcceptance: true }), materials: [material(), material({ name: ' 场所使用证明 ', tolerance: t })] }),
    };
    const lists = centreLists([tolerant, item('x', 'X1', '市场监管')]);
    expect(lists.toleranceAcceptance).toEqual([
      { id: 't', code: 'T1', name: '食品经营许可证核发', department: '市场监管', materials: [{ name: '场所使用证明', ...t }] },
    ]);
  });
});

describe('§8.2.4 一件事清单', () => {
  const items = [item('birth', 'B1', '卫健'), item('hukou', 'H1', '公安'), item('ins', 'I1', '医保')];
  it('lists bundles with their items in bundle order', () => {
    const lists = centreLists(items, [{ id: 'newborn', name: '新生儿出生一件事', itemIds: ['birth', 'hukou', 'ins'] }]);
    expect(lists.bundles).toHaveLength(1);
    expect(lists.bundles[0]?.name).toBe('新生儿出生一件事');
    expect(ids(lists.bundles[0]?.items ?? [])).toEqual(['birth', 'hukou', 'ins']);
    expect(lists.incompleteBundles).toEqual([]);
  });
  it('leaves off a bundle with an item not published, saying which', () => {
    const lists = centreLists(items, [{ id: 'open', name: '企业开办一件事', itemIds: ['hukou', 'licence', 'seal'] }]);
    expect(lists.bundles).toEqual([]);
    expect(lists.incompleteBundles).toEqual([{ id: 'open', name: '企业开办一件事', missingItemIds: ['licence', 'seal'] }]);
  });
  it('is empty without bundles', () => {
    expect(centreLists(items).bundles).toEqual([]);
  });
});

describe('list titles', () => {
  it('are Chinese and cite their clause', () => {
    for (const spec of Object.values(FLAG_LISTS)) {
      expect(spec.title).toMatch(/清单$/);
      expect(spec.clause).toMatch(/^§8\.2\.[2-8]$/);
    }
  });
});
