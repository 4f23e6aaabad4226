/**
 * The item form's values and their conversion from and to the API. The form mirrors
 * the API's shape (`guide.materials[2].name` is the field at `/guide/materials/2/name`)
 * so that field errors land where they belong; only what a form cannot hold directly
 * (an unstated yes/no, the fee's kind, 容缺 on or off) is spelt differently.
 */
import type { CaseKind, HandlingForm, ImplementerNature, ItemKind, ServiceObject, ThroughScope, TimeLimitUnit } from '../../../src/domain/catalogue/codes.ts';
import type { Fee, ItemFlags, ItemGuide, Material, ProcessStep, TimeLimit } from '../../../src/domain/catalogue/guide.ts';
import type { ItemLevel } from '../../../src/domain/catalogue/hierarchy.ts';
import type { ItemCreate, ItemUpdate, ItemView } from '../../shared/types.ts';
import { textOrNull } from '../../shared/values.ts';

/** A yes/no element of §7.3.3.3 that a draft may leave unstated. */
export type Stated = 'yes' | 'no' | 'unset';

export interface TimeLimitValues {
  value?: number | null;
  unit?: TimeLimitUnit;
  note?: string | null;
}

export interface MaterialValues {
  name?: string;
  issuingBody?: string | null;
  originals?: number | null;
  copies?: number | null;
  required?: boolean;
  viaDataSharing?: boolean;
  eLicenceAccepted?: boolean;
  tolerance?: { enabled?: boolean; conditions?: string | null; completionDeadline?: TimeLimitValues };
  blankFormFileId?: string | null;
  sampleFileId?: string | null;
  note?: string | null;
}

export interface StepValues {
  name?: string;
  description?: string | null;
  timeLimit?: TimeLimitValues;
}

type ListFlag = Exclude<keyof ItemFlags, 'appointment' | 'onlinePayment' | 'postalDelivery'>;
export type FlagValues = { [K in ListFlag]?: boolean } & { appointment?: Stated; onlinePayment?: Stated; postalDelivery?: Stated };

export interface GuideValues {
  name?: string | null;
  kind?: ItemKind | null;
  typeCode?: string | null;
  legalBasis?: string | null;
  implementingBody?: { name?: string | null; uscc?: string | null; nature?: ImplementerNature | null };
  legalTimeLimit?: TimeLimitValues;
  promisedTimeLimit?: TimeLimitValues;
  caseKind?: CaseKind | null;
  resultName?: string | null;
  resultSampleFileId?: string | null;
  fee?: { mode?: 'free' | 'charged' | null; standard?: string | null; basis?: string | null };
  /** An empty material list is a statement (no material needed) only when this is ticked. */
  noMaterials?: boolean;
  materials?: MaterialValues[];
  process?: StepValues[];
  handlingForms?: HandlingForm[];
  reviewStandard?: string | null;
  throughScope?: ThroughScope | null;
  serviceObjects?: ServiceObject[];
  place?: string | null;
  hours?: string | null;
  consultationPhone?: string | null;
  supervisionPhone?: string | null;
  flags?: FlagValues;
}

export interface ItemValues {
  departmentId?: string;
  level?: ItemLevel;
  parentId?: string | null;
  basicCode?: string;
  implementationCode?: string | null;
  handlingCode?: string | null;
  guide: GuideValues;
}

// ---------------------------------------------------------------- from the API

const statedOf = (v: boolean | null): Stated => (v === null ? 'unset' : v ? 'yes' : 'no');
const limitValues = (l: TimeLimit | null | undefined): TimeLimitValues => (l ? { value: l.value, unit: l.unit, note: l.note ?? null } : { unit: 'working_day' });

function materialValues(m: Material): MaterialValues {
  return {
    ...m,
    tolerance: m.tolerance
      ? { enabled: true, conditions: m.tolerance.conditions, completionDeadline: limitValues(m.tolerance.completionDeadline) }
      : { enabled: false, completionDeadline: { unit: 'working_day' } },
  };
}

export function guideValues(g: ItemGuide): GuideValues {
  const { flags, fee, materials, process, legalTimeLimit, promisedTimeLimit, ...rest } = g;
  return {
    ...rest,
    implementingBody: g.implementingBody ?? {},
    legalTimeLimit: limitValues(legalTimeLimit),
    promisedTimeLimit: limitValues(promisedTimeLimit),
    fee: fee === null ? { mode: null } : fee.free ? { mode: 'free' } : { mode: 'charged', standard: fee.standard, basis: fee.basis },
    noMaterials: materials !== null && materials.length === 0,
    materials: (materials ?? []).map(materialValues),
    process: (process ?? []).map((s) => ({ ...s, timeLimit: limitValues(s.timeLimit) })),
    handlingForms: [...(g.handlingForms ?? [])],
    serviceObjects: [...(g.serviceObjects ?? [])],
    flags: { ...flags, appointment: statedOf(flags.appointment), onlinePayment: statedOf(flags.onlinePayment), postalDelivery: statedOf(flags.postalDelivery) },
  };
}

export function itemValues(item: ItemView): ItemValues {
  return {
    departmentId: item.departmentId,
    level: item.level as ItemLevel,
    parentId: item.parentId,
    basicCode: item.basicCode,
    implementationCode: item.level === 'handling' ? null : item.implementationCode,
    handlingCode: item.handlingCode,
    guide: guideValues(item.latest.guide as ItemGuide),
  };
}

/**
 * A new item: a main item whose guide states nothing yet but sensible defaults. The
 * department, when known, is also the implementing body until told otherwise.
 */
export function newItemValues(department: { id: string; name: string; uscc: string | null } | undefined): ItemValues {
  return {
    departmentId: department?.id,
    level: 'main',
    parentId: null,
    guide: {
      kind: 'licensing',
      typeCode: '01',
      implementingBody: department ? { name: department.name, uscc: department.uscc } : {},
      legalTimeLimit: { unit: 'working_day' },
      promisedTimeLimit: { unit: 'working_day' },
      fee: { mode: null },
      materials: [],
      process: [],
      handlingForms: ['1'],
      serviceObjects: [],
      flags: { appointment: 'unset', onlinePayment: 'unset', postalDelivery: 'unset' },
    },
  };
}

// ---------------------------------------------------------------- to the API

const statedValue = (v: Stated | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);
const count = (v: number | null | undefined) => (typeof v === 'number' ? v : 0);

function limitBody(v: TimeLimitValues | undefined): TimeLimit | null {
  if (!v || typeof v.value !== 'number') return null;
  return { value: v.value, unit: v.unit ?? 'working_day', note: textOrNull(v.note) };
}

function feeBody(v: GuideValues['fee']): Fee | null {
  if (v?.mode === 'free') return { free: true };
  if (v?.mode === 'charged') return { free: false, standard: textOrNull(v.standard), basis: textOrNull(v.basis) };
  return null;
}

function materialBody(m: MaterialValues): Material {
  return {
    name: m.name?.trim() ?? '',
    issuingBody: textOrNull(m.issuingBody),
    originals: count(m.originals),
    copies: count(m.copies),
    required: m.required ?? false,
    viaDataSharing: m.viaDataSharing ?? false,
    tolerance: m.tolerance?.enabled ? { conditions: textOrNull(m.tolerance.conditions), completionDeadline: limitBody(m.tolerance.completionDeadline) } : null,
    blankFormFileId: textOrNull(m.blankFormFileId),
    sampleFileId: textOrNull(m.sampleFileId),
    eLicenceAccepted: m.eLicenceAccepted ?? false,
    note: textOrNull(m.note),
  };
}

function stepBody(s: StepValues): ProcessStep {
  return { name: s.name?.trim() ?? '', description: textOrNull(s.description), timeLimit: limitBody(s.timeLimit) };
}

/** Every element of the guide, null where the form leaves it blank (a draft may be incomplete). */
export function guideBody(g: GuideValues): ItemCreate['guide'] {
  const f = g.flags ?? {};
  const materials = g.materials ?? [];
  const body = g.implementingBody ?? {};
  return {
    name: g.name?.trim() ?? '',
    kind: g.kind ?? 'licensing',
    typeCode: g.typeCode?.trim() ?? '',
    legalBasis: textOrNull(g.legalBasis),
    implementingBody: textOrNull(body.name) || textOrNull(body.uscc) ? { name: textOrNull(body.name), uscc: textOrNull(body.uscc), nature: body.nature ?? null } : null,
    legalTimeLimit: limitBody(g.legalTimeLimit),
    promisedTimeLimit: limitBody(g.promisedTimeLimit),
    caseKind: g.caseKind ?? null,
    resultName: textOrNull(g.resultName),
    resultSampleFileId: textOrNull(g.resultSampleFileId),
    fee: feeBody(g.fee),
    materials: materials.length > 0 ? materials.map(materialBody) : g.noMaterials ? [] : null,
    process: (g.process ?? []).length > 0 ? (g.process ?? []).map(stepBody) : null,
    handlingForms: (g.handlingForms ?? []).length > 0 ? [...(g.handlingForms ?? [])] : null,
    reviewStandard: textOrNull(g.reviewStandard),
    throughScope: g.throughScope ?? null,
    serviceObjects: (g.serviceObjects ?? []).length > 0 ? [...(g.serviceObjects ?? [])] : null,
    place: textOrNull(g.place),
    hours: textOrNull(g.hours),
    consultationPhone: textOrNull(g.consultationPhone),
    supervisionPhone: textOrNull(g.supervisionPhone),
    flags: {
      agencyHelp: f.agencyHelp ?? false,
      notifyCommit: f.notifyCommit ?? false,
      toleranceAcceptance: f.toleranceAcceptance ?? false,
      crossProvince: f.crossProvince ?? false,
      withinProvince: f.withinProvince ?? false,
      withinCity: f.withinCity ?? false,
      certificateFree: f.certificateFree ?? false,
      extendedHours: f.extendedHours ?? false,
      selfService24h: f.selfService24h ?? false,
      appointment: statedValue(f.appointment),
      onlinePayment: statedValue(f.onlinePayment),
      postalDelivery: statedValue(f.postalDelivery),
    },
  };
}

function codesBody(v: ItemValues) {
  const handling = v.level === 'handling';
  return {
    departmentId: v.departmentId ?? '',
    level: v.level ?? 'main',
    parentId: v.parentId ?? null,
    basicCode: v.basicCode?.trim() ?? '',
    implementationCode: handling ? null : textOrNull(v.implementationCode),
    handlingCode: handling ? textOrNull(v.handlingCode) : null,
  };
}

export function createBody(v: ItemValues): ItemCreate {
  return { ...codesBody(v), guide: guideBody(v.guide) };
}

/** The whole item: codes and place, and every guide element (the draft takes them as they are). */
export function updateBody(v: ItemValues): ItemUpdate {
  return { ...codesBody(v), guide: guideBody(v.guide) };
}
