/** Item records for the spreadsheet tests and the import benchmark: valid codes, complete guides. */
import { FIXTURE_USCC, flags, guide, material } from '../../../domain/catalogue/test-fixtures.ts';
import type { ItemRecord } from './export.ts';

export { FIXTURE_USCC };

/** A 12-character basic code unique per `i`. */
export function basicCode(i: number): string {
  return `0001${String(i).padStart(8, '0')}`;
}

/** 18-character USCC + 行使层级 4 (县级) + basic code (REFERENCES.md "Service item data"). */
export function implementationCode(i: number): string {
  return `${FIXTURE_USCC}4${basicCode(i)}`;
}

/**
 * The i-th record: a complete guide whose stored-file ids are null (a workbook carries
 * no files), varied by `i` so that rows differ.
 */
export function sampleRecord(i: number): ItemRecord {
  const g = guide();
  return {
    basicCode: basicCode(i),
    implementationCode: implementationCode(i),
    handlingCode: null,
    itemLevel: 'main',
    parentCode: null,
    level: '4',
    departmentName: null,
    guide: {
      ...g,
      name: `${g.name ?? ''}（第 ${i + 1} 项）`,
      resultSampleFileId: null,
      materials: (g.materials ?? []).map((m) => ({ ...m, blankFormFileId: null, sampleFileId: null })),
      flags: flags({ agencyHelp: i % 2 === 0, extendedHours: i % 3 === 0 }),
    },
  };
}

/** Records that exercise every column: fees, tolerance, shared materials, a handling item, nulls. */
export function variedRecords(): ItemRecord[] {
  const base = sampleRecord(0);
  const charged: ItemRecord = {
    ...sampleRecord(1),
    departmentName: '某市政务服务数据管理局',
    guide: {
      ...sampleRecord(1).guide,
      kind: 'public_service',
      typeCode: '20',
      fee: { free: false, standard: '每件 10 元', basis: '《某省行政事业性收费目录》' },
      caseKind: '1',
      legalTimeLimit: { value: 1, unit: 'working_day' },
      promisedTimeLimit: { value: 4, unit: 'hour' },
      throughScope: '1',
      handlingForms: ['1', '2', '3', '4'],
      serviceObjects: ['1'],
      flags: flags({ crossProvince: true, withinProvince: true, toleranceAcceptance: true, certificateFree: true, appointment: null, onlinePayment: true, postalDelivery: null }),
      materials: [
        material({ name: '居民身份证', eLicenceAccepted: true }),
        material({ name: '户口簿', viaDataSharing: true, required: false, originals: 0, copies: 0 }),
        material({
          name: '房屋租赁合同',
          issuingBody: null,
          required: true,
          tolerance: { conditions: '已提交身份证明', completionDeadline: { value: 5, unit: 'working_day' } },
          note: '可先行受理',
        }),
      ],
    },
  };
  const noMaterials: ItemRecord = {
    ...sampleRecord(2),
    level: null,
    guide: { ...sampleRecord(2).guide, materials: [], process: [{ name: '申请' }, { name: '办结' }], legalBasis: null, reviewStandard: null },
  };
  const handling: ItemRecord = {
    ...sampleRecord(3),
    basicCode: basicCode(0),
    implementationCode: implementationCode(0),
    handlingCode: `${implementationCode(0)}01`,
    itemLevel: 'handling',
    guide: { ...sampleRecord(3).guide, name: '食品经营许可证核发（新办）' },
  };
  const sub: ItemRecord = { ...sampleRecord(4), itemLevel: 'sub', parentCode: implementationCode(0) };
  return [base, charged, noMaterials, handling, sub];
}
