/**
 * What a case is checked against: the PUBLISHED guide of each of its items (§7.3.2.1 one
 * source of truth) — the one current when the case opens, then always that same version
 * (its id is stored), so a later edition of the guide never changes a running case's
 * checklist, steps or limits. Also who acts: the clerk signed in at a counter of the
 * centre, or the staff record linked to the account.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { checklistSource, type ChecklistMaterial, type CaseFlags } from '../../domain/cases/checklist.ts';
import type { CaseActor, CaseContext } from '../../domain/cases/case-states.ts';
import { dueAt } from '../../domain/cases/deadlines.ts';
import type { ItemGuide } from '../../domain/catalogue/guide.ts';
import { currentPublished } from '../../domain/catalogue/versions.ts';
import type { BundleStep } from '../../domain/catalogue/bundles.ts';
import { AppError, referenceError } from '../../domain/shared/errors.ts';
import type { Queryable } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { findBundle } from '../catalogue/bundle.repository.ts';
import type { ItemRow } from '../catalogue/item.repository.ts';
import { todayOf } from '../catalogue/item.service.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { keysOf, type Keys } from './personal-data.ts';
import { counters, staff } from '../organisation/schema.ts';
import { counterSignIns } from '../queue/schema.ts';
import type { CaseItemRow } from './case.repository.ts';
import { publishedGuides } from './versions-cache.ts';
import { itemWithVersions } from './sources-cache.ts';

export interface ItemSource {
  readonly item: ItemRow;
  readonly versionId: string;
  readonly guide: ItemGuide;
}

export interface CaseSources {
  readonly items: readonly ItemSource[];
  readonly bundle: { readonly id: string; readonly name: string; readonly steps: readonly BundleStep[] } | null;
}

/**
 * The items a new case opens for (an item or handling item, or every item of a bundle)
 * with their published guides of today. Anything not published — unknown, of another
 * centre, retired, never or no longer published — is ITEM_NOT_PUBLISHED at the field
 * named (422), like an unknown id in a body. Items are read through the per-process
 * cache (sources-cache.ts), so `q` is the database, outside any transaction.
 */
export async function publishedSources(deps: AppDeps, q: Queryable, centreId: string, ref: { itemId?: string | undefined; bundleId?: string | undefined }): Promise<CaseSources> {
  if ((ref.itemId ? 1 : 0) + (ref.bundleId ? 1 : 0) !== 1) {
    const message = '须且只能选择一个事项（或业务办理项）或一个“一件事”';
    throw new AppError('CASE_ITEM_OR_BUNDLE_REQUIRED', { message, fields: [{ path: ref.bundleId ? '/bundleId' : '/itemId', code: 'CASE_ITEM_OR_BUNDLE_REQUIRED', message }] });
  }
  const today = todayOf(deps);
  const published = async (itemId: string, path: string): Promise<ItemSource> => {
    const found = await itemWithVersions(deps, q, centreId, itemId);
    const version = found && found.item.centreId === centreId && !found.item.retiredAt ? currentPublished(found.versions, today) : undefined;
    if (!found || !version) throw referenceError('ITEM_NOT_PUBLISHED', path, '该事项不存在或暂无已发布的办事指南，不能受理');
    return { item: found.item, versionId: version.id, guide: version.guide };
  };
  if (ref.itemId) return { items: [await published(ref.itemId, '/itemId')], bundle: null };
  const bundle = await findBundle(q, ref.bundleId!);
  if (!bundle || bundle.centreId !== centreId || bundle.retiredAt) throw referenceError('BUNDLE_NOT_FOUND', '/bundleId');
  const list: ItemSource[] = [];
  for (const id of bundle.itemIds) list.push(await published(id, '/bundleId'));
  return { items: list, bundle: { id: bundle.id, name: bundle.name, steps: bundle.steps } };
}

/** What the rules of a case are made of (an opening's {@link CaseSources} or a running case's {@link storedSources}). */
export interface RuleSources {
  readonly items: readonly { readonly item: { readonly id: string }; readonly guide: ItemGuide }[];
  readonly bundle: { readonly steps: readonly BundleStep[] } | null;
}

/**
 * The versions a running case was opened under. A published version never changes, so
 * its guide is kept per process by id (versions-cache.ts).
 */
export async function storedSources(deps: AppDeps, q: Queryable, caseItems: readonly CaseItemRow[], bundleId: string | null): Promise<RuleSources> {
  const guides = await publishedGuides(deps, q, caseItems.map((i) => i.versionId));
  const list = caseItems.map((ci) => ({ item: { id: ci.itemId }, guide: guides.get(ci.versionId)! }));
  const bundle = bundleId ? await findBundle(q, bundleId) : undefined;
  return { items: list, bundle: bundle ? { steps: bundle.steps } : null };
}

export interface CaseRules {
  readonly materials: readonly ChecklistMaterial[];
  readonly flags: CaseFlags;
  readonly steps: CaseContext['steps'];
}

/** The checklist materials (merged for a bundle, §8.2.4), the flags every item carries, and the steps a case may go through. */
export function rulesOf(sources: RuleSources): CaseRules {
  const { materials, flags } = checklistSource(sources.items.map((s) => ({ itemId: s.item.id, materials: s.guide.materials ?? [], flags: s.guide.flags })));
  const steps = [
    ...sources.items.flatMap((s) => (s.guide.process ?? []).map((p) => ({ name: p.name, itemId: s.item.id }))),
    ...(sources.bundle?.steps ?? []).map((b) => ({ name: b.name, itemId: null })),
  ];
  return { materials, flags, steps };
}

/**
 * What a transaction of a case needs from outside the database transaction: the
 * centre's calendar and the data keys. Both are read (and cached) through `deps.db`, so
 * they are fetched BEFORE the transaction opens: on PGlite a query outside an open
 * transaction waits for it to end.
 */
export interface CaseEnv {
  readonly calendar: WorkingCalendar;
  readonly keys: Keys;
}

export async function caseEnv(deps: AppDeps, centreId: string): Promise<CaseEnv> {
  const [calendar, keys] = await Promise.all([getCalendar(deps, centreId), keysOf(deps)]);
  return { calendar, keys };
}

/** The context of a transition: the rules, the actor, now, and the centre's calendar for tolerance deadlines. */
export function contextOf(env: CaseEnv, rules: CaseRules, actor: CaseActor, now: Date): CaseContext {
  return { ...rules, now, actor, limitEnd: (start, limit) => dueAt(env.calendar, start, limit, [], []) };
}

/**
 * Who acts for the event log: the counter and staff record of a clerk signed in at a
 * counter of this centre; else the staff record linked to the account in this centre
 * (a back-office handler, a manager); else the account alone.
 */
export async function caseActor(q: Queryable, userId: string | null, centreId: string): Promise<CaseActor> {
  return (await namedCaseActor(q, userId, centreId)).actor;
}

/** {@link caseActor} with the number of its counter and the name of its staff record, as the case's views show them. */
export interface NamedCaseActor {
  readonly actor: CaseActor;
  readonly counterNumber: string | null;
  readonly staffName: string | null;
}

export async function namedCaseActor(q: Queryable, userId: string | null, centreId: string): Promise<NamedCaseActor> {
  if (!userId) return { actor: { kind: 'system', userId: null, staffId: null, counterId: null }, counterNumber: null, staffName: null };
  const [signIn] = await q
    .select({ counterId: counterSignIns.counterId, staffId: counterSignIns.staffId, centreId: counterSignIns.centreId, counterNumber: counters.number, staffName: staff.name })
    .from(counterSignIns)
    .leftJoin(counters, eq(counters.id, counterSignIns.counterId))
    .leftJoin(staff, eq(staff.id, counterSignIns.staffId))
    .where(and(eq(counterSignIns.userId, userId), isNull(counterSignIns.signedOutAt)));
  if (signIn && signIn.centreId === centreId) {
    return { actor: { kind: 'staff', userId, staffId: signIn.staffId, counterId: signIn.counterId }, counterNumber: signIn.counterNumber, staffName: signIn.staffName };
  }
  const [record] = await q
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.userId, userId), eq(staff.centreId, centreId), isNull(staff.retiredAt)));
  return { actor: { kind: 'staff', userId, staffId: record?.id ?? null, counterId: null }, counterNumber: null, staffName: record?.name ?? null };
}
