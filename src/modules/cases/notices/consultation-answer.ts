/**
 * 一次性告知单（咨询答复）: DB36/T 2016 §8.1.2.2 a — the counter answers a consultation
 * clearly and at once, with the materials to bring and more than one channel to ask
 * again; §8.1.2.2 b — a matter handled elsewhere is pointed to its area, department
 * or counter.
 */
import { labelValueTable } from '../../../platform/pdf/layout.ts';
import type { Content } from '../../../platform/pdf/types.ts';
import type { NoticeData } from './notice-data.ts';
import { LABEL_WIDTH, heading, materialTable, para, salutation, spaced } from './notice-frame.ts';
import { chineseDate, clause, counterText, idLabel, shownId, you } from './notice-format.ts';

export function consultationAnswerBody(data: NoticeData): Content[] {
  const s = data.consultation;
  if (!s) throw new Error('notice section missing after check');
  const materials = s.materials ?? [];
  const referral = s.referral?.trim();
  const phone = data.centre.phone?.trim();
  const sections: Content[] = [
    salutation(data),
    para(`${you(data.applicant)}于${chineseDate(s.askedOn)}咨询的“${data.item.name}”有关事宜，现一次性告知如下：`),
    spaced(labelValueTable(
      [
        ['登记编号', data.caseNumber, '咨询日期', chineseDate(s.askedOn)],
        // The ID row only when the ID was recorded (§8.1.2.2 c asks name, unit and contact).
        ...(data.applicant.idMasked?.trim()
          ? ([['咨询人', data.applicant.name, idLabel(data.applicant), shownId(data.applicant.idMasked)], ['咨询窗口', counterText(data.counterNumber)]] as const)
          : ([['咨询人', data.applicant.name, '咨询窗口', counterText(data.counterNumber)]] as const)),
        ['事项名称', data.item.name],
        ['实施部门', data.item.department, '接待人', data.clerkName],
      ],
      LABEL_WIDTH,
    )),
    heading('一、咨询问题'),
    para(s.question.trim()),
    heading('二、答复'),
    para(s.answer.trim()),
    heading(`三、所需申请材料${materials.length > 0 ? `（共 ${materials.length} 项）` : ''}`),
    materials.length > 0 ? materialTable(materials) : para('无需提交申请材料。'),
  ];
  const [guidance, channels] = referral ? ['四、办理指引', '五、其他咨询渠道'] : [undefined, '四、其他咨询渠道'];
  if (guidance) sections.push(heading(guidance), para(`本事项请到${clause(referral ?? '')}办理。`));
  sections.push(
    heading(channels),
    para(`${phone ? `可拨打咨询电话 ${phone}，或` : '可'}扫描下方二维码，在网上查看。`),
    para('以上为办理本事项需要了解的全部内容。'),
  );
  return sections;
}
