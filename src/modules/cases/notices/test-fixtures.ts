/**
 * Notice data of every kind, for the tests and the benchmark: a complete, realistic
 * case with overrides. The applicant's full ID number is kept here only so that tests
 * can check that it never prints.
 */
import { maskIdNumber } from '../../../domain/shared/privacy.ts';
import type { NoticeData, NoticeKind } from './notice-data.ts';

/** A valid GB 11643 number (check character X). */
export const FULL_ID = '36010219900101123X';

export const FULL_USCC = '91360122MA38ABCD1X';

const common: NoticeData = {
  centre: { name: '新建区政务服务中心', address: '南昌市新建区长堎大道 999 号', phone: '0791-83712345' },
  caseNumber: 'NC2025030300017',
  item: { name: '食品经营许可证核发', department: '新建区市场监督管理局' },
  applicant: { kind: 'person', name: '张三丰', idMasked: maskIdNumber(FULL_ID) },
  clerkName: '李小红',
  counterNumber: '12',
  issuedOn: '2025-03-03',
  receivedOn: '2025-03-03',
};

export const NOTICE_FIXTURES: Record<NoticeKind, NoticeData> = {
  acceptance: {
    ...common,
    acceptance: {
      acceptedOn: '2025-03-03',
      promisedTimeLimit: '10 个工作日',
      dueOn: '2025-03-17',
      legalBasis: '《中华人民共和国行政许可法》第三十二条',
      resultDelivery: '邮政快递送达',
      materials: [
        { name: '食品经营许可申请书', originals: 1, copies: 0 },
        { name: '营业执照', originals: 0, copies: 0, note: '通过数据共享获取' },
        { name: '经营场所使用证明', originals: 1, copies: 1 },
        { name: '食品安全管理制度', originals: 1, copies: 0 },
      ],
    },
  },
  correction: {
    ...common,
    correction: {
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（四）项',
      correctBy: '2025-03-10',
      materials: [
        { name: '经营场所平面布局图', issue: 'missing', requirement: '提交标明功能分区的平面布局图原件 1 份' },
        { name: '食品安全管理人员健康证明', issue: 'incorrect', requirement: '健康证明已过有效期，请提交有效期内的健康证明' },
        { name: '法定代表人授权委托书', issue: 'incorrect', requirement: '委托书须由法定代表人签字并加盖公章' },
      ],
    },
  },
  tolerance: {
    ...common,
    tolerance: {
      acceptedOn: '2025-03-03',
      completeBy: '2025-03-10',
      timeLimit: '5 个工作日',
      materials: [{ name: '经营场所使用证明', condition: '已提交租赁合同，产权证明待补' }, { name: '设备布局和工艺流程图' }],
    },
  },
  refusal: {
    ...common,
    applicant: { kind: 'organisation', name: '南昌市某某餐饮管理有限公司', idMasked: maskIdNumber(FULL_USCC) },
    refusal: {
      reason: '申请事项依法不需要取得行政许可',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
      redirect: '南昌市新建区商务局',
      reviewBody: '南昌市新建区人民政府',
      court: '南昌铁路运输法院',
    },
  },
  delivery_receipt: {
    ...common,
    issuedOn: '2025-03-14',
    delivery: {
      documents: [
        { name: '食品经营许可证（正本）', number: 'JY13601120012345', copies: 1 },
        { name: '食品经营许可证（副本）', copies: 1 },
      ],
      method: 'post',
      deliveredAt: '2025-03-14T15:30:00+08:00',
      place: '南昌市新建区望城新区某某路 8 号',
      trackingNumber: 'EMS1234567890',
    },
  },
  consultation_answer: {
    ...common,
    caseNumber: 'ZX2025030300005',
    item: { ...common.item, id: '5f0c7a52-8d7e-4c41-9a3e-2b6f0e9d1c11' },
    applicant: { kind: 'person', name: '王五' },
    consultation: {
      askedOn: '2025-03-03',
      question: '开一家小餐馆需要办理哪些手续，多长时间能办好？',
      answer: '先办理营业执照，再申请食品经营许可证。材料齐全的，食品经营许可证自受理之日起 10 个工作日内办结，可选择邮寄送达。',
      materials: [
        { name: '食品经营许可申请书', originals: 1, copies: 0, note: '窗口提供空白表格和示范文本' },
        { name: '经营场所使用证明', originals: 1, copies: 1 },
      ],
      referral: '一楼 A 区 5 号窗口（食品经营许可专窗）',
    },
  },
};
