/**
 * The demo catalogue follows the rules it demonstrates: codes (REFERENCES.md "Service
 * item data"), complete and consistent guides (DB36/T 2016 §7.3.3.3), the item tree
 * (§7.3.2.2e), the bundles (§8.2.4) and the §8.2 lists. Pure: no database.
 */
import { describe, expect, it } from 'vitest';
import { assertBundle, mergeMaterials } from '../../domain/catalogue/bundles.ts';
import { validateBasicCode, validateHandlingCode, validateImplementationCode, validateTypeCodeForKind } from '../../domain/catalogue/codes.ts';
import { checkGuideConsistency, publicationIssues } from '../../domain/catalogue/guide.ts';
import { checkTree, findCycle, type HierarchyNode } from '../../domain/catalogue/hierarchy.ts';
import { centreLists, type PublishedItem } from '../../domain/catalogue/lists.ts';
import { nameKey } from '../../domain/catalogue/text.ts';
import { DEMO_DEPARTMENTS } from './demo-data.ts';
import { DEMO_BUNDLES, DEMO_EXERCISE_LEVEL, DEMO_ITEMS, demoBundles, demoItems, type DemoItem } from './demo-items.ts';

const byKey = new Map(DEMO_ITEMS.map((i) => [i.key, i]));
const itemOf = (key: string): DemoItem => {
  const item = byKey.get(key);
  if (!item) throw new Error(`no demo item ${key}`);
  return item;
};
const codeOf = (i: DemoItem): string => i.handlingCode ?? i.implementationCode;
const deptName = (key: string): string => DEMO_DEPARTMENTS.find((d) => d.key === key)?.name ?? '';

describe('the demo catalogue', () => {
  it('has at least 40 items with unique keys, every demo department used', () => {
    expect(DEMO_ITEMS.length).toBeGreaterThanOrEqual(40);
    expect(byKey.size).toBe(DEMO_ITEMS.length);
    const used = new Set(DEMO_ITEMS.map((i) => i.department));
    for (const d of DEMO_DEPARTMENTS) expect(used.has(d.key), `${d.name} 无事项`).toBe(true);
    for (const key of used) expect(DEMO_DEPARTMENTS.some((d) => d.key === key), key).toBe(true);
  });

  it('gives every item valid codes built from its department USCC, level 4 and its basic code', () => {
    for (const item of DEMO_ITEMS) {
      const g = item.guide;
      expect(item.basicCode, item.key).toHaveLength(12);
      expect(validateBasicCode(item.basicCode), item.key).toEqual([]);
      expect(validateTypeCodeForKind(g.kind, g.typeCode), item.key).toEqual([]);
      expect(g.implementingBody?.name, item.key).toBe(deptName(item.department));
      const uscc = DEMO_DEPARTMENTS.find((d) => d.key === item.department)?.uscc;
      expect(validateImplementationCode(item.implementationCode, { basicCode: item.basicCode, implementerUscc: g.implementingBody?.uscc ?? null }), item.key).toEqual([]);
      expect(item.implementationCode, item.key).toBe(`${uscc}${DEMO_EXERCISE_LEVEL}${item.basicCode}`);
      if (item.level === 'handling') {
        const parent = itemOf(item.parentKey ?? '');
        expect(validateHandlingCode(item.handlingCode ?? '', parent.implementationCode), item.key).toEqual([]);
      } else {
        expect(item.handlingCode, item.key).toBeNull();
      }
    }
  });

  it('never repeats a code the catalogue keeps unique', () => {
    const implementation = DEMO_ITEMS.filter((i) => i.level !== 'handling').map((i) => i.implementationCode);
    expect(new Set(implementation).size).toBe(implementation.length);
    const handling = DEMO_ITEMS.flatMap((i) => (i.handlingCode ? [i.handlingCode] : []));
    expect(new Set(handling).size).toBe(handling.length);
    const names = DEMO_ITEMS.map((i) => nameKey(i.guide.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('has publishable guides: no missing element (§7.3.3.3) and no contradiction', () => {
    for (const item of DEMO_ITEMS) {
      expect(publicationIssues(item.guide), item.key).toEqual([]);
      expect(checkGuideConsistency(item.guide), item.key).toEqual([]);
      expect(item.guide.materials?.length ?? 0, item.key).toBeGreaterThan(0);
      expect(item.guide.process?.map((s) => s.name), item.key).toEqual(['申请', '受理', '审查', '决定', '送达']);
    }
  });

  it('is varied the way a real catalogue is: kinds, 即办件 and 承诺件, mostly free, shared and tolerated materials', () => {
    const kinds = new Set(DEMO_ITEMS.map((i) => i.guide.kind));
    for (const kind of ['licensing', 'confirmation', 'payment', 'filing', 'levy', 'public_service'] as const) expect(kinds.has(kind), kind).toBe(true);
    const caseKinds = DEMO_ITEMS.map((i) => i.guide.caseKind);
    expect(caseKinds.filter((k) => k === '1').length).toBeGreaterThanOrEqual(10);
    expect(caseKinds.filter((k) => k === '2').length).toBeGreaterThanOrEqual(10);
    const free = DEMO_ITEMS.filter((i) => i.guide.fee?.free === true).length;
    expect(free).toBeGreaterThan(DEMO_ITEMS.length / 2);
    expect(free).toBeLessThan(DEMO_ITEMS.length);
    const materials = DEMO_ITEMS.flatMap((i) => i.guide.materials ?? []);
    // §8.1.2.3c: what data sharing provides is never asked of the applicant.
    const sharedOnes = materials.filter((m) => m.viaDataSharing);
    expect(sharedOnes.length).toBeGreaterThan(0);
    for (const m of sharedOnes) expect({ required: m.required, originals: m.originals, copies: m.copies }, m.name).toEqual({ required: false, originals: 0, copies: 0 });
    expect(materials.some((m) => m.eLicenceAccepted)).toBe(true);
    // §8.2.7: every tolerated material has its conditions and a completion deadline.
    for (const m of materials.filter((x) => x.tolerance)) {
      expect(m.tolerance?.conditions, m.name).toBeTruthy();
      expect(m.tolerance?.completionDeadline?.value ?? 0, m.name).toBeGreaterThan(0);
    }
    const scopes = new Set(DEMO_ITEMS.map((i) => i.guide.throughScope));
    for (const scope of ['1', '2', '3', '4'] as const) expect(scopes.has(scope), scope).toBe(true);
  });

  it('forms a tree of main, sub- and handling items with consistent codes and no cycle (§7.3.2.2e)', () => {
    const nodes: HierarchyNode[] = DEMO_ITEMS.map((i) => ({
      id: i.key,
      level: i.level,
      parentId: i.parentKey,
      implementationCode: i.level === 'handling' ? null : i.implementationCode,
      handlingCode: i.handlingCode,
    }));
    expect(findCycle(new Map(nodes.map((n) => [n.id, n.parentId])))).toBeNull();
    expect(checkTree(nodes)).toEqual([]);
    const levels = DEMO_ITEMS.map((i) => i.level);
    expect(levels.filter((l) => l === 'sub').length).toBeGreaterThanOrEqual(4);
    expect(levels.filter((l) => l === 'handling').length).toBeGreaterThanOrEqual(4);
    // A handling item under a sub-item: the full depth of three.
    expect(DEMO_ITEMS.some((i) => i.level === 'handling' && itemOf(i.parentKey ?? '').level === 'sub')).toBe(true);
    // Parents come before their children, so they can be created in order.
    DEMO_ITEMS.forEach((item, index) => {
      if (item.parentKey) expect(DEMO_ITEMS.findIndex((i) => i.key === item.parentKey), item.key).toBeLessThan(index);
    });
  });
});

describe('the demo bundles (§8.2.4)', () => {
  it('are valid bundles of existing items, accepted at comprehensive counters', () => {
    expect(DEMO_BUNDLES.length).toBeGreaterThanOrEqual(2);
    expect(DEMO_BUNDLES.map((b) => b.name)).toEqual(expect.arrayContaining(['新生儿出生一件事', '企业开办一件事']));
    for (const b of DEMO_BUNDLES) {
      for (const key of b.itemKeys) expect(byKey.has(key), `${b.name}: ${key}`).toBe(true);
      expect(() =>
        assertBundle({ name: b.name, itemIds: b.itemKeys, steps: b.steps.map((s) => ({ order: s.order, name: s.name, itemIds: s.itemKeys })), acceptingCounterKind: b.acceptingCounterKind }),
      ).not.toThrow();
      // Items of several departments under one guide.
      expect(new Set(b.itemKeys.map((k) => itemOf(k).department)).size, b.name).toBeGreaterThanOrEqual(3);
    }
  });

  it('merge their materials into one list: 居民身份证 once, serving every item', () => {
    for (const b of DEMO_BUNDLES) {
      const sources = b.itemKeys.map((k) => ({ itemId: k, materials: itemOf(k).guide.materials ?? [] }));
      const merged = mergeMaterials(sources);
      const total = sources.reduce((n, s) => n + s.materials.length, 0);
      expect(merged.length, b.name).toBeLessThan(total);
      const idCards = merged.filter((m) => m.name === '居民身份证');
      expect(idCards, b.name).toHaveLength(1);
      expect(idCards[0]?.itemIds, b.name).toEqual(b.itemKeys);
      expect(new Set(merged.map((m) => m.key)).size, b.name).toBe(merged.length);
    }
    // 企业开办: the licence is shared by data after the first step, never asked for again.
    const opening = DEMO_BUNDLES.find((b) => b.key === 'company-opening');
    const merged = mergeMaterials((opening?.itemKeys ?? []).map((k) => ({ itemId: k, materials: itemOf(k).guide.materials ?? [] })));
    const licence = merged.find((m) => m.name === '营业执照');
    expect(licence).toMatchObject({ viaDataSharing: true, required: false, originals: 0, copies: 0 });
  });
});

describe('the lists of §8.2 from the demo catalogue', () => {
  const published: PublishedItem[] = DEMO_ITEMS.map((i) => ({ id: i.key, code: codeOf(i), department: deptName(i.department), guide: i.guide }));
  const lists = centreLists(
    published,
    DEMO_BUNDLES.map((b) => ({ id: b.key, name: b.name, itemIds: b.itemKeys })),
  );

  it('fills every list', () => {
    for (const kind of ['agencyHelp', 'notifyCommit', 'crossProvince', 'withinProvince', 'withinCity', 'certificateFree', 'extendedHours', 'appointment', 'selfService24h'] as const) {
      expect(lists[kind].length, kind).toBeGreaterThan(0);
    }
    expect(lists.bundles.map((b) => b.name)).toEqual(DEMO_BUNDLES.map((b) => b.name));
    expect(lists.incompleteBundles).toEqual([]);
  });

  it('lists 容缺受理 items with their conditions and completion deadlines (§8.2.7)', () => {
    expect(lists.toleranceAcceptance.length).toBeGreaterThanOrEqual(3);
    for (const entry of lists.toleranceAcceptance) {
      expect(entry.materials.length, entry.name).toBeGreaterThan(0);
      for (const m of entry.materials) expect(m.completionDeadline?.value ?? 0, `${entry.name} ${m.name}`).toBeGreaterThan(0);
    }
  });

  it('puts every 跨省通办 item on the 省内 and 市内 lists as well, scope 全国 (§8.2.6)', () => {
    expect(lists.crossProvince.length).toBeGreaterThanOrEqual(5);
    const within = new Set(lists.withinProvince.map((e) => e.id));
    for (const e of lists.crossProvince) {
      expect(within.has(e.id), e.name).toBe(true);
      expect(itemOf(e.id).guide.throughScope, e.name).toBe('1');
    }
  });
});

describe('demoItems / demoBundles', () => {
  const ids = new Map(DEMO_DEPARTMENTS.map((d, i) => [d.key, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));

  it('resolve departments and keep parents before children', () => {
    const inputs = demoItems(ids);
    expect(inputs).toHaveLength(DEMO_ITEMS.length);
    for (const [i, input] of inputs.entries()) {
      const item = DEMO_ITEMS[i];
      expect(input.departmentId, input.key).toBe(ids.get(item?.department ?? ''));
      expect(input.implementationCode, input.key).toBe(item?.level === 'handling' ? null : item?.implementationCode);
      expect(input.handlingCode, input.key).toBe(item?.handlingCode);
    }
    const withFiles = demoItems(Object.fromEntries(ids), (item) => `file-${item.key}`);
    expect(withFiles[0]?.guide.resultSampleFileId).toBe(`file-${DEMO_ITEMS[0]?.key ?? ''}`);
    expect(publicationIssues(withFiles[0]!.guide)).toEqual([]);
  });

  it('refuse an unknown department or item key', () => {
    expect(() => demoItems(new Map([['police', 'x']]))).toThrow(/no department id/);
    expect(() => demoBundles(new Map())).toThrow(/no item id/);
    const itemIds = new Map(DEMO_ITEMS.map((i) => [i.key, `id-${i.key}`]));
    const bundles = demoBundles(itemIds);
    expect(bundles[0]?.itemIds[0]).toBe(`id-${DEMO_BUNDLES[0]?.itemKeys[0] ?? ''}`);
    expect(bundles.every((b) => b.acceptingCounterKind === 'comprehensive')).toBe(true);
  });
});
