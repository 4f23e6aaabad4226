/**
 * The lists a centre publishes (DB36/T 2016 §8.2), generated from the flags of its
 * published items: 帮代办清单 (§8.2.2), 24 h 自助办 (§8.2.3), 一件事清单 (§8.2.4),
 * 免证办 (§8.2.5), 跨省/省内/市内通办 (§8.2.6), 告知承诺 and 容缺受理 lists with
 * conditions and completion deadlines (§8.2.7), 延时错时 and 预约 items (§8.2.8).
 */
import type { ItemFlags, ItemGuide, TimeLimit } from './guide.ts';

/** An item as the lists see it: the current published version (§7.3.2.1) of one item. */
export interface PublishedItem {
  readonly id: string;
  /** 实施编码 or 业务办理项编码. */
  readonly code: string;
  readonly department: string | null;
  readonly guide: ItemGuide;
}

export interface ListEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly department: string | null;
}

/** §8.2.7 明确容缺受理条件范围、补齐材料时限. */
export interface ToleranceEntry extends ListEntry {
  readonly materials: readonly { readonly name: string; readonly conditions: string | null; readonly completionDeadline: TimeLimit | null }[];
}

export interface BundleInput {
  readonly id: string;
  readonly name: string;
  readonly itemIds: readonly string[];
}

export interface BundleEntry {
  readonly id: string;
  readonly name: string;
  readonly items: readonly ListEntry[];
}

/** The boolean-flag lists, their flag and their Chinese title. */
export const FLAG_LISTS = {
  agencyHelp: { flag: 'agencyHelp', title: '帮代办服务事项清单', clause: '§8.2.2' },
  selfService24h: { flag: 'selfService24h', title: '24小时自助办理事项清单', clause: '§8.2.3' },
  certificateFree: { flag: 'certificateFree', title: '免证办事项清单', clause: '§8.2.5' },
  crossProvince: { flag: 'crossProvince', title: '“跨省通办”事项清单', clause: '§8.2.6' },
  withinProvince: { flag: 'withinProvince', title: '“省内通办”事项清单', clause: '§8.2.6' },
  withinCity: { flag: 'withinCity', title: '“市内通办”事项清单', clause: '§8.2.6' },
  notifyCommit: { flag: 'notifyCommit', title: '告知承诺制事项清单', clause: '§8.2.7' },
  extendedHours: { flag: 'extendedHours', title: '延时错时服务事项清单', clause: '§8.2.8' },
  appointment: { flag: 'appointment', title: '预约服务事项清单', clause: '§8.2.8' },
} as const satisfies Record<string, { flag: keyof ItemFlags; title: string; clause: string }>;
export type FlagListKind = keyof typeof FLAG_LISTS;

export const TOLERANCE_LIST_TITLE = '容缺受理事项清单';
export const BUNDLE_LIST_TITLE = '“高效办成一件事”服务事项清单';

/**
 * Every list a centre publishes, keyed as {@link CentreLists} names it, in the order of
 * §8.2: the flag lists, 容缺受理 (§8.2.7) and the "一件事" bundles (§8.2.4).
 */
export const PUBLISHED_LISTS = {
  agencyHelp: { title: FLAG_LISTS.agencyHelp.title, clause: FLAG_LISTS.agencyHelp.clause },
  selfService24h: { title: FLAG_LISTS.selfService24h.title, clause: FLAG_LISTS.selfService24h.clause },
  bundles: { title: BUNDLE_LIST_TITLE, clause: '§8.2.4' },
  certificateFree: { title: FLAG_LISTS.certificateFree.title, clause: FLAG_LISTS.certificateFree.clause },
  crossProvince: { title: FLAG_LISTS.crossProvince.title, clause: FLAG_LISTS.crossProvince.clause },
  withinProvince: { title: FLAG_LISTS.withinProvince.title, clause: FLAG_LISTS.withinProvince.clause },
  withinCity: { title: FLAG_LISTS.withinCity.title, clause: FLAG_LISTS.withinCity.clause },
  notifyCommit: { title: FLAG_LISTS.notifyCommit.title, clause: FLAG_LISTS.notifyCommit.clause },
  toleranceAcceptance: { title: TOLERANCE_LIST_TITLE, clause: '§8.2.7' },
  extendedHours: { title: FLAG_LISTS.extendedHours.title, clause: FLAG_LISTS.extendedHours.clause },
  appointment: { title: FLAG_LISTS.appointment.title, clause: FLAG_LISTS.appointment.clause },
} as const satisfies Record<FlagListKind | 'toleranceAcceptance' | 'bundles', { title: string; clause: string }>;
export type ListKind = keyof typeof PUBLISHED_LISTS;
export const LIST_KINDS = Object.keys(PUBLISHED_LISTS) as ListKind[];

export type CentreLists = { readonly [K in FlagListKind]: readonly ListEntry[] } & {
  readonly toleranceAcceptance: readonly ToleranceEntry[];
  readonly bundles: readonly BundleEntry[];
  /** Bundles left off because some item has no published version (§8.2.4 确保已公布事项服务可正常办理). */
  readonly incompleteBundles: readonly { readonly id: string; readonly name: string; readonly missingItemIds: readonly string[] }[];
};

function entry(item: PublishedItem): ListEntry {
  return { id: item.id, code: item.code, name: item.guide.name?.trim() ?? '', department: item.department };
}

/** Department, then code, then id: a stable order for print and export. */
function byDepartmentAndCode(a: ListEntry, b: ListEntry): number {
  const keys: [string, string][] = [
    [a.department ?? '', b.department ?? ''],
    [a.code, b.code],
    [a.id, b.id],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

/** Every list of the centre from its published items and bundles. */
export function centreLists(items: readonly PublishedItem[], bundles: readonly BundleInput[] = []): CentreLists {
  const sorted = [...items].sort((a, b) => byDepartmentAndCode(entry(a), entry(b)));
  const flagList = (kind: FlagListKind): ListEntry[] => sorted.filter((i) => i.guide.flags[FLAG_LISTS[kind].flag] === true).map(entry);

  const toleranceAcceptance: ToleranceEntry[] = sorted
    .filter((i) => i.guide.flags.toleranceAcceptance)
    .map((i) => ({
      ...entry(i),
      materials: (i.guide.materials ?? [])
        .filter((m) => m.tolerance !== null)
        .map((m) => ({ name: m.name.trim(), conditions: m.tolerance?.conditions ?? null, completionDeadline: m.tolerance?.completionDeadline ?? null })),
    }));

  const byId = new Map(items.map((i) => [i.id, i]));
  const bundleEntries: BundleEntry[] = [];
  const incompleteBundles: { id: string; name: string; missingItemIds: string[] }[] = [];
  for (const b of bundles) {
    const missingItemIds = b.itemIds.filter((id) => !byId.has(id));
    if (missingItemIds.length > 0) incompleteBundles.push({ id: b.id, name: b.name, missingItemIds });
    else bundleEntries.push({ id: b.id, name: b.name, items: b.itemIds.map((id) => entry(byId.get(id)!)) });
  }

  return {
    agencyHelp: flagList('agencyHelp'),
    selfService24h: flagList('selfService24h'),
    certificateFree: flagList('certificateFree'),
    crossProvince: flagList('crossProvince'),
    withinProvince: flagList('withinProvince'),
    withinCity: flagList('withinCity'),
    notifyCommit: flagList('notifyCommit'),
    extendedHours: flagList('extendedHours'),
    appointment: flagList('appointment'),
    toleranceAcceptance,
    bundles: bundleEntries,
    incompleteBundles,
  };
}
