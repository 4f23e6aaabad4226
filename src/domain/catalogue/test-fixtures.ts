/** Complete, publishable guides and materials for the catalogue's tests; override what a test is about. */
import type { ItemFlags, ItemGuide, Material } from './guide.ts';

export const FIXTURE_USCC = '11440232MB2D06811W';

export function material(overrides: Partial<Material> = {}): Material {
  return {
    name: '居民身份证',
    issuingBody: '公安机关',
    originals: 1,
    copies: 1,
    required: true,
    viaDataSharing: false,
    tolerance: null,
    blankFormFileId: null,
    sampleFileId: null,
    eLicenceAccepted: false,
    ...overrides,
  };
}

export function flags(overrides: Partial<ItemFlags> = {}): ItemFlags {
  return {
    agencyHelp: false,
    notifyCommit: false,
    toleranceAcceptance: false,
    crossProvince: false,
    withinProvince: false,
    withinCity: false,
    certificateFree: false,
    extendedHours: false,
    selfService24h: false,
    appointment: true,
    onlinePayment: false,
    postalDelivery: true,
    ...overrides,
  };
}

export function guide(overrides: Partial<ItemGuide> = {}): ItemGuide {
  return {
    name: '食品经营许可证核发',
    kind: 'licensing',
    typeCode: '01',
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    implementingBody: { name: '某市市场监督管理局', uscc: FIXTURE_USCC, nature: '1' },
    legalTimeLimit: { value: 20, unit: 'working_day' },
    promisedTimeLimit: { value: 5, unit: 'working_day', note: '不含现场核查时间' },
    caseKind: '2',
    resultName: '食品经营许可证',
    resultSampleFileId: 'file-result-sample',
    fee: { free: true },
    materials: [
      material(),
      // Its 空白表格 and 格式范本 (§6.3.2) must be stored files of the item's centre: tests that need them upload them.
      material({ name: '食品经营许可申请书', issuingBody: null, copies: 0 }),
    ],
    process: [{ name: '申请' }, { name: '受理' }, { name: '审查' }, { name: '决定' }, { name: '送达' }],
    handlingForms: ['1', '2'],
    reviewStandard: '申请材料齐全、符合法定形式',
    throughScope: '3',
    serviceObjects: ['1', '2'],
    place: '市政务服务中心一楼 A 区 5 号窗口',
    hours: '工作日 9:00–12:00，13:30–17:00',
    consultationPhone: '0791-12345678',
    supervisionPhone: '0791-12345',
    flags: flags(),
    ...overrides,
  };
}
