/**
 * "高效办成一件事" bundles (DB36/T 2016 §8.2.4: 从企业群众办成"一件事"出发 … 制定相应
 * 办事指南和流程图，纳入综合窗口统一受理): several items under one guide with one merged
 * material list, the flow as ordered steps, accepted at comprehensive counters.
 */
import { AppError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';
import type { Material, MaterialTolerance, TimeLimit } from './guide.ts';
import { materialKey } from './text.ts';

/** The materials of one item of a bundle. */
export interface BundleSource {
  readonly itemId: string;
  readonly materials: readonly Material[];
}

/** One material of the merged list, with the items it serves. */
export interface MergedMaterial extends Material {
  readonly key: string;
  /** Ids of the bundle's items that ask for it, in bundle order. */
  readonly itemIds: readonly string[];
}

function stricterDeadline(a: TimeLimit | null, b: TimeLimit | null): TimeLimit | null | 'incomparable' {
  if (!a || !b) return null;
  if (a.unit !== b.unit) return 'incomparable';
  return a.value <= b.value ? a : b;
}

/**
 * 容缺 survives only when every item tolerates the material; the completion deadline is
 * the shortest. Deadlines in different units cannot be ranked without a calendar, so
 * the material is then not tolerated (the strict reading).
 */
function mergeTolerance(a: MaterialTolerance | null, b: MaterialTolerance | null): MaterialTolerance | null {
  if (!a || !b) return null;
  const deadline = stricterDeadline(a.completionDeadline, b.completionDeadline);
  if (deadline === 'incomparable' || deadline === null) return null;
  const conditions = [a.conditions, b.conditions].map((c) => c?.trim()).filter((c): c is string => !!c);
  return { conditions: [...new Set(conditions)].join('；') || null, completionDeadline: deadline };
}

/** The notes of both, each distinct note once (a merged note is split back at '；'). */
function mergeNotes(a: string | null | undefined, b: string | null | undefined): string | null {
  const parts = [a, b].flatMap((n) => (n ?? '').split('；')).map((n) => n.trim()).filter((n) => n !== '');
  return [...new Set(parts)].join('；') || null;
}

function merge(a: Material, b: Material): Material {
  // Shared only if every item obtains it by data sharing; otherwise the applicant brings it.
  const viaDataSharing = a.viaDataSharing && b.viaDataSharing;
  return {
    ...a,
    required: (a.required || b.required) && !viaDataSharing,
    originals: Math.max(a.originals, b.originals),
    copies: Math.max(a.copies, b.copies),
    viaDataSharing,
    tolerance: mergeTolerance(a.tolerance, b.tolerance),
    blankFormFileId: a.blankFormFileId ?? b.blankFormFileId,
    sampleFileId: a.sampleFileId ?? b.sampleFileId,
    eLicenceAccepted: a.eLicenceAccepted && b.eLicenceAccepted,
    note: mergeNotes(a.note, b.note),
  };
}

/**
 * §8.2.4: one material list for the bundle. The same material (same name and issuing
 * body, normalised: whitespace, full/half-width, Latin case) is listed once, keeping the
 * strictest requirement — required wins, the most originals and copies, 容缺 and
 * e-licence only if every item allows them — and the items it serves. The first
 * spelling met is kept; order is the order of first appearance.
 */
export function mergeMaterials(sources: readonly BundleSource[]): MergedMaterial[] {
  const merged = new Map<string, { material: Material; itemIds: string[] }>();
  for (const source of sources) {
    for (const m of source.materials) {
      const key = materialKey(m.name, m.issuingBody);
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { material: { ...m, name: m.name.trim(), issuingBody: m.issuingBody?.trim() || null }, itemIds: [source.itemId] });
      } else {
        seen.material = merge(seen.material, m);
        if (!seen.itemIds.includes(source.itemId)) seen.itemIds.push(source.itemId);
      }
    }
  }
  return [...merged].map(([key, { material, itemIds }]) => ({ ...material, key, itemIds }));
}

/** One step of the bundle's flow (流程图): which items it covers, in order. */
export interface BundleStep {
  readonly order: number;
  readonly name: string;
  readonly itemIds: readonly string[];
}

export interface BundleDefinition {
  readonly name: string;
  readonly itemIds: readonly string[];
  readonly steps: readonly BundleStep[];
  /** §8.2.4 纳入综合窗口统一受理. */
  readonly acceptingCounterKind: string;
}

export interface BundleIssue extends FieldIssue {
  readonly code: ErrorCode;
}

/**
 * Rules of a bundle: at least two distinct items; steps numbered 1, 2, … each naming
 * items of the bundle, every item in some step; accepted at a comprehensive counter.
 */
export function checkBundle(bundle: BundleDefinition): BundleIssue[] {
  const issues: BundleIssue[] = [];
  if (!bundle.name.trim()) issues.push({ path: '/name', code: 'BUNDLE_STEPS_INVALID', message: '“一件事”须有名称' });
  const distinct = new Set(bundle.itemIds);
  if (distinct.size < 2) issues.push({ path: '/itemIds', code: 'BUNDLE_ITEMS_TOO_FEW', message: `“一件事”至少包含两个不同事项，实为 ${distinct.size} 个（DB36/T 2016 §8.2.4）` });
  const seen = new Set<string>();
  bundle.itemIds.forEach((id, i) => {
    if (seen.has(id)) issues.push({ path: `/itemIds/${i}`, code: 'BUNDLE_ITEM_DUPLICATE', message: `事项“${id}”在“一件事”中重复` });
    seen.add(id);
  });
  if (bundle.steps.length === 0) issues.push({ path: '/steps', code: 'BUNDLE_STEPS_INVALID', message: '“一件事”须有办理流程（DB36/T 2016 §8.2.4）' });
  const covered = new Set<string>();
  bundle.steps.forEach((step, i) => {
    if (step.order !== i + 1) issues.push({ path: `/steps/${i}/order`, code: 'BUNDLE_STEPS_INVALID', message: `第 ${i + 1} 个环节的序号应为 ${i + 1}，实为 ${step.order}` });
    if (!step.name.trim()) issues.push({ path: `/steps/${i}/name`, code: 'BUNDLE_STEPS_INVALID', message: `第 ${i + 1} 个环节须有名称` });
    for (const id of step.itemIds) {
      if (!distinct.has(id)) issues.push({ path: `/steps/${i}/itemIds`, code: 'BUNDLE_STEPS_INVALID', message: `第 ${i + 1} 个环节的事项“${id}”不在本“一件事”中` });
      covered.add(id);
    }
  });
  if (bundle.steps.length > 0) {
    for (const id of distinct) {
      if (!covered.has(id)) issues.push({ path: '/steps', code: 'BUNDLE_STEPS_INVALID', message: `事项“${id}”未列入任何办理环节` });
    }
  }
  if (bundle.acceptingCounterKind !== 'comprehensive') {
    issues.push({ path: '/acceptingCounterKind', code: 'BUNDLE_COUNTER_KIND_INVALID', message: '“一件事”应纳入综合窗口统一受理（DB36/T 2016 §8.2.4）' });
  }
  return issues;
}

/** Throws the code of the first issue with all of them listed, when there is any. */
export function assertBundle(bundle: BundleDefinition): void {
  const fields = checkBundle(bundle);
  const first = fields[0];
  if (first) throw new AppError(first.code, { message: first.message, fields });
}
