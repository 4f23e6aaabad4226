/**
 * The bodies of the four notices that answer an application at the counter:
 * accepted (§8.1.2.3), to be corrected, told once (§8.1.2.3 b), accepted with a
 * material to complete later (§8.2.7), refused (§7.5.2.3). Data checked before
 * (./notice-check.ts): the sections they read are present.
 */
import { gridTable } from '../../../platform/pdf/layout.ts';
import type { Content, TableCell } from '../../../platform/pdf/types.ts';
import type { CorrectionIssue, NoticeData } from './notice-data.ts';
import { caseTable, copiesRemark, heading, materialTable, para, salutation, spaced } from './notice-frame.ts';
import { BLANK_DATE, chineseDate, clause, counterText, you } from './notice-format.ts';

/** The sections checked present for the notice being printed. */
function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('notice section missing after check');
  return value;
}

const received = (data: NoticeData): string => (data.receivedOn ? chineseDate(data.receivedOn) : '');
const basisPrefix = (basis: string | null | undefined): string => (basis?.trim() ? `根据${clause(basis)}的规定，` : '');

/** 受理通知书 (§8.1.2.3). */
export function acceptanceBody(data: NoticeData): Content[] {
  const s = need(data.acceptance);
  const delivery = s.resultDelivery?.trim();
  return [
    salutation(data),
    para(`${you(data.applicant)}于${received(data)}提出的“${data.item.name}”申请，经审查，申请材料齐全、符合法定形式，${basisPrefix(s.legalBasis)}本机关决定自${chineseDate(s.acceptedOn)}起予以受理。`),
    para(`本事项承诺办结时限为${clause(s.promisedTimeLimit)}，自受理之日起计算，预计于${chineseDate(s.dueOn)}前办结。${delivery ? `办理结果领取方式：${clause(delivery)}。` : ''}`),
    para('可凭本通知书的编号，或扫描下方二维码，查询办理进度。'),
    caseTable(data),
    heading(`已收取的申请材料（共 ${s.materials.length} 项）`),
    s.materials.length > 0 ? materialTable(s.materials) : para('本事项无需提交申请材料。'),
    copiesRemark(),
  ];
}

export const CORRECTION_ISSUES: Record<CorrectionIssue, string> = { missing: '缺少材料', incorrect: '不符合要求' };

/** 一次性告知书（补正材料通知）: every missing or faulty material at once (§8.1.2.3 b). */
export function correctionBody(data: NoticeData): Content[] {
  const s = need(data.correction);
  const rows = s.materials.map((m, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    { text: m.name },
    { text: CORRECTION_ISSUES[m.issue], alignment: 'center' },
    { text: clause(m.requirement) },
  ]);
  const deadline = s.correctBy ? `于${chineseDate(s.correctBy)}前` : '';
  return [
    salutation(data),
    para(`${you(data.applicant)}于${received(data)}提交的“${data.item.name}”申请材料不齐全或者不符合法定形式。${basisPrefix(s.legalBasis)}现将需要补正的全部内容一次性告知如下（共 ${s.materials.length} 项）：`),
    spaced(gridTable(['序号', '材料名称', '问题', '补正要求'], [28, '*', 64, '*'], rows)),
    para(`请${deadline}按上述要求补齐、补正全部材料后，到${counterText(data.counterNumber)}重新提交。补正的材料齐全、符合法定形式的，予以受理。`),
    para('以上为需要补正的全部内容，不再要求提交其他材料。'),
    caseTable(data),
    copiesRemark(),
  ];
}

const DEFAULT_CONSEQUENCE = '逾期未补齐容缺材料，或者补齐的材料不符合要求的，终止办理，由申请人承担相应责任。';

/** 容缺受理告知书 (§8.2.7: 容缺受理条件、补齐材料时限) with the applicant's commitment and signature line. */
export function toleranceBody(data: NoticeData): Content[] {
  const s = need(data.tolerance);
  const rows = s.materials.map((m, i): TableCell[] => [
    { text: String(i + 1), alignment: 'center' },
    { text: m.name },
    { text: m.condition?.trim() ? clause(m.condition) : '—' },
  ]);
  const by = chineseDate(s.completeBy);
  const limit = s.timeLimit?.trim() ? `（受理后${clause(s.timeLimit)}内）` : '';
  const commitment =
    s.commitment?.trim() ||
    `本人（单位）已知晓上述容缺材料和补齐时限，承诺于${by}前补齐全部容缺材料，并对所提交材料的真实性、合法性负责；逾期未补齐或者所补材料与承诺不符的，愿意承担相应责任。`;
  return [
    salutation(data),
    para(`${you(data.applicant)}于${received(data)}提出的“${data.item.name}”申请，主要申请材料齐全、符合法定形式，下列材料暂缺或者存在瑕疵。根据容缺受理的规定，本机关决定自${chineseDate(s.acceptedOn)}起予以容缺受理。`),
    heading(`容缺材料（共 ${s.materials.length} 项）`),
    spaced(gridTable(['序号', '材料名称', '容缺情形及补齐要求'], [28, '*', '*'], rows)),
    para(`请于${by}前${limit}将上述材料补齐，送交${counterText(data.counterNumber)}。${clause(s.consequence?.trim() || DEFAULT_CONSEQUENCE)}。`),
    caseTable(data),
    heading('申请人承诺'),
    para(commitment),
    { text: `申请人（签字或盖章）：____________________　　日期：${BLANK_DATE}`, margin: [0, 8, 0, 0] },
    copiesRemark(),
  ];
}

/** 不予受理决定书 (§7.5.2.3, §8.1.2.4 b): reason, legal basis, remedies. */
export function refusalBody(data: NoticeData): Content[] {
  const s = need(data.refusal);
  const redirect = s.redirect?.trim();
  const reviewBody = s.reviewBody?.trim() || '有管辖权的行政复议机关';
  const court = s.court?.trim() || '有管辖权的人民法院';
  return [
    salutation(data),
    para(`${you(data.applicant)}于${received(data)}提出的“${data.item.name}”申请，经审查，${clause(s.reason)}。`),
    para(`根据${clause(s.legalBasis)}的规定，本机关决定不予受理。${redirect ? `请${you(data.applicant)}向${clause(redirect)}提出申请。` : ''}`),
    para(
      `如不服本决定，可以自收到本决定书之日起六十日内向${reviewBody}申请行政复议，或者自收到本决定书之日起六个月内向${court}提起行政诉讼。`,
    ),
    caseTable(data),
    copiesRemark(),
  ];
}
