/**
 * Main item → sub-item → handling item (DB36/T 2016 §7.3.2.2e: 政务服务事项设定可分为
 * 主项、子项，…对主项和子项进一步拆分为办理项), the codes consistent down the tree
 * and no cycles.
 */
import { AppError, type FieldIssue } from '../shared/errors.ts';
import { IMPLEMENTATION_CODE_LENGTH, validateHandlingCode } from './codes.ts';

export type ItemLevel = 'main' | 'sub' | 'handling';

export const ITEM_LEVEL_LABELS: Readonly<Record<ItemLevel, string>> = { main: '主项', sub: '子项', handling: '办理项' };

/** Which levels each level may hang under; `null` is the top of the tree. */
const ALLOWED_PARENTS: Readonly<Record<ItemLevel, readonly (ItemLevel | null)[]>> = {
  main: [null],
  sub: ['main'],
  handling: ['main', 'sub'],
};

/** Depth of the tree: main (1) → sub (2) → handling (3). */
export const MAX_DEPTH = 3;

export interface HierarchyNode {
  readonly id: string;
  readonly level: ItemLevel;
  readonly parentId: string | null;
  /** 实施编码 of a main or sub-item. */
  readonly implementationCode: string | null;
  /** 业务办理项编码 of a handling item. */
  readonly handlingCode: string | null;
}

/** USCC (18) + 行使层级 (1): the same implementing body at the same level. */
const BODY_PREFIX = 19;

/**
 * Whether `child` may sit under `parent` (null: at the top): the level rule, then the
 * codes — a handling item's code is its parent's implementation code + a 2-digit
 * sequence; a sub-item is implemented by the same body at the same level as its main
 * item, so their implementation codes share the first 19 characters.
 */
export function checkPlacement(child: HierarchyNode, parent: HierarchyNode | null): FieldIssue[] {
  const parentLevel = parent?.level ?? null;
  if (!ALLOWED_PARENTS[child.level].includes(parentLevel)) {
    const where = parent ? `不能置于${ITEM_LEVEL_LABELS[parent.level]}之下` : '须有上级事项';
    const allowed = ALLOWED_PARENTS[child.level].map((l) => (l ? ITEM_LEVEL_LABELS[l] : '顶层')).join('或');
    return [{ path: '/parentId', code: 'ITEM_HIERARCHY_LEVEL_INVALID', message: `${ITEM_LEVEL_LABELS[child.level]}${where}，只能在${allowed}（DB36/T 2016 §7.3.2.2e）` }];
  }
  if (!parent) return [];
  const parentCode = parent.implementationCode;
  if (child.level === 'handling') {
    if (!child.handlingCode || !parentCode) return [];
    return validateHandlingCode(child.handlingCode, parentCode).filter((i) => i.code === 'ITEM_HANDLING_CODE_PARENT_MISMATCH');
  }
  if (child.level === 'sub' && child.implementationCode && parentCode) {
    if (child.implementationCode.slice(0, BODY_PREFIX) !== parentCode.slice(0, BODY_PREFIX)) {
      return [
        {
          path: '/implementationCode',
          code: 'ITEM_HIERARCHY_CODE_MISMATCH',
          message: `子项实施编码前 ${BODY_PREFIX} 位（实施机构和行使层级）应与主项“${parentCode.slice(0, BODY_PREFIX)}”一致`,
        },
      ];
    }
  }
  return [];
}

/**
 * A cycle in a parent map (id → parent id), as the ids along it starting from the
 * first one met, or null. A parent missing from the map is treated as a root.
 */
export function findCycle(parentOf: ReadonlyMap<string, string | null>): string[] | null {
  const done = new Set<string>();
  for (const start of parentOf.keys()) {
    if (done.has(start)) continue;
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | null | undefined = start;
    while (at !== null && at !== undefined && !done.has(at)) {
      const seenAt = onPath.get(at);
      if (seenAt !== undefined) return path.slice(seenAt);
      onPath.set(at, path.length);
      path.push(at);
      at = parentOf.get(at);
    }
    for (const id of path) done.add(id);
  }
  return null;
}

/** Whether giving `childId` the parent `newParentId` would close a cycle. */
export function wouldCreateCycle(parentOf: ReadonlyMap<string, string | null>, childId: string, newParentId: string | null): boolean {
  const seen = new Set<string>();
  for (let at: string | null | undefined = newParentId; at !== null && at !== undefined; at = parentOf.get(at)) {
    if (at === childId) return true;
    if (seen.has(at)) return false; // an existing cycle elsewhere is findCycle's business
    seen.add(at);
  }
  return false;
}

/** Throws ITEM_HIERARCHY_CYCLE when the move would close a cycle. */
export function assertNoCycle(parentOf: ReadonlyMap<string, string | null>, childId: string, newParentId: string | null): void {
  if (wouldCreateCycle(parentOf, childId, newParentId)) {
    const message = newParentId === childId ? '事项不能作为自己的上级' : '所选上级事项是该事项的下级，会形成循环';
    throw new AppError('ITEM_HIERARCHY_CYCLE', { message, fields: [{ path: '/parentId', code: 'ITEM_HIERARCHY_CYCLE', message }] });
  }
}

/**
 * Every fault of a whole tree (an import, say): cycles, unknown parents, levels,
 * depth and codes; paths are `/items/{id}/…`.
 */
export function checkTree(nodes: readonly HierarchyNode[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const cycle = findCycle(new Map(nodes.map((n) => [n.id, n.parentId])));
  if (cycle) {
    const message = `事项上下级关系存在循环：${cycle.join(' → ')} → ${cycle[0] ?? ''}`;
    issues.push({ path: `/items/${cycle[0] ?? ''}/parentId`, code: 'ITEM_HIERARCHY_CYCLE', message });
    return issues; // levels and depth mean nothing on a cycle
  }
  for (const node of nodes) {
    const parent = node.parentId === null ? null : byId.get(node.parentId);
    if (parent === undefined) {
      issues.push({ path: `/items/${node.id}/parentId`, code: 'ITEM_HIERARCHY_LEVEL_INVALID', message: `上级事项“${node.parentId ?? ''}”不存在` });
      continue;
    }
    for (const i of checkPlacement(node, parent)) issues.push({ ...i, path: `/items/${node.id}${i.path}` });
  }
  return issues;
}

/** The implementation code a handling code extends (its first 31 characters). */
export function parentImplementationCodeOf(handlingCode: string): string {
  return handlingCode.slice(0, IMPLEMENTATION_CODE_LENGTH);
}

/** The depth of a node (1 for a root), following parents; undefined on a cycle or unknown parent. */
export function depthOf(id: string, parentOf: ReadonlyMap<string, string | null>): number | undefined {
  let depth = 0;
  const seen = new Set<string>();
  for (let at: string | null | undefined = id; at !== null; at = parentOf.get(at)) {
    if (at === undefined || seen.has(at)) return undefined;
    seen.add(at);
    depth++;
  }
  return depth;
}
