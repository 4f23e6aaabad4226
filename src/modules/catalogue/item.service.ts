/**
 * Use cases of service items (事项, DB36/T 2016 §7.3): create, edit (a new draft when the
 * latest version is fixed), the versions' review and publication (§7.3.2.2), retire;
 * and the public reads of the published guide (§7.3.2.1 one source of truth). All
 * changes are audited in their transaction, under a lock on the item row.
 */
import { randomUUID } from 'node:crypto';
import { formatDate, shanghaiDayAndMinute } from '../../domain/calendar/dates.ts';
import { validateBasicCode, validateHandlingCode, validateImplementationCode, validateTypeCodeForKind, type ItemKind } from '../../domain/catalogue/codes.ts';
import type { ItemFlags, ItemGuide } from '../../domain/catalogue/guide.ts';
import { assertNoCycle, checkPlacement, type HierarchyNode, type ItemLevel } from '../../domain/catalogue/hierarchy.ts';
import { currentPublished, nextDraftNumber, type ItemVersionState, type VersionStatus } from '../../domain/catalogue/versions.ts';
import { AppError, ERRORS, referenceError, type ErrorCode, type FieldIssue } from '../../domain/shared/errors.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/principal.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { uniqueViolation } from '../../platform/db/unique-violation.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireDepartmentRef, requireOpenCentre } from '../organisation/references.ts';
import * as repo from './item.repository.ts';
import { catalogueChanged } from './public-cache.ts';
import { checkMaterialFiles } from './material-files.ts';
import type { GuideUpdate, ItemCreate, ItemListQuery, ItemSummary, ItemUpdate, ItemView, VersionSummary, VersionView } from './item.schemas.ts';

// ---------------------------------------------------------------- helpers

/** Today in the centre's time zone (Asia/Shanghai), `YYYY-MM-DD`. */
export function todayOf(deps: AppDeps): string {
  return formatDate(shanghaiDayAndMinute(deps.clock()).epochDay);
}

const NO_FLAGS: ItemFlags = {
  agencyHelp: false,
  notifyCommit: false,
  toleranceAcceptance: false,
  crossProvince: false,
  withinProvince: false,
  withinCity: false,
  certificateFree: false,
  extendedHours: false,
  selfService24h: false,
  appointment: null,
  onlinePayment: null,
  postalDelivery: null,
};

/** A guide with every element not yet stated (a draft, §7.3.3.3). */
export function emptyGuide(name: string, kind: ItemKind, typeCode: string): ItemGuide {
  return {
    name,
    kind,
    typeCode,
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
    serviceObjects: null,
    place: null,
    hours: null,
    consultationPhone: null,
    supervisionPhone: null,
    flags: NO_FLAGS,
  };
}

/**
 * The guide with the elements the input states replaced (top-level elements as a whole;
 * flags one by one). The input was validated against the schema's enumerations.
 */
export function applyGuideInput(base: ItemGuide, input: GuideUpdate): ItemGuide {
  const { flags, ...rest } = input;
  const stated = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  const next = { ...base, ...stated } as unknown as ItemGuide;
  return flags ? { ...next, flags: { ...base.flags, ...(Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) as Partial<ItemFlags>) } } : next;
}

export function throwIssues(issues: readonly FieldIssue[]): void {
  const first = issues[0];
  if (!first) return;
  const code = (first.code in ERRORS ? first.code : 'VALIDATION_FAILED') as ErrorCode;
  throw new AppError(code, { message: first.message, fields: issues });
}

export function searchText(row: Pick<repo.ItemRow, 'basicCode' | 'implementationCode' | 'handlingCode'>, name: string): string {
  return [name, row.basicCode, row.implementationCode ?? '', row.handlingCode ?? ''].join(' ').toLowerCase();
}

export function versionState(v: repo.VersionRow): ItemVersionState {
  return {
    number: v.number,
    status: v.status as VersionStatus,
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt,
    review:
      v.reviewDecision && v.reviewer && v.opinion && v.reviewedAt
        ? { decision: v.reviewDecision as 'approved' | 'rejected', reviewer: v.reviewer, opinion: v.opinion, at: v.reviewedAt }
        : null,
    effectiveOn: v.effectiveOn,
    publishedAt: v.publishedAt,
    withdrawnAt: v.withdrawnAt,
    withdrawReason: v.withdrawReason,
  };
}

export function stateColumns(s: ItemVersionState): Partial<repo.VersionInsert> {
  return {
    status: s.status,
    submittedBy: s.submittedBy,
    submittedAt: s.submittedAt,
    reviewDecision: s.review?.decision ?? null,
    reviewer: s.review?.reviewer ?? null,
    opinion: s.review?.opinion ?? null,
    reviewedAt: s.review?.at ?? null,
    effectiveOn: s.effectiveOn,
    publishedAt: s.publishedAt,
    withdrawnAt: s.withdrawnAt,
    withdrawReason: s.withdrawReason,
  };
}

export const iso = (d: Date | null) => d?.toISOString() ?? null;

export function versionSummary(v: repo.VersionRow): VersionSummary {
  return {
    number: v.number,
    status: v.status as VersionStatus,
    submittedBy: v.submittedBy,
    submittedAt: iso(v.submittedAt),
    reviewDecision: v.reviewDecision,
    reviewer: v.reviewer,
    opinion: v.opinion,
    reviewedAt: iso(v.reviewedAt),
    effectiveOn: v.effectiveOn,
    publishedAt: iso(v.publishedAt),
    withdrawnAt: iso(v.withdrawnAt),
    withdrawReason: v.withdrawReason,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function versionView(v: repo.VersionRow): VersionView {
  return { ...versionSummary(v), itemId: v.itemId, guide: v.guide };
}

function itemView(item: repo.ItemRow, latest: repo.VersionRow): ItemView {
  return {
    id: item.id,
    centreId: item.centreId,
    departmentId: item.departmentId,
    level: item.level,
    parentId: item.parentId,
    basicCode: item.basicCode,
    implementationCode: item.implementationCode,
    handlingCode: item.handlingCode,
    kind: item.kind,
    typeCode: item.typeCode,
    name: item.name,
    publishedNumber: item.publishedNumber,
    latest: versionView(latest),
    retiredAt: iso(item.retiredAt),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export async function viewOf(q: Queryable, id: string): Promise<ItemView> {
  const item = await repo.findItem(q, id);
  if (!item) throw new AppError('ITEM_NOT_FOUND');
  return itemView(item, await repo.latestVersion(q, id));
}

/** Runs `work`; a duplicate code refused by a unique index becomes its 409 at the field. */
export async function mapCodeViolations<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const index = uniqueViolation(err);
    if (index === 'items_implementation_code_idx') throw codeTaken('/implementationCode');
    if (index === 'items_handling_code_idx') throw codeTaken('/handlingCode');
    throw err;
  }
}

export function codeTaken(path: string, code?: string): AppError {
  const message = code ? `编码“${code}”已被其他在用事项使用（DB36/T 2016 §7.3.3.2 唯一标识代码）` : ERRORS.ITEM_CODE_TAKEN.zh;
  return new AppError('ITEM_CODE_TAKEN', { message, fields: [{ path, code: 'ITEM_CODE_TAKEN', message }] });
}

/** The centre (and department) of an item, for access control of `/items/:id`. */
export async function itemCentre(deps: AppDeps, id: string): Promise<{ centreId: string; departmentId: string } | undefined> {
  const row = await repo.findItem(deps.db, id);
  return row && { centreId: row.centreId, departmentId: row.departmentId };
}

export interface Placement {
  readonly level: ItemLevel;
  readonly parentId: string | null;
  readonly basicCode: string;
  readonly implementationCode: string | null;
  readonly handlingCode: string | null;
}

/** The parent as the placement checks see it: an active item of the same centre. */
export type ParentRef = Pick<repo.ItemRow, 'id' | 'level' | 'parentId' | 'implementationCode' | 'handlingCode'>;

export interface PlacementResult {
  readonly issues: FieldIssue[];
  /** The codes to store: a handling item also stores the implementation code it extends. */
  readonly implementationCode: string | null;
  readonly handlingCode: string | null;
}

/**
 * Codes (REFERENCES.md "Service item data", DB36/T 2016 §7.3.3.2) and the place in the
 * tree (§7.3.2.2e) given the parent already found, every fault with its field. Pure: the
 * single-item use cases and the batch import share it.
 */
export function placementIssues(selfId: string, p: Placement, guide: ItemGuide, parent: ParentRef | undefined): PlacementResult {
  const issues: FieldIssue[] = [...validateBasicCode(p.basicCode)];
  if (guide.kind && guide.typeCode !== null) issues.push(...validateTypeCodeForKind(guide.kind, guide.typeCode, '/guide/typeCode'));
  const implementerUscc = guide.implementingBody?.uscc ?? null;
  let implementationCode: string | null = null;
  let handlingCode: string | null = null;
  if (p.level === 'handling') {
    if (p.implementationCode) issues.push({ path: '/implementationCode', code: 'ITEM_IMPLEMENTATION_CODE_INVALID', message: '办理项不填实施编码，其编码为业务办理项编码' });
    if (!p.handlingCode) {
      issues.push({ path: '/handlingCode', code: 'ITEM_HANDLING_CODE_INVALID', message: '办理项须填写业务办理项编码（33 位）' });
    } else {
      const own = validateHandlingCode(p.handlingCode, parent?.implementationCode ?? null);
      issues.push(...own);
      if (own.length === 0) {
        implementationCode = p.handlingCode.slice(0, 31);
        issues.push(
          ...validateImplementationCode(implementationCode, { basicCode: p.basicCode, implementerUscc }, '/handlingCode').filter((i) => i.code.endsWith('_MISMATCH')),
        );
      }
      handlingCode = p.handlingCode;
    }
  } else {
    if (p.handlingCode) issues.push({ path: '/handlingCode', code: 'ITEM_HANDLING_CODE_INVALID', message: '主项、子项不填业务办理项编码' });
    if (!p.implementationCode) issues.push({ path: '/implementationCode', code: 'ITEM_IMPLEMENTATION_CODE_INVALID', message: '主项、子项须填写实施编码（31 位）' });
    else issues.push(...validateImplementationCode(p.implementationCode, { basicCode: p.basicCode, implementerUscc }));
    implementationCode = p.implementationCode;
  }
  const node: HierarchyNode = { id: selfId, level: p.level, parentId: p.parentId, implementationCode, handlingCode };
  const parentNode: HierarchyNode | null = parent
    ? { id: parent.id, level: parent.level as ItemLevel, parentId: parent.parentId, implementationCode: parent.implementationCode, handlingCode: parent.handlingCode }
    : null;
  // The code checks already name a handling code that does not extend its parent's.
  issues.push(...checkPlacement(node, parentNode).filter((i) => !issues.some((j) => j.code === i.code)));
  return { issues, implementationCode, handlingCode };
}

/** {@link placementIssues} with the parent looked up, then uniqueness among active items. */
async function checkCodesAndPlacement(
  q: Queryable,
  centreId: string,
  selfId: string,
  p: Placement,
  guide: ItemGuide,
  parentOf: (() => Promise<Map<string, string | null>>) | null,
): Promise<{ implementationCode: string | null; handlingCode: string | null }> {
  let parent: repo.ItemRow | undefined;
  if (p.parentId) {
    parent = await repo.findItem(q, p.parentId);
    if (!parent || parent.centreId !== centreId) throw referenceError('ITEM_NOT_FOUND', '/parentId', '上级事项不存在或不属于本中心');
    if (parent.retiredAt) throw referenceError('ITEM_NOT_FOUND', '/parentId', '上级事项已停用');
    if (parentOf) assertNoCycle(await parentOf(), selfId, p.parentId);
  }
  const { issues, implementationCode, handlingCode } = placementIssues(selfId, p, guide, parent);
  throwIssues(issues);
  if (p.level !== 'handling' && implementationCode && (await repo.findActiveByCode(q, 'implementation', implementationCode, selfId))) {
    throw codeTaken('/implementationCode', implementationCode);
  }
  if (handlingCode && (await repo.findActiveByCode(q, 'handling', handlingCode, selfId))) throw codeTaken('/handlingCode', handlingCode);
  return { implementationCode, handlingCode };
}

/**
 * Writes the item's search row from the version that applies today (§7.3.2.1), or, when
 * none applies yet, from the published version waiting for its effective date.
 */
export async function refreshSearchRow(q: Queryable, item: repo.ItemRow, today: string, now: Date): Promise<repo.ItemRow> {
  const versions = await repo.listVersions(q, item.id);
  const current =
    currentPublished(versions, today) ??
    versions.filter((v) => v.status === 'published' && v.effectiveOn !== null && v.effectiveOn > today).sort((a, b) => a.effectiveOn!.localeCompare(b.effectiveOn!))[0];
  if (!current) {
    return repo.updateItem(q, item.id, { publishedNumber: null, publishedEffectiveOn: null, publishedName: null, publishedTypeCode: null, publishedSearch: null, publishedFlags: null, updatedAt: now });
  }
  const name = current.guide.name ?? item.name;
  return repo.updateItem(q, item.id, {
    publishedNumber: current.number,
    publishedEffectiveOn: current.effectiveOn,
    publishedName: name,
    publishedTypeCode: current.guide.typeCode,
    publishedSearch: searchText(item, name),
    publishedFlags: current.guide.flags,
    updatedAt: now,
  });
}

// ---------------------------------------------------------------- use cases

/** What a new item starts from: its guide (the first draft) and its place, from the create input. */
export interface Creation {
  readonly guide: ItemGuide;
  readonly placement: Placement;
  /** The working name and type of the item row (not null, unlike a guide's). */
  readonly head: { readonly name: string; readonly kind: string; readonly typeCode: string };
}

export function creationOf(input: ItemCreate): Creation {
  const { name, kind, typeCode, ...rest } = input.guide;
  return {
    head: { name: name.trim(), kind, typeCode },
    guide: applyGuideInput(emptyGuide(name.trim(), kind as ItemKind, typeCode), rest),
    placement: {
      level: input.level as ItemLevel,
      parentId: input.parentId ?? null,
      basicCode: input.basicCode,
      implementationCode: input.implementationCode ?? null,
      handlingCode: input.handlingCode ?? null,
    },
  };
}

/** The rows of a new item and its first draft version (number 1), codes already checked. */
export function newItemRows(
  actor: Actor,
  now: Date,
  centreId: string,
  departmentId: string,
  created: Creation,
  codes: { implementationCode: string | null; handlingCode: string | null },
  id: string = randomUUID(),
): { item: repo.ItemInsert; version: repo.VersionInsert } {
  const { guide, placement, head } = created;
  return {
    item: {
      id,
      centreId,
      departmentId,
      level: placement.level,
      parentId: placement.parentId,
      basicCode: placement.basicCode,
      ...codes,
      ...head,
      createdAt: now,
      updatedAt: now,
    },
    version: { id: randomUUID(), itemId: id, number: 1, status: 'draft', guide, createdBy: actor.name, createdAt: now, updatedAt: now },
  };
}

/** Creates an item with its first draft version (number 1). Codes and placement checked; audited. */
export async function createItem(deps: AppDeps, actor: Actor, centreId: string, input: ItemCreate): Promise<ItemView> {
  const now = deps.clock();
  const id = randomUUID();
  const created = creationOf(input);
  return mapCodeViolations(() =>
    deps.db.transaction(async (tx) => {
      await requireOpenCentre(tx, centreId);
      await requireDepartmentRef(tx, centreId, input.departmentId, '/departmentId');
      const codes = await checkCodesAndPlacement(tx, centreId, id, created.placement, created.guide, null);
      // DB36/T 2016 §6.3.2: 空白表格、格式范本 are stored files of this centre.
      await checkMaterialFiles(tx, centreId, created.guide, '/guide');
      const rows = newItemRows(actor, now, centreId, input.departmentId, created, codes, id);
      const item = await repo.insertItem(tx, rows.item);
      const version = await repo.insertVersion(tx, rows.version);
      await writeAudit(tx, actor, now, { centreId, entity: 'item', entityId: id, action: 'create', after: { item, version } });
      return itemView(item, version);
    }),
  );
}

export async function getItem(deps: AppDeps, id: string): Promise<ItemView> {
  return viewOf(deps.db, id);
}

export async function listItems(deps: AppDeps, centreId: string, query: ItemListQuery): Promise<{ items: ItemSummary[]; total: number }> {
  const { rows, total } = await repo.listItems(deps.db, centreId, {
    q: query.q,
    departmentId: query.departmentId,
    typeCode: query.typeCode,
    status: query.status,
    includeRetired: query.includeRetired ?? false,
    limit: query.limit ?? 100,
    offset: query.offset ?? 0,
  });
  return {
    total,
    items: rows.map(({ item, latestNumber, latestStatus }) => ({
      id: item.id,
      departmentId: item.departmentId,
      level: item.level,
      parentId: item.parentId,
      code: item.handlingCode ?? item.implementationCode,
      kind: item.kind,
      typeCode: item.typeCode,
      name: item.name,
      latestNumber,
      latestStatus,
      publishedNumber: item.publishedNumber,
      retiredAt: iso(item.retiredAt),
    })),
  };
}

/**
 * Edits an item: its codes and place directly, its guide in the current draft — or, when
 * the latest version has left the draft state, in a new draft made from it (a published
 * version never changes, §7.3.2.2).
 */
export async function updateItem(deps: AppDeps, actor: Actor, id: string, input: ItemUpdate): Promise<ItemView> {
  const now = deps.clock();
  return mapCodeViolations(() =>
    deps.db.transaction(async (tx) => {
      const before = await repo.lockItem(tx, id);
      if (!before) throw new AppError('ITEM_NOT_FOUND');
      if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
      const latest = await repo.latestVersion(tx, id);
      const guide = input.guide ? applyGuideInput(latest.guide, input.guide) : latest.guide;
      if (input.departmentId !== undefined && input.departmentId !== before.departmentId) await requireDepartmentRef(tx, before.centreId, input.departmentId, '/departmentId');
      const placement: Placement = {
        level: (input.level ?? before.level) as ItemLevel,
        parentId: input.parentId !== undefined ? input.parentId : before.parentId,
        basicCode: input.basicCode ?? before.basicCode,
        implementationCode: input.implementationCode !== undefined ? input.implementationCode : before.level === 'handling' ? null : before.implementationCode,
        handlingCode: input.handlingCode !== undefined ? input.handlingCode : before.handlingCode,
      };
      const codes = await checkCodesAndPlacement(tx, before.centreId, id, placement, guide, () => repo.parentMap(tx, before.centreId));
      let version = latest;
      if (input.guide) {
        // DB36/T 2016 §6.3.2: 空白表格、格式范本 are stored files of this centre.
        await checkMaterialFiles(tx, before.centreId, guide, '/guide');
        if (latest.status === 'draft') {
          version = await repo.updateVersion(tx, latest.id, { guide, updatedAt: now });
        } else {
          const number = nextDraftNumber((await repo.listVersions(tx, id)).map((v) => ({ number: v.number, status: v.status as VersionStatus })));
          version = await repo.insertVersion(tx, { id: randomUUID(), itemId: id, number, status: 'draft', guide, createdBy: actor.name, createdAt: now, updatedAt: now });
        }
      }
      let after = await repo.updateItem(tx, id, {
        departmentId: input.departmentId ?? before.departmentId,
        level: placement.level,
        parentId: placement.parentId,
        basicCode: placement.basicCode,
        ...codes,
        kind: guide.kind ?? before.kind,
        typeCode: guide.typeCode ?? before.typeCode,
        name: guide.name ?? before.name,
        updatedAt: now,
      });
      // Codes are part of the public search row.
      if (after.publishedNumber !== null && after.publishedName !== null) {
        after = await repo.updateItem(tx, id, { publishedSearch: searchText(after, after.publishedName) });
      }
      // Codes and department are on the public guide and in the search; cases opening
      // read the item row from a kept copy (cases/sources-cache.ts), published or not.
      await catalogueChanged(deps, tx, before.centreId);
      await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'item', entityId: id, action: 'update', before: { item: before, version: latest }, after: { item: after, version } });
      return itemView(after, version);
    }),
  );
}

/** Retires an item (soft): it leaves the public search and lists; it stays readable. */
export async function retireItem(deps: AppDeps, actor: Actor, id: string): Promise<ItemView> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const before = await repo.lockItem(tx, id);
    if (!before) throw new AppError('ITEM_NOT_FOUND');
    if (before.retiredAt) throw new AppError('ENTITY_RETIRED');
    const after = await repo.updateItem(tx, id, { retiredAt: now, updatedAt: now });
    await catalogueChanged(deps, tx, before.centreId);
    await writeAudit(tx, actor, now, { centreId: before.centreId, entity: 'item', entityId: id, action: 'retire', before, after });
    return itemView(after, await repo.latestVersion(tx, id));
  });
}

