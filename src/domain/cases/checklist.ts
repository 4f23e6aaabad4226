/**
 * The materials checklist of a case (申请材料核验, DB36/T 2016 §8.1.2.3), built from the
 * item's PUBLISHED guide (or the merged list of a "一件事" bundle, §8.2.4):
 *
 * - a material obtainable by data sharing is never asked of the applicant (§8.1.2.3c):
 *   it is listed as `shared`, and a checklist that marks it otherwise is refused;
 * - every other material is `provided`, `missing`, `wrong` (不符合法定形式: what is wrong
 *   is noted, for the one-time notice of §8.1.2.3b) or `tolerated` (容缺, §8.2.7 — only
 *   when the material has a tolerance and the item carries the 容缺受理 flag).
 *
 * A submitted checklist that does not match the version (an unknown material, one listed
 * twice, one left out) is CASE_MATERIALS_MISMATCH naming the field. The checklist then
 * says which decisions it allows: acceptance needs every required material provided;
 * acceptance with deficiency needs every required one that is not provided tolerated;
 * otherwise only correction (补正) or refusal.
 */
import { mergeMaterials } from '../catalogue/bundles.ts';
import type { ItemFlags, Material, MaterialTolerance } from '../catalogue/guide.ts';
import { materialKey, nameKey } from '../catalogue/text.ts';
import { AppError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';

export const MATERIAL_STATUSES = ['provided', 'missing', 'wrong', 'tolerated', 'shared'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const MATERIAL_STATUS_LABELS: Readonly<Record<MaterialStatus, string>> = {
  provided: '已提交',
  missing: '缺少',
  wrong: '不符合要求',
  tolerated: '容缺后补',
  shared: '数据共享获取，无需提交',
};

/** One material the case may ask for, from the published guide(s). */
export interface ChecklistMaterial {
  readonly key: string;
  readonly name: string;
  readonly issuingBody: string | null;
  readonly required: boolean;
  readonly viaDataSharing: boolean;
  readonly tolerance: MaterialTolerance | null;
  /** §8.2.7: the material has a tolerance and every item asking for it carries the 容缺受理 flag. */
  readonly toleranceAllowed: boolean;
  /** The items asking for it (one for a plain case). */
  readonly itemIds: readonly string[];
}

/** The flags that decide the acceptance modes of a case (every item of a bundle must carry them). */
export interface CaseFlags {
  readonly toleranceAcceptance: boolean;
  readonly notifyCommit: boolean;
}

export interface ItemSource {
  readonly itemId: string;
  readonly materials: readonly Material[];
  readonly flags: Pick<ItemFlags, 'toleranceAcceptance' | 'notifyCommit'>;
}

/** The materials of a case for one item or a bundle of items (merged, §8.2.4), and the flags all its items share. */
export function checklistSource(sources: readonly ItemSource[]): { readonly materials: readonly ChecklistMaterial[]; readonly flags: CaseFlags } {
  const flagsOf = new Map(sources.map((s) => [s.itemId, s.flags]));
  const merged = mergeMaterials(sources.map((s) => ({ itemId: s.itemId, materials: s.materials })));
  const materials = merged.map((m) => ({
    key: m.key,
    name: m.name,
    issuingBody: m.issuingBody,
    required: m.required && !m.viaDataSharing,
    viaDataSharing: m.viaDataSharing,
    tolerance: m.viaDataSharing ? null : m.tolerance,
    toleranceAllowed: !m.viaDataSharing && m.tolerance !== null && m.itemIds.every((id) => flagsOf.get(id)?.toleranceAcceptance === true),
    itemIds: m.itemIds,
  }));
  return {
    materials,
    flags: {
      toleranceAcceptance: sources.length > 0 && sources.every((s) => s.flags.toleranceAcceptance),
      notifyCommit: sources.length > 0 && sources.every((s) => s.flags.notifyCommit),
    },
  };
}

/** What the clerk submits for one material. */
export interface ChecklistEntryInput {
  readonly name: string;
  /** Needed only when two materials of the guide share a name. */
  readonly issuingBody?: string | null;
  readonly status: MaterialStatus;
  /** What is wrong or missing in detail (required for `wrong`). */
  readonly note?: string | null;
}

export interface ChecklistEntry {
  readonly key: string;
  readonly name: string;
  readonly issuingBody: string | null;
  readonly required: boolean;
  readonly status: MaterialStatus;
  readonly note: string | null;
  readonly tolerance: MaterialTolerance | null;
  readonly toleranceAllowed: boolean;
  readonly itemIds: readonly string[];
}

type Issue = FieldIssue & { readonly code: ErrorCode };

function entryOf(m: ChecklistMaterial, status: MaterialStatus, note: string | null): ChecklistEntry {
  return { key: m.key, name: m.name, issuingBody: m.issuingBody, required: m.required, status, note, tolerance: m.tolerance, toleranceAllowed: m.toleranceAllowed, itemIds: m.itemIds };
}

/** The checklist before anything is checked: shared materials `shared`, the rest `missing`. */
export function initialChecklist(materials: readonly ChecklistMaterial[]): ChecklistEntry[] {
  return materials.map((m) => entryOf(m, m.viaDataSharing ? 'shared' : 'missing', null));
}

function findMaterial(materials: readonly ChecklistMaterial[], entry: ChecklistEntryInput): ChecklistMaterial | undefined {
  if (entry.issuingBody !== undefined && entry.issuingBody !== null && entry.issuingBody.trim() !== '') {
    const key = materialKey(entry.name, entry.issuingBody);
    return materials.find((m) => m.key === key);
  }
  const byName = materials.filter((m) => nameKey(m.name) === nameKey(entry.name));
  if (byName.length === 1) return byName[0];
  const exact = materialKey(entry.name, null);
  return materials.find((m) => m.key === exact);
}

/**
 * The checklist a clerk submitted, checked against the version's materials. Shared
 * materials may be left out (they are `shared` whatever is sent); every other material
 * must be listed once. Throws CASE_MATERIALS_MISMATCH / CASE_TOLERANCE_NOT_ALLOWED /
 * CASE_DATA_INVALID listing every fault at its field under `base`.
 */
export function buildChecklist(materials: readonly ChecklistMaterial[], entries: readonly ChecklistEntryInput[], base = '/materials'): ChecklistEntry[] {
  const issues: Issue[] = [];
  const given = new Map<string, { entry: ChecklistEntryInput; index: number }>();
  entries.forEach((entry, i) => {
    const at = `${base}/${i}`;
    const m = findMaterial(materials, entry);
    if (!m) {
      issues.push({ path: `${at}/name`, code: 'CASE_MATERIALS_MISMATCH', message: `材料“${entry.name}”不在该事项已发布版本的申请材料中` });
      return;
    }
    if (given.has(m.key)) {
      issues.push({ path: `${at}/name`, code: 'CASE_MATERIALS_MISMATCH', message: `材料“${m.name}”重复列出（第 ${given.get(m.key)!.index + 1} 项已列）` });
      return;
    }
    given.set(m.key, { entry, index: i });
    if (m.viaDataSharing && entry.status !== 'shared') {
      issues.push({ path: `${at}/status`, code: 'CASE_MATERIALS_MISMATCH', message: `“${m.name}”可通过数据共享获取，不应要求申请人提交（DB36/T 2016 §8.1.2.3c）` });
    } else if (!m.viaDataSharing && entry.status === 'shared') {
      issues.push({ path: `${at}/status`, code: 'CASE_MATERIALS_MISMATCH', message: `“${m.name}”不能通过数据共享获取，须核验申请人是否提交` });
    } else if (entry.status === 'tolerated' && !m.toleranceAllowed) {
      issues.push({ path: `${at}/status`, code: 'CASE_TOLERANCE_NOT_ALLOWED', message: `“${m.name}”不在容缺受理范围内（须材料可容缺且事项实行容缺受理，DB36/T 2016 §8.2.7）` });
    } else if (entry.status === 'wrong' && !(entry.note ?? '').trim()) {
      issues.push({ path: `${at}/note`, code: 'CASE_DATA_INVALID', message: `“${m.name}”不符合要求，须写明需补正的内容（一次性告知，DB36/T 2016 §8.1.2.3b）` });
    }
  });
  for (const m of materials) {
    if (!m.viaDataSharing && !given.has(m.key)) {
      issues.push({ path: base, code: 'CASE_MATERIALS_MISMATCH', message: `材料清单缺少“${m.name}”：每项申请材料须逐项核验` });
    }
  }
  if (issues.length > 0) throw new AppError(issues[0]!.code, { message: issues.map((i) => i.message).join('；'), fields: issues });
  return materials.map((m) => {
    if (m.viaDataSharing) return entryOf(m, 'shared', null);
    const { entry } = given.get(m.key)!;
    return entryOf(m, entry.status, entry.note?.trim() || null);
  });
}

export const ACCEPTANCE_MODES = ['normal', 'tolerance', 'commitment'] as const;
export type AcceptanceMode = (typeof ACCEPTANCE_MODES)[number];

export const ACCEPTANCE_MODE_LABELS: Readonly<Record<AcceptanceMode, string>> = {
  normal: '受理',
  tolerance: '容缺受理',
  commitment: '告知承诺受理',
};

/** The decisions at the counter a checklist allows. */
export type CounterDecision = 'accept_normal' | 'accept_tolerance' | 'accept_commitment' | 'correction' | 'refuse';

/** Required materials not provided (missing, wrong or tolerated). */
export function outstanding(checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  return checklist.filter((e) => e.required && e.status !== 'provided' && e.status !== 'shared');
}

/** What the one-time correction notice lists (§8.1.2.3b): every required material missing or wrong, and every material wrong. */
export function correctionItems(checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  return checklist.filter((e) => e.status === 'wrong' || (e.required && e.status === 'missing'));
}

/**
 * Which decisions the checklist allows: accept when every required material is
 * provided (告知承诺 also needs the flag on every item: its guide lists what is still
 * asked, the commitment replaces the rest); accept with deficiency when every required
 * material not provided is tolerated; correction when something is missing or wrong;
 * refusal always.
 */
export function allowedDecisions(checklist: readonly ChecklistEntry[], flags: CaseFlags): CounterDecision[] {
  const open = outstanding(checklist);
  const out: CounterDecision[] = [];
  if (open.length === 0 && !checklist.some((e) => e.status === 'tolerated')) {
    out.push('accept_normal');
    if (flags.notifyCommit) out.push('accept_commitment');
  }
  const tolerated = checklist.filter((e) => e.status === 'tolerated');
  if (flags.toleranceAcceptance && tolerated.length > 0 && open.every((e) => e.status === 'tolerated') && tolerated.every((e) => e.toleranceAllowed)) {
    out.push('accept_tolerance');
  }
  if (correctionItems(checklist).length > 0) out.push('correction');
  out.push('refuse');
  return out;
}

/**
 * Throws unless the checklist allows accepting in `mode`: CASE_MODE_NOT_ALLOWED (告知承诺
 * without the flag), CASE_TOLERANCE_NOT_ALLOWED (容缺 without the flag), or
 * CASE_MATERIALS_INCOMPLETE naming each material at fault under `base`.
 */
export function assertAcceptable(checklist: readonly ChecklistEntry[], flags: CaseFlags, mode: AcceptanceMode, base = '/data/materials'): void {
  if (mode === 'commitment' && !flags.notifyCommit) {
    throw new AppError('CASE_MODE_NOT_ALLOWED', { message: '该事项未实行告知承诺制，不能按告知承诺受理（DB36/T 2016 §8.2.7）', fields: [{ path: '/data/mode', code: 'CASE_MODE_NOT_ALLOWED', message: '该事项未实行告知承诺制' }] });
  }
  if (mode === 'tolerance' && !flags.toleranceAcceptance) {
    throw new AppError('CASE_TOLERANCE_NOT_ALLOWED', { message: '该事项未实行容缺受理（DB36/T 2016 §8.2.7）', fields: [{ path: '/data/mode', code: 'CASE_TOLERANCE_NOT_ALLOWED', message: '该事项未实行容缺受理' }] });
  }
  const decision: CounterDecision = mode === 'normal' ? 'accept_normal' : mode === 'tolerance' ? 'accept_tolerance' : 'accept_commitment';
  if (allowedDecisions(checklist, flags).includes(decision)) return;
  const fields: FieldIssue[] = [];
  checklist.forEach((e, i) => {
    const blocking = mode === 'tolerance' ? e.required && (e.status === 'missing' || e.status === 'wrong') : e.status === 'tolerated' || (e.required && e.status !== 'provided' && e.status !== 'shared');
    if (blocking) fields.push({ path: `${base}/${i}`, code: 'CASE_MATERIALS_INCOMPLETE', message: `“${e.name}”${MATERIAL_STATUS_LABELS[e.status]}` });
  });
  if (mode === 'tolerance' && !checklist.some((e) => e.status === 'tolerated')) {
    fields.push({ path: base, code: 'CASE_MATERIALS_INCOMPLETE', message: '容缺受理须至少有一项容缺材料' });
  }
  const names = fields.map((f) => f.message).join('、');
  throw new AppError('CASE_MATERIALS_INCOMPLETE', {
    message: mode === 'tolerance' ? `不能容缺受理：${names}（仅可容缺的材料可后补，其余须补正）` : `申请材料不齐全，不能受理：${names}，请一次性告知补正或容缺受理`,
    fields,
  });
}

/** The tolerated materials and the earliest of their completion deadlines, per unit, for the service to date. */
export function toleratedMaterials(checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  return checklist.filter((e) => e.status === 'tolerated');
}
