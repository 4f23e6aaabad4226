import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { usccCheckChar } from '../shared/identity.ts';
import {
  MAX_DEPTH,
  assertNoCycle,
  checkPlacement,
  checkTree,
  depthOf,
  findCycle,
  parentImplementationCodeOf,
  wouldCreateCycle,
  type HierarchyNode,
  type ItemLevel,
} from './hierarchy.ts';

const USCC = '11440232MB2D06811W';
const MAIN = `${USCC}4000117051000`;
const SUB = `${USCC}4000117051001`;

function node(id: string, level: ItemLevel, parentId: string | null, code: string | null = null): HierarchyNode {
  return {
    id,
    level,
    parentId,
    implementationCode: level === 'handling' ? null : code,
    handlingCode: level === 'handling' ? code : null,
  };
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('§7.3.2.2e levels: main → sub → handling', () => {
  const main = node('m', 'main', null, MAIN);
  const sub = node('s', 'sub', 'm', SUB);
  it('allows main at the top, sub under main, handling under main or sub', () => {
    expect(checkPlacement(main, null)).toEqual([]);
    expect(checkPlacement(sub, main)).toEqual([]);
    expect(checkPlacement(node('h', 'handling', 'm', `${MAIN}01`), main)).toEqual([]);
    expect(checkPlacement(node('h', 'handling', 's', `${SUB}01`), sub)).toEqual([]);
  });
  it('refuses every other placement, naming the levels', () => {
    const handling = node('h', 'handling', 's', `${SUB}01`);
    const bad: [HierarchyNode, HierarchyNode | null][] = [
      [main, main],
      [main, sub],
      [sub, null],
      [sub, sub],
      [node('s2', 'sub', 'h', SUB), handling],
      [handling, null],
      [node('h2', 'handling', 'h', null), handling],
    ];
    for (const [child, parent] of bad) expect(codes(checkPlacement(child, parent))).toEqual(['ITEM_HIERARCHY_LEVEL_INVALID']);
    expect(checkPlacement(sub, null)[0]?.message).toContain('子项须有上级事项');
    expect(checkPlacement(handling, handling)[0]?.message).toContain('不能置于办理项之下');
  });
  it('keeps the tree at most three deep', () => {
    const parentOf = new Map<string, string | null>([['m', null], ['s', 'm'], ['h', 's']]);
    expect(depthOf('h', parentOf)).toBe(MAX_DEPTH);
    expect(depthOf('m', parentOf)).toBe(1);
    expect(depthOf('x', parentOf)).toBeUndefined();
    expect(depthOf('a', new Map([['a', 'b'], ['b', 'a']]))).toBeUndefined();
  });
});

describe('codes consistent down the tree', () => {
  const main = node('m', 'main', null, MAIN);
  it('a handling item’s code starts with its parent’s implementation code', () => {
    const issues = checkPlacement(node('h', 'handling', 'm', `${SUB}01`), main);
    expect(codes(issues)).toEqual(['ITEM_HANDLING_CODE_PARENT_MISMATCH']);
    expect(issues[0]?.message).toContain(MAIN);
    expect(parentImplementationCodeOf(`${MAIN}07`)).toBe(MAIN);
  });
  it('a sub-item shares the main item’s implementing body and level', () => {
    const other = '11360100MB1234567' + usccCheckChar('11360100MB1234567')!;
    expect(codes(checkPlacement(node('s', 'sub', 'm', `${other}4000117051001`), main))).toEqual(['ITEM_HIERARCHY_CODE_MISMATCH']);
    expect(codes(checkPlacement(node('s', 'sub', 'm', `${USCC}3000117051001`), main))).toEqual(['ITEM_HIERARCHY_CODE_MISMATCH']);
  });
  it('leaves codes not yet given to the code checks', () => {
    expect(checkPlacement(node('h', 'handling', 'm', null), main)).toEqual([]);
    expect(checkPlacement(node('s', 'sub', 'm', null), node('m', 'main', null, null))).toEqual([]);
  });
});

describe('cycles', () => {
  it('finds none in a tree', () => {
    expect(findCycle(new Map([['m', null], ['s', 'm'], ['h', 's'], ['h2', 'm']]))).toBeNull();
    expect(findCycle(new Map())).toBeNull();
  });
  it('finds a self-loop and a longer cycle, listing its members', () => {
    expect(findCycle(new Map([['a', 'a']]))).toEqual(['a']);
    const cycle = findCycle(new Map([['x', 'a'], ['a', 'b'], ['b', 'c'], ['c', 'a']]));
    expect(cycle).toEqual(['a', 'b', 'c']);
  });
  it('treats an unknown parent as a root', () => {
    expect(findCycle(new Map([['a', 'zz']]))).toBeNull();
  });
  it('sees that a move under one’s own descendant closes a cycle', () => {
    const parentOf = new Map<string, string | null>([['m', null], ['s', 'm'], ['h', 's']]);
    expect(wouldCreateCycle(parentOf, 'm', 'h')).toBe(true);
    expect(wouldCreateCycle(parentOf, 'm', 'm')).toBe(true);
    expect(wouldCreateCycle(parentOf, 'h', 'm')).toBe(false);
    expect(wouldCreateCycle(parentOf, 'h', null)).toBe(false);
    expect(wouldCreateCycle(new Map([['a', 'b'], ['b', 'a']]), 'c', 'a')).toBe(false);
  });
  it('refuses such a move with ITEM_HIERARCHY_CYCLE', () => {
    const parentOf = new Map<string, string | null>([['m', null], ['s', 'm']]);
    expect(() => assertNoCycle(parentOf, 's', 'm')).not.toThrow();
    let err: unknown;
    try {
      assertNoCycle(parentOf, 'm', 's');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('ITEM_HIERARCHY_CYCLE');
    expect((err as AppError).fields[0]?.path).toBe('/parentId');
  });
});

describe('checkTree: every fault of a whole tree', () => {
  it('accepts a well-formed tree', () => {
    expect(checkTree([node('m', 'main', null, MAIN), node('s', 'sub', 'm', SUB), node('h', 'handling', 's', `${SUB}01`)])).toEqual([]);
  });
  it('reports a cycle and stops there', () => {
    const issues = checkTree([node('a', 'sub', 'b'), node('b', 'sub', 'a')]);
    expect(codes(issues)).toEqual(['ITEM_HIERARCHY_CYCLE']);
    expect(issues[0]?.message).toContain('a → b → a');
  });
  it('reports unknown parents, wrong levels and codes, each under its item', () => {
    const issues = checkTree([
      node('m', 'main', null, MAIN),
      node('s', 'sub', 'ghost', SUB),
      node('h', 'handling', 'm', `${SUB}01`),
      node('m2', 'main', 'm', MAIN),
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/items/s/parentId', 'ITEM_HIERARCHY_LEVEL_INVALID'],
      ['/items/h/handlingCode', 'ITEM_HANDLING_CODE_PARENT_MISMATCH'],
      ['/items/m2/parentId', 'ITEM_HIERARCHY_LEVEL_INVALID'],
    ]);
  });
});
